import type { SoakReport } from './soak';

/** The soak's one table. */
export function formatReport(r: SoakReport): string {
  const faults =
    Object.entries(r.faults)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ') || 'none';
  const ms = (n: number) => (Number.isFinite(n) ? `${(n / 1000).toFixed(1)} s` : '–');
  const rows: [string, string][] = [
    ['creations', `${r.creations} (${r.viaUi} through the portal form)`],
    ['faults by kind', faults],
    ['worker stops', String(r.workerStops)],
    ['browser restarts', String(r.restarts)],
    ['offline windows', `${r.offlineWindows} (requests reaching the instance meanwhile: ${r.reachedWhileOffline}; while going offline: ${r.requestsWhileGoingOffline})`],
    ['tickets (incl. retired)', String(r.verdict.tickets)],
    ['lost', String(r.verdict.lost.length)],
    ['duplicates created', `${r.verdict.duplicatesCreated} (popup notices: ${r.popupNotices}, it keeps the newest 20)`],
    ['duplicates left live', String(r.verdict.duplicatesLeftLive.length)],
    ['wrong fields', String(r.verdict.wrongFields.length)],
    [
      'waiting in outbox',
      `${r.waiting}${r.waiting ? ` (${Object.entries(r.waitingBy).map(([k, v]) => `${k} ${v}`).join(', ')})` : ''}`,
    ],
    [
      'time to ticket p50 / p95 / max',
      `${ms(r.timeToTicketMs.p50)} / ${ms(r.timeToTicketMs.p95)} / ${ms(r.timeToTicketMs.max)}`,
    ],
    ['run time', ms(r.durationMs)],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  return rows.map(([k, v]) => `| ${k.padEnd(width)} | ${v} |`).join('\n');
}

/** What fails a soak: anything lost, wrong, waiting or left duplicated. */
export function failures(r: SoakReport): string[] {
  const out: string[] = [];
  if (r.verdict.lost.length) out.push(`lost: ${r.verdict.lost.join(', ')}`);
  if (r.verdict.wrongFields.length) out.push(`wrong fields: ${r.verdict.wrongFields.join(', ')}`);
  if (r.waiting) out.push(`${r.waiting} waiting in the outbox`);
  if (r.verdict.duplicatesLeftLive.length) out.push(`duplicates left live: ${r.verdict.duplicatesLeftLive.join(', ')}`);
  if (r.reachedWhileOffline) out.push(`${r.reachedWhileOffline} requests reached the instance while offline: ${r.offlineArrivals.join('; ')}`);
  return out;
}
