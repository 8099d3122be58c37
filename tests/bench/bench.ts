import { startWorld, type World } from '../support/world';
import { benchExtension, removeBenchExtension } from './bench-extension';
import { measureHeap } from './figures/heap';
import { measureMainThread } from './figures/main-thread';
import { measurePopup } from './figures/popup';
import { measureShareMenu } from './figures/share-menu';
import { measureSize } from './figures/size';
import { measureSync } from './figures/sync';
import { measureTicketCreation } from './figures/ticket-create';
import { recordTraffic } from './stand-in-traffic';
import { ROW_IDS, type Row, type Section } from './table';

// Runs every figure of issue 15 in one browser session and returns the rows in table order.

export interface BenchCounts {
  /** Share menu openings (half by click, half by keyboard). */
  openings: number;
  churnMs: number;
  churnRows: number;
  churnIntervalMs: number;
  naiveIntervalMs: number;
  heapOpenings: number;
  heapNavigations: number;
  popupOpens: number;
  tickets: number;
  syncTickets: number;
  syncChanged: number;
  syncRuns: number;
}

export const FULL: BenchCounts = {
  openings: 200,
  churnMs: 10_000,
  churnRows: 200,
  churnIntervalMs: 50,
  naiveIntervalMs: 16,
  heapOpenings: 100,
  heapNavigations: 20,
  popupOpens: 20,
  tickets: 30,
  syncTickets: 10_000,
  syncChanged: 10,
  syncRuns: 3,
};

export interface BenchResult {
  rows: Row[];
  notes: string[];
}

/** The bench's parts, in the order they run; `only` picks some of them (BENCH_ONLY=share,heap). */
export const PARTS = ['size', 'sync', 'popup', 'ticket', 'share', 'main-thread', 'heap'] as const;
export type Part = (typeof PARTS)[number];

export async function runBench(options: {
  buildDir: string;
  counts: BenchCounts;
  log?: (line: string) => void;
  only?: readonly Part[];
}): Promise<BenchResult> {
  const { counts } = options;
  const log = options.log ?? (() => undefined);
  const wanted = (part: Part) => !options.only || options.only.includes(part);
  const sections: Section[] = wanted('size') ? [measureSize(options.buildDir)] : [];
  const extensionDir = benchExtension(options.buildDir);
  const traffic = recordTraffic((host) => /(^|\.)service-now\.com(:\d+)?$/.test(host));
  let world: World | undefined;
  try {
    world = await startWorld({ extensionDir });
    const w = world;
    const steps: [Part, () => Promise<Section>][] = [
      // First: the first sync is the one that follows connecting, with the tickets already there.
      // It also connects the extension, which the parts after it need.
      ['sync', () => measureSync(w, traffic, { tickets: counts.syncTickets, changed: counts.syncChanged, runs: counts.syncRuns })],
      ['popup', () => measurePopup(w, counts.popupOpens)],
      ['ticket', () => measureTicketCreation(w, traffic, counts.tickets)],
      ['share', () => measureShareMenu(w, counts.openings)],
      ['main-thread', () => measureMainThread(w, { durationMs: counts.churnMs, rows: counts.churnRows, intervalMs: counts.churnIntervalMs, naiveIntervalMs: counts.naiveIntervalMs })],
      ['heap', () => measureHeap(w, { openings: counts.heapOpenings, navigations: counts.heapNavigations })],
    ];
    for (const [name, step] of steps) {
      // The sync part always runs when another part runs: it connects the extension.
      if (!wanted(name) && !(name === 'sync' && steps.some(([other]) => other !== 'sync' && wanted(other)))) continue;
      log(`bench: ${name}…`);
      const section = await step();
      if (wanted(name)) sections.push(section);
    }
  } finally {
    traffic.stop();
    await world?.close();
    removeBenchExtension(extensionDir);
  }
  const rows = sections.flatMap((s) => s.rows);
  const order = new Map<string, number>(ROW_IDS.map((id, i) => [id, i]));
  rows.sort((a, b) => (order.get(a.id) ?? 99) - (order.get(b.id) ?? 99));
  return { rows, notes: sections.flatMap((s) => s.notes) };
}
