import type { SerializedError } from '../errors';

// What the background worker tells the popup, options page and content script about the
// connection. Never contains tokens or the client secret: only whether a secret is stored.

export type ConnectionState =
  'not_configured' | 'not_connected' | 'connecting' | 'connected' | 'reconnect_needed' | 'offline';

export type StepId = 'instance' | 'client' | 'authorized' | 'user' | 'read' | 'create' | 'ready' | 'fields';

export type StepState = 'ok' | 'warning' | 'failed' | 'pending';

export interface ChecklistStep {
  id: StepId;
  state: StepState;
  /** Why a step failed or warns, and how to fix it. */
  detail?: string;
}

export interface ServiceNowUser {
  sysId: string;
  userName: string;
  name: string;
  email?: string;
  /** Looks like a dedicated integration user (web service access only / internal integration user). */
  dedicated: boolean;
}

export interface ConnectionStatus {
  state: ConnectionState;
  /** Normalised instance origin, e.g. https://contoso.service-now.com */
  instanceOrigin?: string;
  instanceHost?: string;
  clientId?: string;
  hasClientSecret: boolean;
  /** browser.identity.getRedirectURL(): must be registered in ServiceNow's Application Registry. */
  redirectUrl: string;
  user?: ServiceNowUser;
  /** When the (non-rotating) refresh token expires, ms since epoch. */
  refreshExpiresAt?: number;
  /** True within a week of refreshExpiresAt: the user should reconnect. */
  refreshExpiresSoon?: boolean;
  checklist: ChecklistStep[];
  lastError?: SerializedError;
  lastSyncAt?: number;
  outboxCount: number;
  updatedAt: number;
}

/** States in which a ticket may be sent: now, or kept in the outbox until ServiceNow can be reached. */
const CAN_QUEUE: readonly ConnectionState[] = ['connected', 'offline', 'reconnect_needed'];

export function canQueueTickets(state: ConnectionState): boolean {
  return CAN_QUEUE.includes(state);
}
