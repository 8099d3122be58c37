import { formatGlideDateTime } from '../domain/glide-date-time';
import type { Ticket } from '../domain/ticket';

// Where the next incremental sync starts reading (see "Watermark" in sync-engine.ts).

/** Clock differences between the instance's nodes, and between its Date header and its time stamps. */
export const WATERMARK_MARGIN_MS = 5000;

/** The oldest watermark (all of them must be covered); undefined when one is unknown. */
export function oldestWatermark(watermarks: (string | undefined)[]): string | undefined {
  let min: string | undefined;
  for (const w of watermarks) {
    if (w === undefined) return undefined;
    if (min === undefined || w < min) min = w;
  }
  return min;
}

export function nextWatermark(
  serverDate: number | undefined,
  tickets: Ticket[],
  previous: string | undefined,
): string | undefined {
  if (serverDate !== undefined) return formatGlideDateTime(Math.floor(serverDate / 1000) * 1000 - WATERMARK_MARGIN_MS);
  // No Date header: the newest time stamp seen is safe (>=), only less tight.
  let newest = previous ?? '';
  for (const t of tickets) if (t.updatedOn > newest) newest = t.updatedOn;
  return newest || undefined;
}
