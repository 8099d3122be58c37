import type { InstanceField, InstanceFieldValues } from '../domain/instance-fields';
import type { TicketType } from '../domain/ticket-type';
import type { TicketDraft } from '../domain/ticket-draft';
import { AppError, isRetryable, toAppError, type SerializedError } from '../errors';
import { t } from '../i18n';
import type { ServiceNowClient, ServiceNowRecord } from '../servicenow/client';
import { recordUrl, toServiceNowFields } from '../servicenow/ticket-fields';
import { AUTH_CODES, nextDelayMs, POSSIBLY_CREATED } from './retry-policy';
import { outboxStore, type CreatedTicket, type OutboxItem, type OutboxState } from './outbox-store';
import { summarize, type OutboxSummary } from './outbox-summary';
import { verifyRequest, type RetiredDuplicate } from './request-records';

// Sends outbox items to ServiceNow, at most one attempt per item at a time, and never creates a
// ticket twice: when an earlier attempt may have reached ServiceNow (no answer, 5xx, or the worker
// died mid-request), it first looks for the record by its correlation ID and the item's own
// reference (written into the description), and only creates it when it is not there.

const KEEP_SENT_MS = 24 * 3600 * 1000;

export interface SendOutcome {
  outboxId: string;
  state: OutboxState;
  result?: CreatedTicket;
  error?: SerializedError;
  nextAttemptAt?: number;
}

export interface OutboxDeps {
  client(): Promise<ServiceNowClient>;
  /** Called after a ticket reached ServiceNow (e.g. to sync). */
  onSent(item: OutboxItem): void;
  /** Asks to be woken (resume()) at this time, also across worker restarts. */
  wakeAt(time: number): void;
  /** Called after extra records of a request were canceled (the popup tells the user). */
  onDuplicatesRetired?(retired: RetiredDuplicate[]): void;
  /** Called after an item changed state (to refresh the waiting count in views). */
  onChange?(item: OutboxItem): void;
  /** A data-policy refusal named these column labels: the fields they are (and remember them). */
  learnRefusal?(type: TicketType, labels: readonly string[]): Promise<InstanceField[]>;
  now?: () => number;
}

export function createOutbox(deps: OutboxDeps) {
  const now = deps.now ?? Date.now;
  const inFlight = new Map<string, Promise<SendOutcome>>();

  const outcome = (item: OutboxItem): SendOutcome => ({
    outboxId: item.id,
    state: item.state,
    result: item.result,
    error: item.lastError,
    nextAttemptAt: item.state === 'pending' ? item.nextAttemptAt : undefined,
  });

  const ticketOf = (client: ServiceNowClient, table: TicketType, record: ServiceNowRecord): CreatedTicket => ({
    table,
    sysId: record.sys_id!,
    number: record.number ?? '',
    url: recordUrl(client.origin, table, record.sys_id!),
  });

  /** The request's one live ticket after retiring any extra record of it; null if none exists. */
  async function verify(client: ServiceNowClient, item: OutboxItem): Promise<CreatedTicket | null> {
    const verified = await verifyRequest(client, item.draft.type, item.correlationId, item.id);
    if (!verified) return null;
    if (verified.retired.length > 0) deps.onDuplicatesRetired?.(verified.retired);
    return ticketOf(client, item.draft.type, verified.kept);
  }

  /** Creates the record; an answer without a usable record means "created, number pending". */
  async function create(client: ServiceNowClient, item: OutboxItem): Promise<CreatedTicket | null> {
    try {
      const record = await client.create(
        item.draft.type,
        toServiceNowFields(item.draft, { outboxId: item.id, correlationId: item.correlationId }),
      );
      return ticketOf(client, item.draft.type, record);
    } catch (error) {
      if (toAppError(error).code !== 'bad_response') throw error;
      return null;
    }
  }

  async function attempt(id: string): Promise<SendOutcome> {
    const item = await outboxStore.get(id);
    if (!item) throw new AppError('not_found', t('errOutboxGone'));
    if (item.state === 'sent') return outcome(item);
    // Stored as 'sending' while no attempt runs: the worker died mid-request.
    const wasUncertain = item.uncertain || item.state === 'sending';
    item.state = 'sending';
    item.attempts += 1;
    // Until ServiceNow answers for sure, this attempt may have created the record.
    item.uncertain = true;
    await outboxStore.put(item);
    try {
      const client = await deps.client();
      if (item.instanceOrigin && client.origin !== item.instanceOrigin) {
        throw new AppError(
          'bad_request',
          t('errOutboxOtherInstance', new URL(item.instanceOrigin).host, new URL(client.origin).host),
        );
      }
      let result = wasUncertain ? await verify(client, item) : null;
      if (!result) {
        const created = await create(client, item);
        // Verify what this create did: the browser may have resent the POST by itself, or an
        // earlier attempt the instance had queued may have completed meanwhile.
        result = await verify(client, item).catch((error: unknown) => {
          if (created) return created; // sent for sure; the next sync verifies it
          throw error;
        });
        if (!result) result = created;
        if (!result) throw new AppError('bad_response', t('errOutboxNumberPending'));
      }
      Object.assign(item, { state: 'sent', result, sentAt: now(), lastError: undefined, uncertain: false });
      await outboxStore.put(item);
      deps.onSent(item);
    } catch (error) {
      const appError = toAppError(error);
      item.lastError = appError.toJSON();
      item.uncertain = POSSIBLY_CREATED.has(appError.code) || wasUncertain;
      if (isRetryable(appError) || appError.code === 'bad_response') {
        item.state = 'pending';
        item.nextAttemptAt = now() + nextDelayMs(item.attempts, appError);
        deps.wakeAt(item.nextAttemptAt);
      } else {
        // Needs the user: reconnect, a role, a policy. Kept with Retry and Discard.
        item.state = 'failed';
        if (appError.code === 'missing_fields' && deps.learnRefusal) {
          item.missingFields = await deps.learnRefusal(item.draft.type, appError.extra.fields ?? []).catch(() => []);
        }
      }
      await outboxStore.put(item);
    }
    deps.onChange?.(item);
    return outcome(item);
  }

  /** One attempt per item at a time: concurrent callers share it. */
  function send(id: string): Promise<SendOutcome> {
    let running = inFlight.get(id);
    if (!running) {
      running = attempt(id).finally(() => inFlight.delete(id));
      inFlight.set(id, running);
    }
    return running;
  }

  return {
    /** Persists the draft first, then makes the first attempt. */
    async submit(draft: TicketDraft, correlationId: string, instanceOrigin?: string): Promise<SendOutcome> {
      const item: OutboxItem = {
        id: crypto.randomUUID(),
        instanceOrigin,
        createdAt: now(),
        draft,
        correlationId,
        state: 'pending',
        attempts: 0,
        nextAttemptAt: now(),
        uncertain: false,
      };
      await outboxStore.put(item);
      return send(item.id);
    },

    send,

    /** The user asked to try again now. */
    async retry(id: string): Promise<SendOutcome> {
      const item = await outboxStore.get(id);
      if (!item) throw new AppError('not_found', t('errOutboxGone'));
      if (item.state === 'failed') {
        item.state = 'pending';
        await outboxStore.put(item);
      }
      return send(id);
    },

    /** Complete and send: the same item with the fields the instance asked for (one ticket). */
    async complete(id: string, fields: InstanceFieldValues): Promise<SendOutcome> {
      const item = await outboxStore.get(id);
      if (!item) throw new AppError('not_found', t('errOutboxGone'));
      if (inFlight.has(id)) throw new AppError('bad_request', t('errOutboxBusy'));
      if (item.state === 'failed') {
        item.draft = { ...item.draft, fields: { ...item.draft.fields, ...fields } };
        item.state = 'pending';
        item.missingFields = undefined;
        await outboxStore.put(item);
      }
      return send(id);
    },

    async discard(id: string): Promise<void> {
      if (inFlight.has(id)) throw new AppError('bad_request', t('errOutboxBusy'));
      await outboxStore.delete(id);
    },

    /**
     * Sends what is due; after a restart, an item caught mid-send is checked before resending.
     * After a (re)connect, items that failed only for want of a connection go again too.
     */
    async resume({ afterConnect = false } = {}): Promise<void> {
      const items = await outboxStore.all();
      let nextWake = Infinity;
      for (const item of items) {
        if (item.state === 'sent') {
          if (now() - item.createdAt > KEEP_SENT_MS) await outboxStore.delete(item.id);
          continue;
        }
        if (afterConnect && item.state === 'failed' && AUTH_CODES.has(item.lastError?.code ?? '')) {
          item.state = 'pending';
          item.nextAttemptAt = now();
          await outboxStore.put(item);
        }
        if (item.state === 'sending' && !inFlight.has(item.id)) {
          item.state = 'pending';
          item.uncertain = true;
          await outboxStore.put(item);
        }
        if (item.state !== 'pending' || inFlight.has(item.id)) continue;
        if (item.nextAttemptAt <= now()) void send(item.id);
        else nextWake = Math.min(nextWake, item.nextAttemptAt);
      }
      if (nextWake < Infinity) deps.wakeAt(nextWake);
    },

    list,

    /** Tickets not yet in ServiceNow (pending, sending or failed). */
    waitingCount: outboxStore.waitingCount,

    /** Unsent items of one action (duplicate guard). */
    async waitingFor(correlationId: string): Promise<OutboxSummary[]> {
      return (await list()).filter((i) => i.state !== 'sent' && i.correlationId === correlationId);
    },
  };

  async function list(): Promise<OutboxSummary[]> {
    const items = await outboxStore.all();
    return items.sort((a, b) => a.createdAt - b.createdAt).map(summarize);
  }
}

export type Outbox = ReturnType<typeof createOutbox>;
