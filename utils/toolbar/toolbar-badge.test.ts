import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { ChecklistStep } from '../domain/connection-status';
import {
  applyToolbarStatus,
  BADGE_COLORS,
  toolbarAppearance,
  type ToolbarApi,
  type ToolbarStatus,
} from './toolbar-badge';

const user = { sysId: 'u1', userName: 'svc_m365', name: 'SVC M365 Integration', dedicated: true };
const connected: ToolbarStatus = { state: 'connected', outboxCount: 0, instanceHost: 'contoso.service-now.com', user };
const failedCreate: ChecklistStep[] = [
  { id: 'read', state: 'ok' },
  { id: 'create', state: 'failed', detail: 'no role' },
];

describe('toolbarAppearance', () => {
  test.each<[ToolbarStatus | null, string]>([
    [connected, 'connected'],
    [{ ...connected, refreshExpiresSoon: true, refreshExpiresAt: Date.UTC(2030, 0, 8) }, 'attention'],
    [{ ...connected, checklist: failedCreate }, 'attention'],
    [{ ...connected, checklist: [{ id: 'user', state: 'warning' }] }, 'connected'],
    [{ state: 'reconnect_needed', outboxCount: 0 }, 'attention'],
    [{ state: 'offline', outboxCount: 0 }, 'attention'],
    [{ state: 'connecting', outboxCount: 0 }, 'disconnected'],
    [{ state: 'not_connected', outboxCount: 0 }, 'disconnected'],
    [{ state: 'not_configured', outboxCount: 0 }, 'disconnected'],
    [null, 'disconnected'],
  ])('%o shows the %s icon, with its badge colour', (status, icon) => {
    const appearance = toolbarAppearance(status);
    expect(appearance.icon).toBe(icon);
    expect(appearance.iconPaths).toEqual({
      16: `icon/${icon}-16.png`,
      24: `icon/${icon}-24.png`,
      32: `icon/${icon}-32.png`,
    });
    expect(appearance.badgeColor).toBe(BADGE_COLORS[appearance.icon]);
  });

  test('every icon it names is in public/ (rendered by npm run icons)', () => {
    for (const state of ['connected', 'reconnect_needed', 'not_connected'] as const) {
      for (const path of Object.values(toolbarAppearance({ state, outboxCount: 0 }).iconPaths)) {
        expect(existsSync(join(import.meta.dirname, '..', '..', 'public', path)), path).toBe(true);
      }
    }
  });

  test('the badge counts the tickets waiting to be sent, and is empty when none wait', () => {
    expect(toolbarAppearance({ ...connected, outboxCount: 0 }).badgeText).toBe('');
    expect(toolbarAppearance({ ...connected, outboxCount: 3 }).badgeText).toBe('3');
    expect(toolbarAppearance({ state: 'offline', outboxCount: 99 }).badgeText).toBe('99');
    expect(toolbarAppearance({ state: 'offline', outboxCount: 250 }).badgeText).toBe('99+');
  });

  test('the tooltip says the state, why it needs attention, and what waits', () => {
    expect(toolbarAppearance(connected).title).toBe(
      'ServiceNow Tickets\nConnected as SVC M365 Integration to contoso.service-now.com',
    );
    expect(toolbarAppearance({ ...connected, checklist: failedCreate, outboxCount: 2 }).title).toBe(
      'ServiceNow Tickets\nConnected as SVC M365 Integration to contoso.service-now.com\nAllowed to create change requests and incidents: Failed\nTickets waiting to be sent: 2',
    );
    expect(toolbarAppearance({ state: 'reconnect_needed', outboxCount: 1 }).title).toBe(
      'ServiceNow Tickets\nReconnect needed\nTickets waiting to be sent: 1',
    );
    expect(
      toolbarAppearance({ ...connected, refreshExpiresSoon: true, refreshExpiresAt: Date.UTC(2030, 0, 8) }).title,
    ).toMatch(/expires/);
  });
});

describe('applyToolbarStatus', () => {
  function recordingApi(withTextColor = true) {
    const calls: [string, unknown][] = [];
    const record = (name: string) => async (details: unknown) => void calls.push([name, details]);
    const api: ToolbarApi = {
      setIcon: record('setIcon'),
      setBadgeText: record('setBadgeText'),
      setBadgeBackgroundColor: record('setBadgeBackgroundColor'),
      setTitle: record('setTitle'),
      ...(withTextColor ? { setBadgeTextColor: record('setBadgeTextColor') } : {}),
    };
    return { api, calls };
  }

  test('sets icon, badge text and colour, text colour and tooltip', async () => {
    const { api, calls } = recordingApi();
    await applyToolbarStatus({ state: 'offline', outboxCount: 4 }, api);
    expect(Object.fromEntries(calls)).toEqual({
      setIcon: { path: { 16: 'icon/attention-16.png', 24: 'icon/attention-24.png', 32: 'icon/attention-32.png' } },
      setBadgeText: { text: '4' },
      setBadgeBackgroundColor: { color: BADGE_COLORS.attention },
      setBadgeTextColor: { color: '#FFFFFF' },
      setTitle: { title: 'ServiceNow Tickets\nOffline\nTickets waiting to be sent: 4' },
    });
  });

  test('works where the browser has no setBadgeTextColor', async () => {
    const { api, calls } = recordingApi(false);
    await applyToolbarStatus(connected, api);
    expect(calls.map(([name]) => name).sort()).toEqual([
      'setBadgeBackgroundColor',
      'setBadgeText',
      'setIcon',
      'setTitle',
    ]);
  });
});
