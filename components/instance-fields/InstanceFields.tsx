import type { ChosenFields, ChosenValue } from '@/utils/domain/field-defaults';
import type { InstanceField } from '@/utils/domain/instance-fields';
import type { TicketType } from '@/utils/domain/ticket-type';
import { TypeAhead } from '../TypeAhead';
import { ChoiceSelect } from './ChoiceSelect';
import { fieldLabel, REFERENCE_TABLES, searchReference } from './lookups';

interface Props {
  /** Prefix of the controls' ids (several editors may share a page). */
  idPrefix: string;
  type: TicketType;
  fields: readonly InstanceField[];
  values: ChosenFields;
  onChange(field: InstanceField, value: ChosenValue | null): void;
  /** Fields the instance requires: marked * and aria-required. */
  required?: readonly InstanceField[];
  errors?: Partial<Record<InstanceField, string>>;
  disabled?: boolean;
}

/** The instance's own fields (F7): assignment group and CI by type-ahead, category and change type from its choices. */
export function InstanceFields({
  idPrefix,
  type,
  fields,
  values,
  onChange,
  required = [],
  errors = {},
  disabled,
}: Props) {
  return (
    <>
      {fields.map((field) => {
        const id = `${idPrefix}-${field}`;
        const error = errors[field];
        const common = {
          id,
          value: values[field] ?? null,
          onChange: (value: ChosenValue | null) => onChange(field, value),
          invalid: Boolean(error),
          describedBy: error ? `${id}-error` : undefined,
          required: required.includes(field),
          disabled,
        };
        const table = REFERENCE_TABLES[field];
        return (
          <div class="snt-field" key={field} data-instance-field={field}>
            <label for={id}>
              {fieldLabel(field)}
              {common.required && <span aria-hidden="true"> *</span>}
            </label>
            {table ? (
              <TypeAhead {...common} search={(text) => searchReference(table, text)} />
            ) : (
              <ChoiceSelect {...common} type={type} field={field as 'category' | 'type'} />
            )}
            {error && (
              <span id={`${id}-error`} class="snt-field-error" role="alert">
                {error}
              </span>
            )}
          </div>
        );
      })}
    </>
  );
}
