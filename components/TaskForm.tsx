import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { SendOutcome } from '@/utils/outbox/outbox';
import { AppError, toAppError } from '@/utils/errors';
import { t, type MessageKey } from '@/utils/i18n';
import { send } from '@/utils/messaging';
import type { ActionDetails, PortalUser } from '@/utils/portal/action-reader';
import { stateName } from '@/utils/domain/state-names';
import { formDrafts } from '@/utils/storage';
import { TICKET_CATEGORIES } from '@/utils/domain/category';
import { localToday, PRIORITIES, SOURCES, validateDraft, type DraftField, type TicketDraft } from '@/utils/domain/ticket-draft';
import type { TicketFormContext } from '@/utils/tickets/ticket-service';
import { prefill } from './task-form-model';
import { ErrorMessage } from './ErrorMessage';
import { useStateNames } from './use-tickets';

interface Props {
  action: ActionDetails | null;
  user: PortalUser | null;
  /** Overrides the default ticket type (the incident card opens an incident). */
  initialType?: TicketDraft['type'];
  onClose(): void;
}

const CAN_SEND = ['connected', 'offline', 'reconnect_needed'];


/** The task form (F2.2-F2.6): prefilled from the action, validated, draft kept, sent through the worker. */
export function TaskForm({ action, user, initialType, onClose }: Props) {
  const names = useStateNames();
  const draftKey = action?.id ?? `new-${initialType ?? 'default'}`;
  const [context, setContext] = useState<TicketFormContext | null>(null);
  const [draft, setDraft] = useState<TicketDraft | null>(null);
  const [restored, setRestored] = useState(false);
  const [touched, setTouched] = useState<Partial<Record<DraftField, boolean>>>({});
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [outcome, setOutcome] = useState<SendOutcome | null>(null);
  const first = useRef<HTMLSelectElement>(null);

  useEffect(() => {
    let live = true;
    void (async () => {
      let ctx: TicketFormContext;
      try {
        ctx = await send('prepareTicket', { actionId: action?.id ?? null });
      } catch (e) {
        setError(toAppError(e));
        ctx = { state: 'not_connected', existing: [], preferences: { defaultType: 'change_request', dueInDays: 30 } };
      }
      const saved = (await formDrafts.get())[draftKey] as TicketDraft | undefined;
      if (!live) return;
      setContext(ctx);
      const base = prefill(action, user, initialType ? { ...ctx.preferences, defaultType: initialType } : ctx.preferences);
      if (saved && typeof saved === 'object') {
        // Only the fields the user edits come back; a duplicate confirmation never does.
        setDraft({ ...base, ...saved, initiatingUser: base.initiatingUser, actionId: base.actionId, actionLink: base.actionLink, confirmDuplicate: false });
        setRestored(true);
      } else {
        setDraft(base);
      }
    })();
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    if (draft) first.current?.focus();
  }, [draft === null]);

  // Keep the draft while it is not sent, so closing by accident loses nothing.
  useEffect(() => {
    // Once sent, the outbox holds the ticket: no draft may come back to send it twice.
    if (!draft || outcome) return;
    const timer = setTimeout(() => {
      void formDrafts.get().then((all) => formDrafts.set({ ...all, [draftKey]: draft }));
    }, 250);
    return () => clearTimeout(timer);
  }, [draft, outcome]);

  // While the outbox retries on its own, follow the ticket until it is in ServiceNow.
  useEffect(() => {
    if (!outcome || outcome.state === 'sent') return;
    const timer = setInterval(() => {
      void send('listOutbox', {})
        .then((items) => {
          const item = items.find((i) => i.id === outcome.outboxId);
          if (item && (item.state !== outcome.state || item.result)) {
            setOutcome({ outboxId: item.id, state: item.state === 'sending' ? 'pending' : item.state, result: item.result, error: item.lastError });
          }
        })
        .catch(() => undefined);
    }, 1500);
    return () => clearInterval(timer);
  }, [outcome]);

  const errors = useMemo(() => (draft ? validateDraft(draft, localToday()) : {}), [draft]);
  if (!draft || !context) {
    return <p aria-busy="true" class="snt-muted">…</p>;
  }

  const update = <K extends keyof TicketDraft>(key: K, value: TicketDraft[K]) => {
    setDraft({ ...draft, [key]: value });
    setError(null);
  };
  const show = (field: DraftField) => (tried || touched[field]) && errors[field];
  const connected = CAN_SEND.includes(context.state);
  const hasExisting = context.existing.length > 0;
  const queued = outcome && outcome.state !== 'sent';
  const valid = Object.keys(errors).length === 0;
  const canSend = valid && connected && !busy && !outcome && (!hasExisting || draft.confirmDuplicate);

  const clearDraft = async () => {
    const all = { ...(await formDrafts.get()) };
    delete all[draftKey];
    await formDrafts.set(all);
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    setTried(true);
    if (!canSend) return;
    setBusy(true);
    setError(null);
    try {
      const result = await send('createTicket', draft);
      setOutcome(result);
      // From here the outbox holds the ticket: the draft is no longer needed to lose nothing.
      await clearDraft();
    } catch (e) {
      const appError = toAppError(e);
      setError(appError);
      // A ticket appeared since the form opened (another tab, a sync): show it and ask.
      if (appError.code === 'duplicate') {
        void send('prepareTicket', { actionId: draft.actionId }).then(setContext, () => undefined);
      }
    } finally {
      setBusy(false);
    }
  };

  const retry = async () => {
    if (!outcome) return;
    setBusy(true);
    try {
      setOutcome(await send('retryTicket', { outboxId: outcome.outboxId }));
    } catch (e) {
      setError(toAppError(e));
    } finally {
      setBusy(false);
    }
  };

  const field = (id: DraftField, label: string, control: preact.ComponentChild, required = true) => (
    <div class="snt-field">
      <label for={`snt-f-${id}`}>
        {label}
        {required && <span aria-hidden="true"> *</span>}
      </label>
      {control}
      {show(id) && (
        <span id={`snt-f-${id}-error`} class="snt-field-error" role="alert">
          {errors[id]}
        </span>
      )}
    </div>
  );
  const aria = (id: DraftField) => ({
    id: `snt-f-${id}`,
    'aria-invalid': show(id) ? ('true' as const) : ('false' as const),
    'aria-describedby': show(id) ? `snt-f-${id}-error` : undefined,
    'aria-required': 'true' as const,
    onBlur: () => setTouched({ ...touched, [id]: true }),
    disabled: Boolean(outcome),
  });

  return (
    <form onSubmit={submit} noValidate aria-labelledby="snt-form-title" data-testid="task-form">
      {!connected && (
        <div class="snt-message snt-message-warning" role="status" data-testid="not-connected">
          {t('notConnectedForm')}{' '}
          <a class="snt-link" href="/ticketProvisioning">{t('connectNow')}</a>
        </div>
      )}
      {restored && !outcome && <p class="snt-muted">{t('draftRestored')}</p>}
      {context.lookupError && <p class="snt-muted">{t('lookupFailed', context.lookupError)}</p>}
      {hasExisting && !outcome && (
        <div class="snt-message snt-message-warning" data-testid="existing-tickets">
          <strong>{t('existingTitle')}</strong>
          <ul style={{ margin: '4px 0', paddingLeft: '20px' }}>
            {context.existing.map((e, i) => (
              <li key={i}>
                {e.url ? <a class="snt-link" href={e.url} target="_blank" rel="noreferrer">{e.number}</a> : t(e.table === 'incident' ? 'typeIncident' : 'typeChange')}
                {' — '}
                {e.waiting ? t('existingWaiting') : stateName(names, e.table, e.state) ?? e.state}
              </li>
            ))}
          </ul>
          <label class="snt-row" style={{ fontWeight: 400 }}>
            <input type="checkbox" checked={draft.confirmDuplicate} onChange={(e) => update('confirmDuplicate', e.currentTarget.checked)} />
            {t('confirmDuplicate')}
          </label>
        </div>
      )}
      <div class="snt-grid">
        {field('type', t('fieldType'),
          <select ref={first} class="snt-input" {...aria('type')} value={draft.type} onChange={(e) => update('type', e.currentTarget.value as TicketDraft['type'])}>
            <option value="change_request">{t('typeChange')}</option>
            <option value="incident">{t('typeIncident')}</option>
          </select>)}
        {field('priority', t('fieldPriority'),
          <select class="snt-input" {...aria('priority')} value={draft.priority} onChange={(e) => update('priority', e.currentTarget.value as TicketDraft['priority'])}>
            {PRIORITIES.map((p) => <option key={p} value={p}>{t(`priority${p}` as MessageKey)}</option>)}
          </select>)}
      </div>
      {field('name', t('fieldName'),
        <input class="snt-input" {...aria('name')} maxLength={200} value={draft.name} onInput={(e) => update('name', e.currentTarget.value)} />)}
      {field('description', t('fieldDescription'),
        <textarea class="snt-input snt-textarea" {...aria('description')} rows={8} value={draft.description} onInput={(e) => update('description', e.currentTarget.value)} />)}
      <div class="snt-grid">
        {field('dueDate', t('fieldDueDate'),
          <input type="date" class="snt-input" {...aria('dueDate')} min={localToday()} value={draft.dueDate} onInput={(e) => update('dueDate', e.currentTarget.value)} />)}
        {field('source', t('fieldSource'),
          <select class="snt-input" {...aria('source')} value={draft.source} onChange={(e) => update('source', e.currentTarget.value as TicketDraft['source'])}>
            {SOURCES.map((s) => <option key={s} value={s}>{t(s === 'microsoft' ? 'sourceMicrosoft' : 'sourceUser')}</option>)}
          </select>)}
        {field('category', t('fieldCategory'),
          <select class="snt-input" {...aria('category')} value={draft.category} onChange={(e) => update('category', e.currentTarget.value as TicketDraft['category'])}>
            {TICKET_CATEGORIES.map((c) => <option key={c} value={c}>{t(`category${c}` as MessageKey)}</option>)}
          </select>)}
        <div class="snt-field">
          <label for="snt-f-user">{t('fieldUser')}</label>
          <input id="snt-f-user" class="snt-input" readOnly value={draft.initiatingUser} />
        </div>
      </div>
      <p class="snt-muted">{t('requiredHint')}</p>
      <ErrorMessage error={error} />
      {outcome?.state === 'sent' && outcome.result && (
        <div class="snt-message snt-message-success" role="status" data-testid="ticket-created">
          {t('created', outcome.result.number)}{' '}
          <a class="snt-link" href={outcome.result.url} target="_blank" rel="noreferrer">{t('openInServiceNow', outcome.result.number)}</a>
        </div>
      )}
      {queued && (
        <div class="snt-message snt-message-error" role="alert" data-testid="ticket-queued" data-state={outcome.state}>
          {outcome.state === 'failed' ? t('failedKept', outcome.error?.message ?? '') : t('queued', outcome.error?.message ?? '')}
        </div>
      )}
      <div class="snt-row snt-actions">
        {queued && <button type="button" class="snt-btn snt-btn-primary" disabled={busy} onClick={retry}>{t('retry')}</button>}
        {!outcome && (
          <button type="submit" class="snt-btn snt-btn-primary" disabled={!canSend} aria-disabled={!canSend}>
            {busy ? t('sending') : t('send')}
          </button>
        )}
        <button type="button" class="snt-btn" onClick={onClose}>{outcome ? t('close') : t('cancel')}</button>
      </div>
    </form>
  );
}
