import { useEffect, useRef, useState } from 'preact/hooks';
import { t, type MessageKey } from '@/utils/i18n';
import { stateNames } from '@/utils/storage';
import {
  cleanStateNames,
  hasErrors,
  MAX_STATE_NAME,
  resolveStateNames,
  validateStateNames,
  type StateNameError,
  type StateNameErrors,
} from '@/utils/domain/state-names';
import { defaultStateNames, STATES, type StateNames } from '@/utils/domain/states';
import { TICKET_TYPES, type TicketType } from '@/utils/domain/ticket-type';

const LEGEND: Record<TicketType, MessageKey> = {
  change_request: 'changeStatesLegend',
  incident: 'incidentStatesLegend',
};
const ERROR_TEXT: Record<StateNameError, MessageKey> = {
  empty: 'stateNameEmpty',
  tooLong: 'stateNameTooLong',
  duplicate: 'stateNameDuplicate',
  invalid: 'stateNameInvalid',
};

/** Options → Ticket states (F3.4): rename each state per ticket type; saved to storage.sync. */
export function StateNamesEditor() {
  const [names, setNames] = useState<StateNames>(defaultStateNames);
  const [errors, setErrors] = useState<Partial<StateNameErrors>>({});
  const [notice, setNotice] = useState<string | null>(null);
  const [checked, setChecked] = useState(false);
  const dirty = useRef(false);
  const form = useRef<HTMLFormElement>(null);

  useEffect(() => {
    void stateNames.get().then((stored) => !dirty.current && setNames(resolveStateNames(stored)));
    // Renamed in another window: follow, unless the user is editing here.
    return stateNames.watch((stored) => !dirty.current && setNames(resolveStateNames(stored)));
  }, []);

  const edit = (table: TicketType, value: string, text: string) => {
    dirty.current = true;
    const next = { ...names, [table]: { ...names[table], [value]: text } };
    setNames(next);
    setNotice(null);
    if (checked) setErrors(validateStateNames(next));
  };

  const save = async (event: Event) => {
    event.preventDefault();
    const found = validateStateNames(names);
    setErrors(found);
    setChecked(true);
    if (hasErrors(found)) {
      form.current?.querySelector<HTMLInputElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    const clean = cleanStateNames(names);
    await stateNames.set(clean);
    dirty.current = false;
    setNames(clean);
    setNotice(t('stateNamesSaved'));
  };

  const reset = async () => {
    await stateNames.remove();
    dirty.current = false;
    setNames(defaultStateNames());
    setErrors({});
    setChecked(false);
    setNotice(t('stateNamesReset'));
  };

  return (
    <form ref={form} onSubmit={save} noValidate aria-label={t('ticketStatesTitle')} data-testid="state-names">
      <p class="snt-muted">{t('ticketStatesHint', MAX_STATE_NAME)}</p>
      {TICKET_TYPES.map((table) => (
        <fieldset key={table} class="snt-fieldset">
          <legend>{t(LEGEND[table])}</legend>
          <table class="snt-state-table" role="presentation">
            <tbody>
              {STATES[table].map(({ value, name: defaultName }) => {
                const id = `snt-state-${table}-${value}`;
                const error = errors[table]?.[value];
                return (
                  <tr key={value}>
                    <td>
                      <label for={id}>{defaultName}</label>
                    </td>
                    <td>
                      <input
                        id={id}
                        class="snt-input"
                        value={names[table][value] ?? ''}
                        autoComplete="off"
                        data-state={value}
                        aria-invalid={error ? 'true' : 'false'}
                        aria-describedby={error ? `${id}-error` : undefined}
                        onInput={(e) => edit(table, value, e.currentTarget.value)}
                      />
                      {error && (
                        <span id={`${id}-error`} class="snt-field-error">
                          {t(ERROR_TEXT[error], MAX_STATE_NAME)}
                        </span>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </fieldset>
      ))}
      {notice && (
        <div class="snt-message snt-message-success" role="status">
          {notice}
        </div>
      )}
      {hasErrors(errors) && (
        <div class="snt-message snt-message-error" role="alert">
          {t('stateNamesInvalid')}
        </div>
      )}
      <div class="snt-row" style={{ marginTop: '12px' }}>
        <button type="submit" class="snt-btn snt-btn-primary">
          {t('saveStateNames')}
        </button>
        <button type="button" class="snt-btn" onClick={() => void reset()}>
          {t('resetStateNames')}
        </button>
      </div>
    </form>
  );
}
