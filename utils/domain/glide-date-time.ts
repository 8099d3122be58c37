// ServiceNow's date-time fields: UTC `YYYY-MM-DD HH:MM:SS` (Glide date-time).

export const GLIDE_DATE_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

/** As ms since epoch (NaN when empty or malformed). */
export function parseGlideDateTime(value: string): number {
  return GLIDE_DATE_TIME.test(value) ? Date.parse(`${value.replace(' ', 'T')}Z`) : Number.NaN;
}

export function formatGlideDateTime(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}
