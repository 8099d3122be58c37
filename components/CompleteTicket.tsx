import { useEffect, useState } from 'preact/hooks';
import { valuesOf, type ChosenFields } from '@/utils/domain/field-defaults';
import { missingFields, type InstanceField } from '@/utils/domain/instance-fields';
import { toAppError, type AppError } from '@/utils/errors';
import { t } from '@/utils/i18n';
import { send } from '@/utils/messaging';
import type { SendOutcome } from '@/utils/outbox/outbox';
import type { OutboxSummary } from '@/utils/outbox/outbox-summary';
import { ticketPreferences } from '@/utils/storage';
import { ErrorMessage } from './ErrorMessage';
import { InstanceFields } from './instance-fields/InstanceFields';

interface Props {
  item: OutboxSummary & { missingFields: InstanceField[] };
  /** After an attempt: sent (the outbox shows the number) or refused again. */
  onSent(outcome: SendOutcome): void;
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

  // Prefilled from the defaults of its ticket type, where there are any.
  useEffect(() => {
    void ticketPreferences.get().then((p) => {
      const defaults = p.fields?.[item.type] ?? {};
      setChosen(Object.fromEntries(fields.flatMap((f) => (defaults[f] ? [[f, defaults[f]]] : []))));
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
