import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { PROJECT_ROOT } from '../support/certs';
import { startWorld, type World } from '../support/world';
import { connect } from '../e2e/pages/portal-page';
import { faultMix, LATE_LABELS, LATE_MAX_MS } from './faults';
import { judge, percentile, type SoakRequest, type StoredRecord, type Verdict } from './judge';
import { outboxItems, sendThroughApi, UiSender } from './senders';

// The creation soak (issue 11 item 1): tickets through the real extension in Chromium, a quarter
// via the portal form, the rest via the worker's message API, while the stand-in injects seeded
// faults into every create, the worker is stopped mid-flight, the browser restarted once with the
// same profile and the network taken offline a while. Creations go in rounds: the API sends of a
// round all at once, the form sends one after the other meanwhile; events fall between rounds.
// Time to ticket is per creation: Send → its first record in the stand-in (watched every 100 ms).

export interface SoakOptions {
  creations: number;
  seed?: number;
  /** Give up waiting for tickets after this long (ms). */
  settleMs?: number;
  log?: (line: string) => void;
}

export interface SoakReport {
  creations: number;
  viaUi: number;
  faults: Record<string, number>;
  workerStops: number;
  restarts: number;
  offlineWindows: number;
  /** Requests that reached the instance while the browser was offline (should be 0). */
  reachedWhileOffline: number;
  /** Those requests (time, method, path), so a failure says what got through. */
  offlineArrivals: string[];
  /** Requests that arrived while setOffline was still reaching the pages and the worker. */
  requestsWhileGoingOffline: number;
  verdict: Verdict;
  /** Retired duplicates the popup lists. */
  popupNotices: number;
  waiting: number;
  /** Waiting items by state/last error code. */
  waitingBy: Record<string, number>;
  timeToTicketMs: { p50: number; p95: number; max: number };
  durationMs: number;
}

const ROUND = 8;
const UI_PER_ROUND = 2; // a quarter through the form (≥ a fifth)
const OFFLINE_MS = 8_000;
const UI_ACTIONS = ['AdminMFAV2', 'MFARegistrationV2', 'BlockLegacyAuthentication', 'IntegratedApps', 'OneAdmin', 'RoleOverlap'];

export async function runSoak(options: SoakOptions): Promise<SoakReport> {
  const tmp = join(PROJECT_ROOT, '.tmp');
  mkdirSync(tmp, { recursive: true });
  const profile = mkdtempSync(join(tmp, 'soak-'));
  const world = await startWorld({ userDataDir: profile });
  try {
    return await drive(world, options, options.log ?? (() => undefined));
  } finally {
    await world.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

/** Resolves once the condition holds (or after limitMs, so a missed signal cannot hang the soak). */
const until = (condition: () => boolean, limitMs = 30_000, everyMs = 100) =>
  new Promise<void>((resolve) => {
    const deadline = Date.now() + limitMs;
    const timer = setInterval(() => {
      if (condition() || Date.now() > deadline) {
        clearInterval(timer);
        resolve();
      }
    }, everyMs);
  });

async function drive(world: World, options: SoakOptions, log: (line: string) => void): Promise<SoakReport> {
  const started = Date.now();
  const sn = world.servicenow.state;
  await connect(world);
  sn.updateSettings({ logBodyFields: ['correlation_id', 'short_description'] });
  const schedule = (seed: number) => sn.setFaultSchedule({ seed, match: '/api/now/table/', method: 'POST', mix: faultMix() as never });
  schedule(options.seed ?? 42);

  const requests: SoakRequest[] = [];
  const byName = new Map<string, SoakRequest>();
  // Per creation: the first time a record of it shows in the stand-in.
  const watch = setInterval(() => {
    for (const table of ['change_request', 'incident'] as const)
      for (const r of sn.allRecords(table)) {
        const request = byName.get(String(r.short_description));
        if (request && !request.firstSeenAt) request.firstSeenAt = Date.now();
      }
  }, 100);

  let apiPage = await world.openExtensionPage('options.html');
  const ui = new UiSender(world);
  const runId = Date.now().toString(36);
  const rounds = Math.ceil(options.creations / ROUND);
  const stopRounds = new Set([0.1, 0.25, 0.4, 0.6, 0.8, 0.95].map((f) => Math.floor(f * rounds)));
  const restartRound = Math.floor(0.5 * rounds);
  const offlineRound = Math.floor(0.7 * rounds);
  let workerStops = 0;
  let offlineWindows = 0;
  let requestsWhileGoingOffline = 0;
  const offlineArrivals: string[] = [];
  let viaUi = 0;
  const dueDate = new Date(Date.now() + 14 * 864e5).toISOString().slice(0, 10);

  const stored = (request: SoakRequest) => async () =>
    byName.get(request.name)!.firstSeenAt !== undefined ||
    (await outboxItems(apiPage).catch(() => [])).some((i) => i.name === request.name);

  for (let round = 0; round < rounds; round++) {
    const batch: SoakRequest[] = [];
    for (let j = 0; j < ROUND && requests.length < options.creations; j++) {
      const i = requests.length;
      const viaForm = j < UI_PER_ROUND;
      const request: SoakRequest = {
        key: `#${i}`,
        table: i % 3 === 0 ? 'incident' : 'change_request',
        name: `Soak ${runId} #${i}`,
        description: `Soak ticket ${i} of run ${runId}.`,
        dueDate,
        actionId: viaForm ? UI_ACTIONS[(viaUi + round) % UI_ACTIONS.length]! : null,
        sentAt: Date.now(),
      };
      if (viaForm) viaUi++;
      requests.push(request);
      byName.set(request.name, request);
      batch.push(request);
    }
    const offline = round === offlineRound;
    let offlineFrom = 0;
    if (offline) {
      log(`offline for ${OFFLINE_MS / 1000} s`);
      await ui.ready();
      // Counted from when setOffline has reached every page and worker: it goes to them one after
      // the other, and requests the worker makes meanwhile (retries, the sync after the restart)
      // are still online. Those are counted apart, for information.
      const goingOffline = sn.getLog().length;
      await world.context.setOffline(true);
      offlineFrom = sn.getLog().length;
      requestsWhileGoingOffline += offlineFrom - goingOffline;
      offlineWindows++;
    }
    const logBefore = sn.getLog().length;
    const api = Promise.all(
      batch.filter((r) => !r.actionId).map((r) => sendThroughApi(() => apiPage, r, stored(r))),
    );
    if (stopRounds.has(round) && !offline) {
      // Mid-flight: once a create of this round has reached the instance.
      await until(() => sn.getLog().slice(logBefore).some((e) => e.method === 'POST'));
      await stopWorkers(world);
      workerStops++;
    }
    for (const r of batch.filter((r) => r.actionId)) await ui.send(r.actionId!, r);
    await api;
    if (offline) {
      await until(() => Date.now() >= requestsSentAt(batch) + OFFLINE_MS); // the outage's length
      offlineArrivals.push(...sn.getLog().slice(offlineFrom).map((e) => `${e.t} ${e.method} ${e.path} (connection ${e.connection})`));
      await world.context.setOffline(false);
      schedule((options.seed ?? 42) + 1);
    }
    if (round === restartRound) {
      log(`restarting the browser after ${requests.length} creations`);
      await world.restartBrowser();
      apiPage = await world.openExtensionPage('options.html');
      ui.reset();
    }
    if (Math.floor((requests.length - batch.length) / 50) !== Math.floor(requests.length / 50))
      log(`${requests.length} creations sent, ${Math.round((Date.now() - started) / 1000)} s`);
  }

  log(`all ${requests.length} sent after ${Math.round((Date.now() - started) / 1000)} s; settling`);
  await settle(world, apiPage, requests, options.settleMs ?? 180_000);
  log(`settled after ${Math.round((Date.now() - started) / 1000)} s`);
  sn.clearFaultSchedule();
  // The periodic sync (an alarm) would come by itself; here it is asked for once everything settled.
  await (await world.worker()).evaluate(`globalThis.__snt.sync.requestSync('manual').then(() => true)`);
  clearInterval(watch);
  const records = {
    change_request: sn.allRecords('change_request') as unknown as StoredRecord[],
    incident: sn.allRecords('incident') as unknown as StoredRecord[],
  };
  const unsent = (await outboxItems(apiPage)).filter((i) => i.state !== 'sent');
  // Why they wait (state / last error code), so a failed soak says where to look.
  const waitingBy: Record<string, number> = {};
  for (const i of unsent) {
    const key = `${i.state}/${i.lastError?.code ?? '-'}`;
    waitingBy[key] = (waitingBy[key] ?? 0) + 1;
  }
  // What the popup lists (storage.local, the newest 20).
  const notices = (await apiPage.evaluate(`chrome.storage.local.get('duplicateNotices:v1')`)) as Record<string, unknown[]>;
  const times = requests.filter((r) => r.firstSeenAt).map((r) => r.firstSeenAt! - r.sentAt);
  return {
    creations: requests.length,
    viaUi,
    faults: sn.faultCounts(),
    workerStops,
    restarts: 1,
    offlineWindows,
    reachedWhileOffline: offlineArrivals.length,
    offlineArrivals,
    requestsWhileGoingOffline,
    verdict: judge(requests, records),
    popupNotices: notices['duplicateNotices:v1']?.length ?? 0,
    waiting: unsent.length,
    waitingBy,
    timeToTicketMs: { p50: percentile(times, 50), p95: percentile(times, 95), max: Math.max(...times) },
    durationMs: Date.now() - started,
  };
}

const requestsSentAt = (batch: SoakRequest[]) => Math.min(...batch.map((r) => r.sentAt));

async function stopWorkers(world: World): Promise<void> {
  const page = world.context.pages()[0] ?? (await world.context.newPage());
  const cdp = await world.context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
}

/**
 * Until every request has a record, the outbox has nothing left to send and every late create the
 * stand-in was holding has happened. Asking the outbox also wakes a stopped worker, which resumes.
 */
async function settle(world: World, page: Page, requests: SoakRequest[], limitMs: number): Promise<void> {
  const sn = world.servicenow.state;
  const deadline = Date.now() + limitMs;
  for (;;) {
    const seen = requests.every((r) => r.firstSeenAt);
    const unsent = (await outboxItems(page).catch(() => [{ state: 'unknown', name: '' }])).filter((i) => i.state !== 'sent');
    // A late create is carried out after its connection closed: wait for its record, or until its
    // time has passed (one whose token expired meanwhile is refused with 401 and creates nothing).
    const lateOpen = sn
      .getLog()
      .filter((e) => e.fault && LATE_LABELS.includes(e.fault) && !e.created && Date.parse(e.t) + LATE_MAX_MS + 1_000 > Date.now());
    if ((seen && unsent.length === 0 && lateOpen.length === 0) || Date.now() > deadline) return;
    await new Promise((resolve) => setTimeout(resolve, 500)); // the poll's interval
  }
}
