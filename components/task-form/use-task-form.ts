import { useEffect, useMemo, useState } from 'preact/hooks';
import { canQueueTickets } from '@/utils/domain/connection-status';
import { localToday, validateDraft, type DraftField, type TicketDraft } from '@/utils/domain/ticket-draft';
import { toAppError, type AppError } from '@/utils/errors';
import { send } from '@/utils/messaging';
import type { SendOutcome } from '@/utils/outbox/outbox';
import type { ActionDetails, PortalUser } from '@/utils/portal/action-reader';
import { formDrafts } from '@/utils/storage';
import type { TicketFormContext } from '@/utils/tickets/ticket-service';
import { prefill } from './prefill';
import { useInstanceFields } from './use-instance-fields';
import type { ChosenFields } from '@/utils/domain/field-defaults';
import { useOutboxItem } from './use-outbox-item';

export interface TaskFormInput {
  action: ActionDetails | null;
  user: PortalUser | null;
  /** Overrides the default ticket type (the incident card opens an incident). */
  initialType?: TicketDraft['type'];
}

const OFFLINE_CONTEXT: TicketFormContext = {
  state: 'not_connected',
  existing: [],
  preferences: { defaultType: 'change_request', dueInDays: 30 },
};

/** The task form's state (F2.2-F2.6): prefilled, validated, its draft kept, sent through the worker. */
export function useTaskForm({ action, user, initialType }: TaskFormInput) {
  const draftKey = action?.id ?? `new-${initialType ?? 'default'}`;
  const [context, setContext] = useState<TicketFormContext | null>(null);
  const [draft, setDraft] = useState<TicketDraft | null>(null);
  const [restored, setRestored] = useState(false);
  const [touched, setTouched] = useState<Partial<Record<DraftField, boolean>>>({});
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [outcome, setOutcome] = useState<SendOutcome | null>(null);
  const instance = useInstanceFields(context, draft?.type ?? 'change_request', outcome);

  useEffect(() => {
    let live = true;
    void (async () => {
      let ctx: TicketFormContext;
      try {
        ctx = await send('prepareTicket', { actionId: action?.id ?? null });
      } catch (e) {
        setError(toAppError(e));
        ctx = OFFLINE_CONTEXT;
      }
      const saved = (await formDrafts.get())[draftKey] as TicketDraft | undefined;
      if (!live) return;
      setContext(ctx);
      const base = prefill(
        action,
        user,
        initialType ? { ...ctx.preferences, defaultType: initialType } : ctx.preferences,
      );
      if (saved && typeof saved === 'object') {
        // Only the fields the user edits come back; a duplicate confirmation never does.
        const fromPage = { initiatingUser: base.initiatingUser, actionId: base.actionId, actionLink: base.actionLink };
        const { chosenFields, ...edited } = saved as TicketDraft & { chosenFields?: ChosenFields };
        setDraft({ ...base, ...edited, ...fromPage, confirmDuplicate: false });
        instance.reset(chosenFields ?? ctx.preferences.fields?.[edited.type ?? base.type] ?? {});
        setRestored(true);
      } else {
        setDraft(base);
        instance.reset(ctx.preferences.fields?.[base.type] ?? {});
      }
    })();
    return () => {
      live = false;
    };
  }, []);

  // Keep the draft while it is not sent, so closing by accident loses nothing.
  useEffect(() => {
    // Once sent, the outbox holds the ticket: no draft may come back to send it twice.
    if (!draft || outcome) return;
    const timer = setTimeout(() => {
      const kept = { ...draft, chosenFields: instance.chosen };
      void formDrafts.get().then((all) => formDrafts.set({ ...all, [draftKey]: kept }));
    }, 250);
    return () => clearTimeout(timer);
  }, [draft, instance.chosen, outcome]);

  useOutboxItem(outcome, setOutcome);

  const errors = useMemo(() => (draft ? validateDraft(draft, localToday()) : {}), [draft]);
  const connected = context ? canQueueTickets(context.state) : false;
  const hasExisting = (context?.existing.length ?? 0) > 0;
  const valid = Object.keys(errors).length === 0;
  const canSend =
    Boolean(draft) && valid && connected && !busy && !outcome && (!hasExisting || Boolean(draft?.confirmDuplicate));

  const update = <K extends keyof TicketDraft>(key: K, value: TicketDraft[K]) => {
    if (draft) setDraft({ ...draft, [key]: value });
    // Another ticket type has its own fields and choices: start from its defaults.
    if (key === 'type' && draft && value !== draft.type)
      instance.reset(context?.preferences.fields?.[value as TicketDraft['type']] ?? {});
    setError(null);
  };
  const shown = (field: DraftField) => (tried || touched[field]) && errors[field];
  const touch = (field: DraftField) => setTouched({ ...touched, [field]: true });

  const clearDraft = async () => {
    const all = { ...(await formDrafts.get()) };
    delete all[draftKey];
    await formDrafts.set(all);
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    setTried(true);
    if (!canSend || !draft) return;
    if (instance.missing.length > 0) {
      // Send explains: the message names the field, and focus goes to it.
      const form = event.currentTarget as HTMLFormElement | null;
      form?.querySelector<HTMLElement>(`#snt-if-${instance.missing[0]}`)?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const fields = instance.values;
      const result = await send('createTicket', Object.keys(fields).length ? { ...draft, fields } : draft);
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
    setTried(true);
    // Refused for missing fields: the same outbox item goes again with them (Complete and send).
    const completing = instance.refused.length > 0;
    if (completing && instance.missing.length > 0) return;
    setBusy(true);
    try {
      setOutcome(
        completing
          ? await send('completeTicket', { outboxId: outcome.outboxId, fields: instance.values })
          : await send('retryTicket', { outboxId: outcome.outboxId }),
      );
    } catch (e) {
      setError(toAppError(e));
    } finally {
      setBusy(false);
    }
  };

  return {
    context,
    draft,
    instance,
    tried,
    restored,
    errors,
    error,
    outcome,
    busy,
    connected,
    hasExisting,
    canSend,
    update,
    shown,
    touch,
    submit,
    retry,
  };
}

export type TaskFormState = ReturnType<typeof useTaskForm>;
