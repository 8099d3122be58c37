import type { World } from '../../support/world';
import { connect } from '../../e2e/pages/portal-page';
import { ask, openBlankPage, syncIdle, type SyncStateView } from '../extension-page';
import { median } from '../stats';
import { busyTime, isApi, type Exchange, type Traffic } from '../stand-in-traffic';
import { kb, ms, type Section } from '../table';

// Ticket sync in the real extension (production build, its worker, IndexedDB) against the
// stand-in: requests and bytes from the stand-in's side (stand-in-traffic.ts), duration from the
// worker's own sync state (lastAttemptAt → lastSyncAt).

export interface SyncCounts {
  tickets: number;
  changed: number;
  runs: number;
}

const glide = (time: number) => new Date(time).toISOString().slice(0, 19).replace('T', ' ');
// The sync reads the ticket tables and the Aggregate API; the current user (sys_user) and the
// choice lists the options page loads for its field defaults (sys_choice) are other callers'.
const isSyncRead = (e: Exchange) =>
  isApi(e) && !e.path.startsWith('/api/now/table/sys_user') && !e.path.startsWith('/api/now/table/sys_choice');
const limitOf = (e: Exchange) => Number(new URLSearchParams(e.query).get('sysparm_limit') ?? 0);

function checked(state: SyncStateView, what: string): SyncStateView {
  if (state.error) throw new Error(`${what}: the sync failed (${state.error.code}: ${state.error.message})`);
  return state;
}

export async function measureSync(world: World, traffic: Traffic, counts: SyncCounts): Promise<Section> {
  const { state } = world.servicenow;
  const hourAgo = glide(Date.now() - 3600_000);
  const incidents = Math.floor(counts.tickets / 10);
  // Tickets of the extension (correlation ids m365ss-…), both types, last changed an hour ago.
  state.seedRecords('change_request', { count: counts.tickets - incidents, correlationPrefix: 'm365ss-bench-chg-', fields: { sys_created_on: hourAgo, sys_updated_on: hourAgo } });
  state.seedRecords('incident', { count: incidents, correlationPrefix: 'm365ss-bench-inc-', fields: { sys_created_on: hourAgo, sys_updated_on: hourAgo } });

  // First sync: the one the extension starts by itself right after connecting.
  const first = traffic.mark();
  await connect(world);
  const page = await openBlankPage(world);
  const firstState = checked(await syncIdle(page), 'first sync');
  // The sync's own window (the worker's Date.now() at its start and end; the stand-in's times are
  // anchored to Date.now() too): connecting reads the ticket tables once as well (the checklist).
  const inSync = (e: Exchange) => e.startedAt >= firstState.lastAttemptAt! - 1 && e.finishedAt <= firstState.lastSyncAt! + 1;
  const firstReads = first.take().filter((e) => isSyncRead(e) && inSync(e));
  const firstMs = firstState.lastSyncAt! - firstState.lastAttemptAt!;
  const pageSize = Math.max(...firstReads.map(limitOf));
  const allowed = Math.ceil(counts.tickets / pageSize) + 2;

  async function syncNow(): Promise<Exchange[]> {
    const mark = traffic.mark();
    checked(await ask<SyncStateView>(page, 'syncNow'), 'sync');
    return mark.take().filter(isSyncRead);
  }

  const unchanged: Exchange[][] = [];
  for (let run = 0; run < counts.runs; run++) unchanged.push(await syncNow());

  const changed: Exchange[][] = [];
  const sysIds = [...state.tables.change_request.rows.keys()];
  for (let run = 0; run < counts.runs; run++) {
    for (let i = 0; i < counts.changed; i++) state.updateRecord('change_request', sysIds[run * counts.changed + i]!, { state: '-4' });
    changed.push(await syncNow());
  }
  await page.close();

  const unchangedRequests = median(unchanged.map((r) => r.length));
  const unchangedBytes = median(unchanged.map((r) => r.reduce((n, e) => n + e.requestBytes + e.responseBytes, 0)));
  const changedRequests = median(changed.map((r) => r.length));
  const n = counts.tickets.toLocaleString('en');
  const describe = (e: Exchange) =>
    `${e.method} ${e.path} (limit ${limitOf(e) || '—'}): request ${e.requestBytes} B, response ${e.responseBytes} B = ` +
    `body ${e.responseBodyBytes} B + headers ${e.responseBytes - e.responseBodyBytes} B (largest: ${e.responseHeaderSizes.slice(0, 3).map(([name, bytes]) => `${name} ${bytes} B`).join(', ')})`;
  const notes = [
    `first sync: ${firstReads.length} reads (${firstReads.map((e) => `${e.method} ${e.path}${limitOf(e) ? ` limit ${limitOf(e)}` : ''}`).join(', ')}), ` +
      `${kb(firstReads.reduce((a, e) => a + e.requestBytes + e.responseBytes, 0))} on the wire, ${ms(firstMs, 0)} in the worker, ` +
      `of which the stand-in was handling a request ${ms(busyTime(firstReads), 0)}`,
    `unchanged sync, last run: ${unchanged.at(-1)!.map(describe).join('; ') || 'no request'}`,
    `${counts.changed} changed, last run: ${changed.at(-1)!.map((e) => `${e.method} ${e.path}`).join(', ')}`,
  ];
  const rows: Section['rows'] = [
    {
      id: 'first-sync-requests',
      figure: `first sync of ${n} tickets: requests (page ${pageSize})`,
      value: firstReads.length,
      measured: String(firstReads.length),
      target: `≤ ${allowed}`,
      baseline: '—',
      pass: firstReads.length <= allowed,
    },
    { id: 'first-sync-time', figure: `first sync of ${n} tickets: time`, value: firstMs, measured: ms(firstMs, 0), target: '≤ 5000 ms', baseline: '—', pass: firstMs <= 5000 },
    {
      id: 'unchanged-sync-requests',
      figure: `unchanged incremental sync: requests (median of ${counts.runs})`,
      value: unchangedRequests,
      measured: String(unchangedRequests),
      target: '1',
      baseline: '—',
      pass: unchangedRequests === 1,
    },
    {
      id: 'unchanged-sync-bytes',
      figure: 'unchanged incremental sync: bytes on the wire (req + resp, headers + body)',
      value: unchangedBytes,
      measured: kb(unchangedBytes),
      target: '≤ 2.0 KB',
      baseline: '—',
      pass: unchangedBytes <= 2048,
    },
    {
      id: 'changed-sync-requests',
      figure: `sync of ${n} tickets, ${counts.changed} changed: requests (median of ${counts.runs})`,
      value: changedRequests,
      measured: String(changedRequests),
      target: '≤ 3',
      baseline: '—',
      pass: changedRequests <= 3,
    },
  ];
  return { rows, notes };
}
