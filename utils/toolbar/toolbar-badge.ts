import browser from 'webextension-polyfill';
import type { ConnectionStatus } from '../domain/connection-status';
import { t } from '../i18n';
import { iconSet, TOOLBAR_ICON_SIZES, toolbarIconPath, type ToolbarIconState } from './icon-paths';

// The toolbar button tells the connection state at a glance (F5.4): its icon carries a state dot
// (connected, needs attention, not connected), the badge counts the tickets waiting to be sent,
// and the tooltip says the state in words.

export type ToolbarStatus = Pick<ConnectionStatus, 'state' | 'outboxCount'> &
  Partial<Pick<ConnectionStatus, 'instanceHost' | 'user' | 'checklist' | 'refreshExpiresSoon' | 'refreshExpiresAt'>>;

export interface ToolbarAppearance {
  icon: ToolbarIconState;
  /** { size: path } for action.setIcon({ path }) */
  iconPaths: Record<string, string>;
  /** Tickets waiting to be sent; empty when none (the browser then shows no badge). */
  badgeText: string;
  badgeColor: string;
  title: string;
}

/** Badge colours: Fluent brand blue, Fluent warning orange (dark enough for white text), grey. */
export const BADGE_COLORS: Record<ToolbarIconState, string> = {
  connected: '#0F6CBD',
  attention: '#BC4B09',
  disconnected: '#605E5C',
};

const MAX_BADGE_COUNT = 99;

/** What the toolbar shows for a status; null (nothing published yet) reads as not set up. */
export function toolbarAppearance(status: ToolbarStatus | null): ToolbarAppearance {
  const current: ToolbarStatus = status ?? { state: 'not_configured', outboxCount: 0 };
  const icon = iconState(current);
  const waiting = Math.max(0, Math.floor(current.outboxCount || 0));
  return {
    icon,
    iconPaths: iconSet(TOOLBAR_ICON_SIZES, (size) => toolbarIconPath(icon, size)),
    badgeText: waiting === 0 ? '' : waiting > MAX_BADGE_COUNT ? `${MAX_BADGE_COUNT}+` : String(waiting),
    badgeColor: BADGE_COLORS[icon],
    title: [
      t('productName'),
      ...stateLines(current),
      ...(waiting > 0 ? [`${t('waitingTickets')}: ${waiting}`] : []),
    ].join('\n'),
  };
}

function failedStep(status: ToolbarStatus) {
  return status.checklist?.find((step) => step.state === 'failed');
}

function iconState(status: ToolbarStatus): ToolbarIconState {
  switch (status.state) {
    case 'connected':
      return status.refreshExpiresSoon || failedStep(status) ? 'attention' : 'connected';
    case 'reconnect_needed':
    case 'offline':
      // Tickets cannot go out until the user acts or the instance answers again.
      return 'attention';
    case 'not_configured':
    case 'not_connected':
    case 'connecting':
      return 'disconnected';
  }
}

function stateLines(status: ToolbarStatus): string[] {
  if (status.state !== 'connected') return [t(`state_${status.state}`)];
  const lines = [t('state_connected', status.user?.name || status.user?.userName || '?', status.instanceHost ?? '')];
  const failed = failedStep(status);
  if (failed) lines.push(`${t(`step_${failed.id}`)}: ${t('stepState_failed')}`);
  if (status.refreshExpiresSoon && status.refreshExpiresAt)
    lines.push(t('refreshExpiresSoon', new Date(status.refreshExpiresAt).toLocaleDateString()));
  return lines;
}

/** The part of browser.action (MV3) / browser.browserAction (MV2) the toolbar needs. */
export interface ToolbarApi {
  setIcon(details: { path: Record<string, string> }): Promise<void>;
  setBadgeText(details: { text: string }): Promise<void>;
  setBadgeBackgroundColor(details: { color: string }): Promise<void>;
  setBadgeTextColor?(details: { color: string }): Promise<void>;
  setTitle(details: { title: string }): Promise<void>;
}

/** browser.action in MV3 builds (Chrome, Edge), browser.browserAction in MV2 (Firefox). */
export function toolbarApi(): ToolbarApi {
  const api =
    (browser as unknown as { action?: ToolbarApi }).action ??
    (browser.browserAction as unknown as ToolbarApi | undefined);
  if (!api) throw new Error('Neither browser.action nor browser.browserAction is available here');
  return api;
}

export async function applyToolbarAppearance(
  appearance: ToolbarAppearance,
  api: ToolbarApi = toolbarApi(),
): Promise<void> {
  await Promise.all([
    api.setIcon({ path: appearance.iconPaths }),
    api.setBadgeText({ text: appearance.badgeText }),
    api.setBadgeBackgroundColor({ color: appearance.badgeColor }),
    api.setBadgeTextColor?.({ color: '#FFFFFF' }),
    api.setTitle({ title: appearance.title }),
  ]);
}

/** Shows a published connection status on the toolbar button. */
export function applyToolbarStatus(status: ToolbarStatus | null, api?: ToolbarApi): Promise<void> {
  return applyToolbarAppearance(toolbarAppearance(status), api);
}
