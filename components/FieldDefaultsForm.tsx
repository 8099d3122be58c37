import { useEffect, useState } from 'preact/hooks';
import { fieldsOfType, valuesOf, type ChosenFields, type FieldDefaults } from '@/utils/domain/field-defaults';
import type { InstanceField, RequiredFields } from '@/utils/domain/instance-fields';
import { TICKET_TYPES, type TicketType } from '@/utils/domain/ticket-type';
import { toAppError, type AppError } from '@/utils/errors';
import { t } from '@/utils/i18n';
import { send } from '@/utils/messaging';
import type { FieldProblems } from '@/utils/servicenow/check-field-values';
import { ticketPreferences, updateTicketPreferences } from '@/utils/storage';
import { ErrorMessage } from './ErrorMessage';
import { InstanceFields } from './instance-fields/InstanceFields';

const typeName = (type: TicketType) => t(type === 'incident' ? 'typeIncident' : 'typeChange');

/** Options → the instance's fields per ticket type (F7), chosen from the instance and checked against it on save. */
export function FieldDefaultsForm({ connected }: { connected: boolean }) {
  const [defaults, setDefaults] = useState<FieldDefaults | null>(null);
  const [required, setRequired] = useState<RequiredFields | null>(null);
  useEffect(() => {
    void ticketPreferences.get().then((p) => setDefaults(p.fields ?? {}));
  }, []);
  useEffect(() => {
    if (connected) void send('getRequiredFields', {}).then(setRequired, () => undefined);
  }, [connected]);

  if (!connected) return <p class="snt-muted">{t('fieldDefaultsConnectFirst')}</p>;
  if (!defaults) return null;
  return (
    <>
      <p class="snt-muted">{t('fieldDefaultsIntro')}</p>
      {TICKET_TYPES.map((type) => (
        <TypeDefaults key={type} type={type} initial={defaults[type] ?? {}} required={required?.[type] ?? []} />
      ))}
    </>
  );
}

interface TypeDefaultsProps {
  type: TicketType;
  initial: ChosenFields;
  required: InstanceField[];
}

function TypeDefaults({ type, initial, required }: TypeDefaultsProps) {
  const [values, setValues] = useState<ChosenFields>(initial);
  const [problems, setProblems] = useState<FieldProblems>({});
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);

  const change = (field: InstanceField, value: ChosenFields[InstanceField] | null) => {
    const next = { ...values };
    if (value) next[field] = value;
    else delete next[field];
    setValues(next);
    setProblems({ ...problems, [field]: undefined });
    setSaved(false);
  };

  const save = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      // Only what the instance still has is saved: a deleted group would refuse every ticket.
      const found = await send('checkFieldDefaults', { type, fields: valuesOf(type, values) });
      setProblems(found);
      if (Object.values(found).some(Boolean)) return;
      const kept = Object.fromEntries(fieldsOfType(type).flatMap((f) => (values[f] ? [[f, values[f]]] : [])));
      const stored = (await ticketPreferences.get()).fields ?? {};
      await updateTicketPreferences({ fields: { ...stored, [type]: kept } });
      setSaved(true);
    } catch (e) {
      setError(toAppError(e));
    } finally {
      setBusy(false);
    }
  };

  const legendId = `snt-field-defaults-${type}`;
  return (
    <form onSubmit={save} noValidate aria-labelledby={legendId} data-field-defaults={type}>
      <h3 class="snt-h3" id={legendId}>
        {typeName(type)}
      </h3>
      <div class="snt-grid-2">
        <InstanceFields
          idPrefix={`snt-default-${type}`}
          type={type}
          fields={fieldsOfType(type)}
          values={values}
          onChange={change}
          required={required}
          errors={problems}
          disabled={busy}
        />
      </div>
      <ErrorMessage error={error} />
      <div class="snt-row">
        <button type="submit" class="snt-btn" disabled={busy}>
          {t('fieldDefaultsSave', typeName(type))}
        </button>
        {saved && (
          <span class="snt-muted" role="status">
            {t('fieldDefaultsSaved')}
          </span>
        )}
      </div>
    </form>
  );
}
