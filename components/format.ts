import { parseGlideDateTime } from '@/utils/domain/glide-date-time';

// Dates in the browser's language and time zone. ServiceNow sends UTC `YYYY-MM-DD HH:MM:SS`.

export function formatDate(glide: string): string {
  const ms = parseGlideDateTime(glide);
  return Number.isNaN(ms)
    ? ''
    : new Date(ms).toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
}

/** Time only for today, date and time otherwise. */
export function formatMoment(ms: number, now = Date.now()): string {
  const date = new Date(ms);
  const sameDay = new Date(now).toDateString() === date.toDateString();
  return sameDay
    ? date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })
    : date.toLocaleString(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
}
