import browser, { type Runtime } from 'webextension-polyfill';
import { AppError, toAppError, type SerializedError } from './errors';
import { t } from './i18n';
import type { ConnectionStatus } from './connection/status';
import type { OutboxSummary, SendOutcome } from './outbox/outbox';
import type { TicketFormContext } from './tickets/ticket-service';
import { isTicketDraft, type TicketDraft } from './tickets/ticket-draft';
import { isActionId } from './tickets/correlation';
import type { SyncState } from './sync/sync-state';
import { isActionIdsRequest, isTicketListQuery } from './tickets/ticket-messages';
import type { ActionTicketsAnswer, TicketListPage, TicketListQuery, TicketOverview } from './tickets/types';

// The one protocol between the background worker and everything else. Each message names who
// may send it and how to check its payload; the background refuses anything else.

/** Where a message comes from: a content script on the portal, or one of our extension pages. */
export type SenderKind = 'portal' | 'extension-page';

export const PORTAL_ORIGIN = 'https://security.microsoft.com';

export interface ConnectionSettingsInput {
  instance: string;
  clientId: string;
  /** undefined keeps the stored secret, '' removes it, text replaces it. */
  clientSecret?: string;
}

export interface Protocol {
  ping: { request: { note: string }; response: { pong: true; note: string; version: string } };
  getStatus: { request: { refresh: boolean }; response: ConnectionStatus };
  saveConnection: { request: ConnectionSettingsInput; response: ConnectionStatus };
  connect: { request: Record<string, never>; response: ConnectionStatus };
  /** forget: also delete the instance, client ID and secret (options → Remove connection). */
  disconnect: { request: { forget: boolean }; response: ConnectionStatus };
  openOptions: { request: Record<string, never>; response: true };
  /** What the task form needs: connection state, defaults, existing tickets of the action. */
  prepareTicket: { request: { actionId: string | null }; response: TicketFormContext };
  createTicket: { request: TicketDraft; response: SendOutcome };
  retryTicket: { request: { outboxId: string }; response: SendOutcome };
  discardTicket: { request: { outboxId: string }; response: true };
  listOutbox: { request: Record<string, never>; response: OutboxSummary[] };
  /** Home page cards: counts by state and recent tickets, from the worker's cache. */
  getTicketOverview: { request: Record<string, never>; response: TicketOverview };
  /** Per-action status: the cached tickets of these improvement actions. */
  getActionTickets: { request: { actionIds: string[] }; response: ActionTicketsAnswer };
  /** Full list view: one filtered, sorted page of cached tickets. */
  listTickets: { request: TicketListQuery; response: TicketListPage };
  /** Sync now (cards, list, popup, options); resolves when that sync has finished. */
  syncNow: { request: Record<string, never>; response: SyncState };
}

export type MessageName = keyof Protocol;
export type RequestOf<N extends MessageName> = Protocol[N]['request'];
export type ResponseOf<N extends MessageName> = Protocol[N]['response'];

interface MessageSpec<N extends MessageName> {
  from: readonly SenderKind[];
  isValid(payload: unknown): payload is RequestOf<N>;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isEmpty = (v: unknown): v is Record<string, never> => isObject(v) && Object.keys(v).length === 0;
const isShortString = (v: unknown, max = 2048): v is string => typeof v === 'string' && v.length <= max;
const hasOnlyKeys = (v: Record<string, unknown>, keys: string[]) =>
  Object.keys(v).every((k) => keys.includes(k));

const both = ['portal', 'extension-page'] as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const isOutboxRef = (p: unknown): p is { outboxId: string } =>
  isObject(p) && hasOnlyKeys(p, ['outboxId']) && typeof p.outboxId === 'string' && UUID.test(p.outboxId);

export const MESSAGE_SPECS: { [N in MessageName]: MessageSpec<N> } = {
  ping: {
    from: both,
    isValid: (p): p is { note: string } =>
      isObject(p) && hasOnlyKeys(p, ['note']) && isShortString(p.note, 200),
  },
  getStatus: {
    from: both,
    isValid: (p): p is { refresh: boolean } =>
      isObject(p) && hasOnlyKeys(p, ['refresh']) && typeof p.refresh === 'boolean',
  },
  // From the portal only without clientSecret: the secret is typed only into extension pages.
  saveConnection: {
    from: both,
    isValid: (p): p is ConnectionSettingsInput =>
      isObject(p) &&
      hasOnlyKeys(p, ['instance', 'clientId', 'clientSecret']) &&
      isShortString(p.instance, 300) &&
      isShortString(p.clientId, 300) &&
      (p.clientSecret === undefined || isShortString(p.clientSecret, 300)),
  },
  connect: { from: both, isValid: isEmpty },
  disconnect: {
    from: ['extension-page'],
    isValid: (p): p is { forget: boolean } =>
      isObject(p) && hasOnlyKeys(p, ['forget']) && typeof p.forget === 'boolean',
  },
  openOptions: { from: ['portal'], isValid: isEmpty },
  prepareTicket: {
    from: both,
    isValid: (p): p is { actionId: string | null } =>
      isObject(p) && hasOnlyKeys(p, ['actionId']) && (p.actionId === null || (typeof p.actionId === 'string' && isActionId(p.actionId))),
  },
  createTicket: { from: both, isValid: isTicketDraft },
  retryTicket: { from: both, isValid: isOutboxRef },
  discardTicket: { from: both, isValid: isOutboxRef },
  listOutbox: { from: both, isValid: isEmpty },
  getTicketOverview: { from: both, isValid: isEmpty },
  getActionTickets: { from: both, isValid: isActionIdsRequest },
  listTickets: { from: both, isValid: isTicketListQuery },
  syncNow: { from: both, isValid: isEmpty },
};

const CHANNEL = 'snt/1';

export interface Envelope {
  channel: typeof CHANNEL;
  name: string;
  payload: unknown;
}

type Reply<T> = { ok: true; value: T } | { ok: false; error: SerializedError };

export function isEnvelope(value: unknown): value is Envelope {
  return isObject(value) && value.channel === CHANNEL && typeof value.name === 'string';
}

/**
 * Who sent a message, or null when it must be refused: another extension, a page of another
 * origin, or a frame we do not run in.
 */
export function classifySender(
  sender: Pick<Runtime.MessageSender, 'id' | 'url' | 'tab'>,
  ownId: string,
  ownOrigin: string,
): SenderKind | null {
  if (sender.id !== ownId || !sender.url) return null;
  let url: URL;
  try {
    url = new URL(sender.url);
  } catch {
    return null;
  }
  // Our own pages (popup, options: also when the options page is open in a tab).
  if (`${url.protocol}//${url.host}/` === ownOrigin.replace(/\/?$/, '/')) return 'extension-page';
  // Content scripts: only in a tab showing the portal's own origin.
  return sender.tab && url.origin === PORTAL_ORIGIN ? 'portal' : null;
}

export type Handlers = {
  [N in MessageName]: (payload: RequestOf<N>, sender: SenderKind) => Promise<ResponseOf<N>>;
};

/** Checks sender and shape, runs the handler, and turns every outcome into a Reply. */
export async function dispatch(
  handlers: Handlers,
  message: Envelope,
  sender: Runtime.MessageSender,
): Promise<Reply<unknown>> {
  const ownOrigin = browser.runtime.getURL('/');
  const kind = classifySender(sender, browser.runtime.id, ownOrigin);
  const name = message.name as MessageName;
  const spec = Object.hasOwn(MESSAGE_SPECS, name) ? MESSAGE_SPECS[name] : undefined;
  try {
    if (!kind) throw new AppError('refused_sender', t('errSenderRefused'));
    if (!spec) throw new AppError('invalid_message', t('errUnknownRequest', message.name.slice(0, 40)));
    if (!spec.from.includes(kind)) {
      throw new AppError('refused_sender', t('errRequestNotAllowed', name));
    }
    if (!spec.isValid(message.payload)) {
      throw new AppError('invalid_message', t('errRequestMalformed', name));
    }
    const handler = handlers[name] as (p: unknown, s: SenderKind) => Promise<unknown>;
    return { ok: true, value: await handler(message.payload, kind) };
  } catch (error) {
    return { ok: false, error: toAppError(error).toJSON() };
  }
}

/** Registers the background's one message listener. */
export function listen(handlers: Handlers): void {
  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
    if (!isEnvelope(message)) return undefined; // not ours: let other listeners answer
    return dispatch(handlers, message, sender);
  });
}

/** Sends a typed request to the background; rejects with an AppError the UI can show. */
export async function send<N extends MessageName>(
  name: N,
  payload: RequestOf<N>,
): Promise<ResponseOf<N>> {
  const envelope: Envelope = { channel: CHANNEL, name, payload };
  let reply: Reply<ResponseOf<N>> | undefined;
  try {
    reply = (await browser.runtime.sendMessage(envelope)) as Reply<ResponseOf<N>> | undefined;
  } catch (error) {
    throw toAppError(error);
  }
  if (!reply) throw new AppError('internal', t('errNoAnswer'));
  if (!reply.ok) throw AppError.from(reply.error);
  return reply.value;
}
