import { useEffect, useState } from 'preact/hooks';
import type { ChosenValue } from '@/utils/domain/field-defaults';
import type { TicketType } from '@/utils/domain/ticket-type';
import { toAppError } from '@/utils/errors';
import { t } from '@/utils/i18n';
import type { TypeAheadOption } from '../TypeAhead';
import { choicesOf } from './lookups';

interface Props {
  id: string;
  type: TicketType;
  field: 'category' | 'type';
  value: ChosenValue | null;
  onChange(value: ChosenValue | null): void;
  invalid?: boolean;
  describedBy?: string;
  required?: boolean;
  disabled?: boolean;
}

/** A choice field (category, change type) with the choices of the connected instance. */
export function ChoiceSelect({ id, type, field, value, onChange, invalid, describedBy, required, disabled }: Props) {
  const [choices, setChoices] = useState<TypeAheadOption[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    choicesOf(type, field).then(
      (found) => live && setChoices(found),
      (e: unknown) => live && setError(toAppError(e).message),
    );
    return () => {
      live = false;
    };
  }, [type, field]);

  // A stored value the list does not offer (yet) stays selectable under its remembered label.
  const offered = choices ?? [];
  const options = value && !offered.some((c) => c.value === value.value) ? [value, ...offered] : offered;
  return (
    <>
      <select
        id={id}
        class="snt-input"
        aria-invalid={invalid ? 'true' : 'false'}
        aria-required={required ? 'true' : undefined}
        aria-describedby={describedBy}
        aria-busy={choices === null && !error ? 'true' : undefined}
        disabled={disabled}
        value={value?.value ?? ''}
        onChange={(e) => {
          const picked = options.find((c) => c.value === e.currentTarget.value);
          onChange(picked ? { value: picked.value, label: picked.label } : null);
        }}
      >
        <option value="">{t('choiceNone')}</option>
        {options.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
      {error && <span class="snt-field-error">{error}</span>}
    </>
  );
}
