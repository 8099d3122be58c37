// Judges a soak from the stand-in's records alone: per request exactly one live ticket (a retired
// duplicate is Canceled: change_request 4, incident 8), every field as sent.
export interface SoakRequest {
  key: string;
  table: 'change_request' | 'incident';
  name: string;
  description: string;
  /** YYYY-MM-DD as entered. */
  dueDate: string;
  /** The action it was sent for (portal form), or null (message API: a manual ticket). */
  actionId: string | null;
  /** When Send was selected (or the message sent). */
  sentAt: number;
  /** When its first record appeared in the stand-in. */
  firstSeenAt?: number;
}

export interface StoredRecord {
  sys_id: string;
  short_description: string;
  description: string;
  state: string;
  due_date?: string;
  correlation_id?: string;
}

export interface Verdict {
  tickets: number;
  lost: string[];
  duplicatesCreated: number;
  duplicatesLeftLive: string[];
  wrongFields: string[];
}

const CANCELED: Record<SoakRequest['table'], string> = { change_request: '4', incident: '8' };

/** The due date as the product writes it: the user's local 17:00 on that day, in UTC. */
function dueDateField(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d, 17, 0, 0).toISOString().slice(0, 19).replace('T', ' ');
}

function wrongFields(request: SoakRequest, record: StoredRecord): string[] {
  const wrong: string[] = [];
  if (!record.description.startsWith(`${request.description}\n\n---\n`)) wrong.push('description');
  if (record.due_date !== dueDateField(request.dueDate)) wrong.push('due_date');
  const correlation = record.correlation_id ?? '';
  if (request.actionId ? correlation !== `m365ss-${request.actionId}` : !correlation.startsWith('m365ss-'))
    wrong.push('correlation_id');
  return wrong;
}

export function judge(requests: SoakRequest[], records: Record<string, StoredRecord[]>): Verdict {
  const verdict: Verdict = { tickets: 0, lost: [], duplicatesCreated: 0, duplicatesLeftLive: [], wrongFields: [] };
  for (const request of requests) {
    const mine = (records[request.table] ?? []).filter((r) => r.short_description === request.name);
    verdict.tickets += mine.length;
    const live = mine.filter((r) => r.state !== CANCELED[request.table]);
    if (mine.length === 0) verdict.lost.push(request.key);
    else if (live.length === 0) verdict.lost.push(`${request.key} (only retired)`);
    verdict.duplicatesCreated += Math.max(0, mine.length - 1);
    if (live.length > 1) verdict.duplicatesLeftLive.push(request.key);
    for (const record of live) {
      for (const field of wrongFields(request, record)) verdict.wrongFields.push(`${request.key}: ${field}`);
    }
  }
  return verdict;
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
