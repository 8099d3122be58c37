/// <reference types="node" />
// `npm run bench`: the ticket sync against the ServiceNow stand-in (in-process, plain HTTP), with
// the product's own client, sync engine and service; an in-memory cache instead of IndexedDB.
// Prints requests (from the stand-in's request log) and wall time; asserts nothing about time.
import { performance } from 'node:perf_hooks';
import type { TokenManager } from '../../utils/auth/token-manager';
import { createServiceNowClient } from '../../utils/servicenow/client';
import { createSyncService } from '../../utils/sync/sync-service';
import { INITIAL_SYNC_STATE, type SyncState } from '../../utils/domain/sync-state';
import { createMemoryTicketCache } from '../support/memory-ticket-cache';
import { queryTickets } from '../../utils/domain/ticket-queries';
import { PUBLIC_CLIENT } from '../servicenow/seed';
import { startServiceNow } from '../servicenow/server';
import { connect, target } from '../servicenow/test-client';

const TICKETS = Number(process.env.BENCH_TICKETS ?? 5000);
const RUNS = 3;

const glide = (ms: number) => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function main() {
  const sn = await startServiceNow({ port: 0 });
  try {
    const { access_token: token } = await connect(target(sn), PUBLIC_CLIENT, 'jane.admin');
    const tokens = { accessToken: async () => token, renewAfterRejection: async () => token } as unknown as TokenManager;
    const client = createServiceNowClient(sn.url, tokens);
    const hourAgo = glide(Date.now() - 3600_000);
    sn.state.seedRecords('change_request', { count: TICKETS, correlationPrefix: 'm365ss-bulk-', fields: { sys_created_on: hourAgo, sys_updated_on: hourAgo } });
    sn.state.seedRecords('incident', { count: 20, correlationPrefix: 'm365ss-inc-', fields: { sys_created_on: hourAgo, sys_updated_on: hourAgo } });

    let state: SyncState = { ...INITIAL_SYNC_STATE };
    const cache = createMemoryTicketCache();
    const sync = createSyncService({
      client: async () => client,
      cache,
      canSync: async () => true,
      instanceOrigin: async () => sn.url,
      state: { get: async () => state, set: async (next) => void (state = next) },
      scheduleRetry: () => undefined,
      cancelRetry: () => undefined,
    });

    const rows: { scenario: string; requests: number; ms: number; note: string }[] = [];
    async function measure(scenario: string, before: () => Promise<void> | void, note = '') {
      const times: number[] = [];
      let requests = 0;
      for (let run = 0; run < RUNS; run++) {
        await before();
        sn.state.clearLog();
        const started = performance.now();
        const result = await sync.requestSync('manual');
        times.push(performance.now() - started);
        if (result.error) throw new Error(`${scenario}: ${result.error.message}`);
        requests = sn.state.getLog().filter((e) => e.path.startsWith('/api/')).length;
      }
      rows.push({ scenario, requests, ms: Math.round(median(times)), note });
    }

    await measure(`first sync, ${TICKETS.toLocaleString('en')} change requests + 20 incidents`, () => sync.wipe(), 'pages of 1,000 on task + one Aggregate call per ticket type (task check)');
    await measure('unchanged sync', () => undefined, 'one head page (25 records) of task for both types');
    const sysIds = [...sn.state.tables.change_request.rows.keys()];
    let i = 0;
    await measure('one ticket changed', () => void sn.state.updateRecord('change_request', sysIds[i++]!, { state: '-4' }), '+ one Aggregate call on task (by class and state)');
    await measure('one ticket deleted', () => void sn.state.deleteRecord('change_request', sysIds[sysIds.length - 1 - i++]!), 'census differs: + id-only pass on task');
    // A hardened instance that refuses the parent table: the per-table fallback.
    sn.state.updateSettings({ taskReadDenied: true });
    await measure('first sync, task refused (fallback)', () => sync.wipe(), 'task refused (403) + pages per ticket type + Aggregate per type');
    await measure('unchanged sync, task refused (fallback)', () => undefined, 'refusal remembered: one head page per ticket type');
    sn.state.updateSettings({ taskReadDenied: false });

    const all = [...(await cache.read('change_request'))!.tickets, ...(await cache.read('incident'))!.tickets];
    const started = performance.now();
    for (let run = 0; run < 20; run++) queryTickets(all, { table: 'all', state: 'open', search: 'bulk', sort: 'state', dir: 'asc', offset: 100, limit: 50 });
    const listMs = (performance.now() - started) / 20;

    console.log(`\nTicket sync against the stand-in (median of ${RUNS} runs; requests from its log)\n`);
    console.table(rows);
    console.log(`List view query (filter + sort + page over ${all.length.toLocaleString('en')} cached tickets): ${listMs.toFixed(1)} ms\n`);
  } finally {
    await sn.close();
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
