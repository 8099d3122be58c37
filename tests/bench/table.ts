// The bench's one table: figure | measured | target | baseline | pass/miss.

export interface Row {
  /** Stable key (the smoke test checks that every one is there). */
  id: string;
  figure: string;
  /** The measured number, in the unit the row's text uses. */
  value: number;
  measured: string;
  target: string;
  /** A naive baseline or reference measured in the same run; '—' when there is none. */
  baseline: string;
  /** null: informational row without a target. */
  pass: boolean | null;
}

/** What one figure module hands back: its rows, and notes printed under the table. */
export interface Section {
  rows: Row[];
  notes: string[];
}

export const ROW_IDS = [
  'share-frames-without-item',
  'share-frames-item-not-last',
  'share-item-latency-p95',
  'main-thread-share',
  'main-thread-vs-naive',
  'heap-added',
  'heap-growth',
  'content-script-gzip',
  'web-accessible-resources',
  'popup-paint-median',
  'ticket-client-overhead-p95',
  'first-sync-requests',
  'first-sync-time',
  'unchanged-sync-requests',
  'unchanged-sync-bytes',
  'changed-sync-requests',
] as const;

export type RowId = (typeof ROW_IDS)[number];

export function formatTable(rows: readonly Row[]): string {
  const header = ['figure', 'measured', 'target', 'baseline', 'pass/miss'];
  const cells = rows.map((r) => [r.figure, r.measured, r.target, r.baseline, r.pass === null ? 'info' : r.pass ? 'pass' : 'MISS']);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (values: string[]) => `| ${values.map((v, i) => v.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...cells.map(line)].join('\n');
}

export const ms = (value: number, digits = 1) => `${value.toFixed(digits)} ms`;
export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
export const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;
export const pct = (fraction: number) => `${(fraction * 100).toFixed(2)} %`;
