// Every ticket the extension creates carries a correlation ID, so the extension can find its own
// tickets again (sync) and the ticket of an improvement action (duplicate guard, per-action
// status). ServiceNow's correlation_id holds up to 100 characters.

export const CORRELATION_PREFIX = 'm365ss-';
export const MANUAL_PREFIX = `${CORRELATION_PREFIX}manual-`;
/** correlation_display: names the external system in ServiceNow. */
export const CORRELATION_DISPLAY = 'Microsoft 365 Security';

/** Secure Score control ids: letters, digits, "_", "-", "." (e.g. AdminMFAV2). */
const ACTION_ID = /^[A-Za-z0-9_.-]{1,80}$/;

export function isActionId(value: string): boolean {
  return ACTION_ID.test(value);
}

/** The stable correlation ID of an improvement action's tickets. */
export function correlationIdFor(actionId: string): string {
  if (!isActionId(actionId)) throw new Error(`Not an improvement action id: ${actionId.slice(0, 40)}`);
  return `${CORRELATION_PREFIX}${actionId}`;
}

/** A ticket created without an improvement action (Create a ticket on the home page cards). */
export function manualCorrelationId(random: string = crypto.randomUUID()): string {
  return `${MANUAL_PREFIX}${random}`;
}

/** The improvement action id a correlation ID belongs to, if any. */
/**
 * Whether a correlation ID is ours. ServiceNow's STARTSWITH ignores case, so the sync receives
 * `M365SS-…` too; treating those as foreign would make every sync see a count mismatch.
 */
export function hasOurPrefix(correlationId: string): boolean {
  return correlationId.slice(0, CORRELATION_PREFIX.length).toLowerCase() === CORRELATION_PREFIX;
}

export function actionIdOf(correlationId: string): string | null {
  if (!hasOurPrefix(correlationId) || correlationId.slice(0, MANUAL_PREFIX.length).toLowerCase() === MANUAL_PREFIX)
    return null;
  const id = correlationId.slice(CORRELATION_PREFIX.length);
  return isActionId(id) ? id : null;
}
