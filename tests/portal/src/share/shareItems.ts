import type { IContextualMenuItem } from '@fluentui/react';
import { reportCommand } from '../feedback';
import type { Strings } from '../i18n';
import { volatileKey } from '../rerender';
import { secureScoreUrl } from '../router';

/** Absolute link to an action's flyout (what "Copy link" copies). */
export function actionLink(actionId: string): string {
  return new URL(secureScoreUrl('actions', actionId), window.location.origin).href;
}

function copyToClipboard(text: string): void {
  // navigator.clipboard only exists in secure contexts; the visible feedback is what tests check.
  navigator.clipboard?.writeText(text).catch(() => undefined);
}

/**
 * The built-in items of every Share menu (flyout command bar, standalone button, row "…" submenu):
 * Copy link (Link), Email (Mail), Microsoft Teams (TeamsLogo), Microsoft Planner (PlannerLogo).
 * With `rerender` the keys change on every tick, so an open menu's item nodes are replaced.
 */
export function shareMenuItems(t: Strings, actionId: string, tick: number): IContextualMenuItem[] {
  return [
    {
      key: volatileKey('copyLink', tick),
      text: t.share.copyLink,
      iconProps: { iconName: 'Link' },
      onClick: () => {
        copyToClipboard(actionLink(actionId));
        reportCommand('copyLink', actionId);
      },
    },
    {
      key: volatileKey('email', tick),
      text: t.share.email,
      iconProps: { iconName: 'Mail' },
      onClick: () => reportCommand('email', actionId),
    },
    {
      key: volatileKey('teams', tick),
      text: t.share.teams,
      iconProps: { iconName: 'TeamsLogo' },
      onClick: () => reportCommand('teams', actionId),
    },
    {
      key: volatileKey('planner', tick),
      text: t.share.planner,
      iconProps: { iconName: 'PlannerLogo' },
      onClick: () => reportCommand('planner', actionId),
    },
  ];
}
