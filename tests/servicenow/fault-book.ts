// Which requests get which fault: one-off faults queued by tests (consumed in order), a seeded
// random schedule for soak tests (a mix of kinds by probability), and counters by label of every
// fault injected — so a soak test can report exactly what the instance did to it.

/**
 * Network faults and hostile answers. "Processed" kinds carry the request out first (the record
 * IS created) and then break, replace or drop the answer; the others answer without doing it.
 */
export const FAULT_KINDS = [
  'status', // an error status with ServiceNow's JSON error body (429 with Retry-After and X-RateLimit-*)
  'hang', // never answered (or connection closed after delayMs); not processed
  'drop', // connection destroyed before the request is processed
  'html', // an HTML page (status default 200; 503 gives a maintenance page)
  'drop-after', // processed; the answer breaks off half-way
  'drop-before-answer', // processed; connection closed before any answer byte
  'late-create', // hangs; processed after delayMs (after the client gave up); answer dropped
  'expire-token', // every access token expires now, then the request is handled (→ 401)
  'redirect', // 302 to another host
  'malformed-json', // processed; answer body is not valid JSON
  'empty-body', // processed; answer with no body at all
  'wrong-types', // processed; answer fields of the wrong JSON types
  'proto-keys', // processed; answer with __proto__ and constructor keys
  'huge-body', // processed; a 5 MB answer (a huge description)
  'endless-list', // a 200 list that streams records until the client aborts
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

/** Kinds that carry the request out unless `process: false` is given. */
const PROCESSED_BY_DEFAULT: ReadonlySet<FaultKind> = new Set(['drop-after', 'drop-before-answer', 'late-create', 'malformed-json', 'empty-body', 'wrong-types', 'proto-keys', 'huge-body', 'endless-list', 'expire-token']);

export interface FaultInput {
  /** Path prefix, e.g. "/api/now/table/incident". */
  match: string;
  method?: string;
  kind: FaultKind;
  /** status: the error status (4xx/5xx); html: the page's status (default 200); hostile 2xx kinds: overrides the real status. */
  status?: number;
  retryAfter?: number;
  /** How many matching requests get it (default 1). */
  times?: number;
  /** hang: close the connection after this long (default: never); late-create: when the request is carried out (default 35 000). */
  delayMs?: number;
  /** Carry the request out before answering with the fault (default: true for the "processed" kinds). */
  process?: boolean;
  /** redirect: the Location (default another host). */
  location?: string;
  /** huge-body: size of the padding (default 5 MiB). */
  sizeBytes?: number;
  /** endless-list: pause between records (default 10 ms). */
  intervalMs?: number;
  /** Name in the counters (default: kind, or kind-status such as status-429, html-503). */
  label?: string;
}

export interface Fault extends FaultInput {
  times: number;
  label: string;
}

export interface ScheduleEntry extends Omit<FaultInput, 'match' | 'method' | 'times'> {
  /** Chance per matching request, 0..1; the entries' sum must not exceed 1. */
  probability: number;
}

export interface ScheduleInput {
  /** PRNG seed: the same seed and the same request order give the same faults. */
  seed: number;
  /** Path prefix (default /api/now/). */
  match?: string;
  method?: string;
  mix: ScheduleEntry[];
  /** Stop injecting after this many faults (default: no limit). */
  maxFaults?: number;
}

export interface ScheduleStatus {
  seed: number;
  match: string;
  method?: string;
  mix: (ScheduleEntry & { label: string })[];
  maxFaults?: number;
  /** Matching requests seen (one random draw each). */
  requests: number;
  /** Faults the schedule injected. */
  injected: number;
}

export function processesRequest(f: FaultInput): boolean {
  return f.process ?? PROCESSED_BY_DEFAULT.has(f.kind);
}

export function faultLabel(f: Pick<FaultInput, 'kind' | 'status' | 'label'>): string {
  if (f.label) return String(f.label);
  if (f.kind === 'status') return `status-${f.status}`;
  if (f.kind === 'html' && f.status !== undefined && Number(f.status) !== 200) return `html-${f.status}`;
  return f.kind;
}

/** mulberry32: small, fast, good enough to spread faults; deterministic per seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function checkShape(f: Omit<FaultInput, 'match'>, what: string): void {
  if (!(FAULT_KINDS as readonly string[]).includes(f.kind)) throw new Error(`${what}.kind must be one of ${FAULT_KINDS.join(', ')}`);
  if (f.kind === 'status' && !(Number(f.status) >= 400 && Number(f.status) <= 599)) throw new Error(`${what}.status must be 4xx or 5xx`);
  if (f.status !== undefined && !(Number(f.status) >= 100 && Number(f.status) <= 599)) throw new Error(`${what}.status must be an HTTP status`);
  for (const n of ['delayMs', 'sizeBytes', 'intervalMs', 'retryAfter'] as const) {
    if (f[n] !== undefined && !(Number(f[n]) >= 0)) throw new Error(`${what}.${n} must be a number >= 0`);
  }
}

export class FaultBook {
  /** One-off faults, first match wins. */
  queued: Fault[] = [];
  /** Faults injected so far, by label (queued and scheduled). */
  counts: Record<string, number> = {};
  private schedule: (ScheduleStatus & { random: () => number }) | undefined;

  add(input: FaultInput): Fault {
    if (!input || typeof input.match !== 'string' || !input.match.startsWith('/')) throw new Error('fault.match must be a path prefix starting with /');
    checkShape(input, 'fault');
    const fault: Fault = {
      ...input,
      method: input.method?.toUpperCase(),
      times: input.times === undefined ? 1 : Math.max(1, Math.floor(Number(input.times))),
      label: faultLabel(input),
    };
    this.queued.push(fault);
    return fault;
  }

  setSchedule(input: ScheduleInput): ScheduleStatus {
    if (!input || !Number.isFinite(Number(input.seed))) throw new Error('schedule.seed must be a number');
    if (!Array.isArray(input.mix) || input.mix.length === 0) throw new Error('schedule.mix must be a non-empty array of {probability, kind, ...}');
    let sum = 0;
    const mix = input.mix.map((e, i) => {
      checkShape(e, `mix[${i}]`);
      const p = Number(e.probability);
      if (!(p >= 0 && p <= 1)) throw new Error(`mix[${i}].probability must be between 0 and 1`);
      sum += p;
      return { ...e, probability: p, label: faultLabel(e) };
    });
    if (sum > 1 + 1e-9) throw new Error(`schedule probabilities add up to ${sum}, more than 1`);
    const match = input.match ?? '/api/now/';
    if (!match.startsWith('/')) throw new Error('schedule.match must be a path prefix starting with /');
    this.schedule = {
      seed: Number(input.seed),
      match,
      method: input.method?.toUpperCase(),
      mix,
      maxFaults: input.maxFaults === undefined ? undefined : Math.max(0, Math.floor(Number(input.maxFaults))),
      requests: 0,
      injected: 0,
      random: seededRandom(Number(input.seed)),
    };
    return this.scheduleStatus()!;
  }

  scheduleStatus(): ScheduleStatus | undefined {
    if (!this.schedule) return undefined;
    const { random: _random, ...status } = this.schedule;
    return { ...status, mix: status.mix.map((e) => ({ ...e })) };
  }

  clearSchedule(): void {
    this.schedule = undefined;
  }

  clear(): void {
    this.queued = [];
    this.schedule = undefined;
  }

  reset(): void {
    this.clear();
    this.counts = {};
  }

  /** The fault for this request, if any (queued first, then one draw from the schedule); counted. */
  take(method: string, path: string): Fault | undefined {
    const m = method.toUpperCase();
    const i = this.queued.findIndex((f) => path.startsWith(f.match) && (!f.method || f.method === m));
    let fault: Fault | undefined;
    if (i >= 0) {
      const f = this.queued[i]!;
      f.times--;
      if (f.times <= 0) this.queued.splice(i, 1);
      fault = f;
    } else {
      fault = this.draw(m, path);
    }
    if (fault) this.counts[fault.label] = (this.counts[fault.label] ?? 0) + 1;
    return fault;
  }

  private draw(method: string, path: string): Fault | undefined {
    const s = this.schedule;
    if (!s || !path.startsWith(s.match) || (s.method && s.method !== method)) return undefined;
    s.requests++;
    const r = s.random(); // drawn for every matching request, so the sequence depends on request order only
    if (s.maxFaults !== undefined && s.injected >= s.maxFaults) return undefined;
    let acc = 0;
    for (const e of s.mix) {
      acc += e.probability;
      if (r < acc) {
        s.injected++;
        const { probability: _p, ...fault } = e;
        return { ...fault, match: s.match, method: s.method, times: 1 };
      }
    }
    return undefined;
  }
}
