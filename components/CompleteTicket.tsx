import { useEffect, useState } from 'preact/hooks';
import { valuesOf, type ChosenFields } from '@/utils/domain/field-defaults';
import { missingFields, type InstanceField } from '@/utils/domain/instance-fields';
import { toAppError, type AppError } from '@/utils/errors';
import { t } from '@/utils/i18n';
import { send } from '@/utils/messaging';
import type { SendOutcome } from '@/utils/outbox/outbox';
import type { OutboxSummary } from '@/utils/outbox/outbox-summary';
import { formDrafts, ticketPreferences } from '@/utils/storage';
import { ErrorMessage } from './ErrorMessage';
import { InstanceFields } from './instance-fields/InstanceFields';

interface Props {
  item: OutboxSummary & { missingFields: InstanceField[] };
  /** After an attempt: sent (the outbox shows the number) or refused again. */
  onSent(outcome: SendOutcome): void;
}

/** What the user picked so far is kept with the form drafts, so closing the popup loses nothing. */
const draftKey = (outboxId: string) => `complete:${outboxId}`;

async function keepDraft(outboxId: string, chosen: ChosenFields | null): Promise<void> {
  const all = { ...(await formDrafts.get()) };
  if (chosen) all[draftKey(outboxId)] = chosen;
  else delete all[draftKey(outboxId)];
  await formDrafts.set(all);
}

/**
 * Complete and send (F7): a queued ticket the instance refused for missing fields gets them here,
 * in the popup, without a portal tab. The same outbox item is sent again, so it is one ticket.
 */
export function CompleteTicket({ item, onSent }: Props) {
  const [chosen, setChosen] = useState<ChosenFields>({});
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const fields = item.missingFields;

  // What the user picked before the popup closed, else the defaults of its ticket type.
  useEffect(() => {
    void Promise.all([formDrafts.get(), ticketPreferences.get()]).then(([drafts, p]) => {
      const kept = drafts[draftKey(item.id)] as ChosenFields | undefined;
      const defaults = p.fields?.[item.type] ?? {};
      setChosen(kept ?? Object.fromEntries(fields.flatMap((f) => (defaults[f] ? [[f, defaults[f]]] : []))));
    });
  }, [item.id]);

  const missing = missingFields(fields, valuesOf(item.type, chosen));
  const errors = tried ? Object.fromEntries(missing.map((f) => [f, t('fieldRequiredByInstance')])) : {};
  const submit = async (event: Event) => {
    event.preventDefault();
    setTried(true);
    if (missing.length > 0) return;
    setBusy(true);
    setError(null);
    try {
      const outcome = await send('completeTicket', { outboxId: item.id, fields: valuesOf(item.type, chosen) });
      if (outcome.state !== 'sent' && outcome.error) setError(toAppError(outcome.error));
      if (outcome.state === 'sent') await keepDraft(item.id, null);
      onSent(outcome);
    } catch (e) {
      setError(toAppError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate data-testid="complete-ticket" style={{ marginTop: '8px' }}>
      <InstanceFields
        idPrefix={`snt-complete-${item.id}`}
        type={item.type}
        fields={fields}
        values={chosen}
        onChange={(field, value) => {
          const next = { ...chosen };
          if (value) next[field] = value;
          else delete next[field];
          setChosen(next);
          void keepDraft(item.id, next);
        }}
        required={fields}
        errors={errors}
        disabled={busy}
      />
      <ErrorMessage error={error} />
      <button type="submit" class="snt-btn snt-btn-primary" disabled={busy}>
        {busy ? t('sending') : t('completeAndSend')}
      </button>
    </form>
  );
}
