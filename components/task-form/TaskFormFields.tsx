import type { ComponentChild } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { TICKET_CATEGORIES } from '@/utils/domain/category';
import { localToday, PRIORITIES, SOURCES, type DraftField, type TicketDraft } from '@/utils/domain/ticket-draft';
import { t, type MessageKey } from '@/utils/i18n';
import type { TaskFormState } from './use-task-form';

interface Props {
  draft: TicketDraft;
  form: Pick<TaskFormState, 'errors' | 'update' | 'shown' | 'touch'>;
  /** After sending, the fields only show what was sent. */
  disabled: boolean;
}

/** The task form's fields, each with its label, required mark and error. */
export function TaskFormFields({ draft, form, disabled }: Props) {
  const { errors, update, shown, touch } = form;
  const first = useRef<HTMLSelectElement>(null);
  useEffect(() => first.current?.focus(), []);

  const field = (id: DraftField, label: string, control: ComponentChild) => (
    <div class="snt-field">
      <label for={`snt-f-${id}`}>
        {label}
        <span aria-hidden="true"> *</span>
      </label>
      {control}
      {shown(id) && (
        <span id={`snt-f-${id}-error`} class="snt-field-error" role="alert">
          {errors[id]}
        </span>
      )}
    </div>
  );
  const aria = (id: DraftField) => ({
    id: `snt-f-${id}`,
    'aria-invalid': shown(id) ? ('true' as const) : ('false' as const),
    'aria-describedby': shown(id) ? `snt-f-${id}-error` : undefined,
    'aria-required': 'true' as const,
    onBlur: () => touch(id),
    disabled,
  });

  return (
    <>
      <div class="snt-grid">
        {field(
          'type',
          t('fieldType'),
          <select
            ref={first}
            class="snt-input"
            {...aria('type')}
            value={draft.type}
            onChange={(e) => update('type', e.currentTarget.value as TicketDraft['type'])}
          >
            <option value="change_request">{t('typeChange')}</option>
            <option value="incident">{t('typeIncident')}</option>
          </select>,
        )}
        {field(
          'priority',
          t('fieldPriority'),
          <select
            class="snt-input"
            {...aria('priority')}
            value={draft.priority}
            onChange={(e) => update('priority', e.currentTarget.value as TicketDraft['priority'])}
          >
            {PRIORITIES.map((p) => (
              <option key={p} value={p}>
                {t(`priority${p}` as MessageKey)}
              </option>
            ))}
          </select>,
        )}
      </div>
      {field(
        'name',
        t('fieldName'),
        <input
          class="snt-input"
          {...aria('name')}
          maxLength={200}
          value={draft.name}
          onInput={(e) => update('name', e.currentTarget.value)}
        />,
      )}
      {field(
        'description',
        t('fieldDescription'),
        <textarea
          class="snt-input snt-textarea"
          {...aria('description')}
          rows={8}
          value={draft.description}
          onInput={(e) => update('description', e.currentTarget.value)}
        />,
      )}
      <div class="snt-grid">
        {field(
          'dueDate',
          t('fieldDueDate'),
          <input
            type="date"
            class="snt-input"
            {...aria('dueDate')}
            min={localToday()}
            value={draft.dueDate}
            onInput={(e) => update('dueDate', e.currentTarget.value)}
          />,
        )}
        {field(
          'source',
          t('fieldSource'),
          <select
            class="snt-input"
            {...aria('source')}
            value={draft.source}
            onChange={(e) => update('source', e.currentTarget.value as TicketDraft['source'])}
          >
            {SOURCES.map((s) => (
              <option key={s} value={s}>
                {t(s === 'microsoft' ? 'sourceMicrosoft' : 'sourceUser')}
              </option>
            ))}
          </select>,
        )}
        {field(
          'category',
          t('fieldCategory'),
          <select
            class="snt-input"
            {...aria('category')}
            value={draft.category}
            onChange={(e) => update('category', e.currentTarget.value as TicketDraft['category'])}
          >
            {TICKET_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {t(`category${c}` as MessageKey)}
              </option>
            ))}
          </select>,
        )}
        <div class="snt-field">
          <label for="snt-f-user">{t('fieldUser')}</label>
          <input id="snt-f-user" class="snt-input" readOnly value={draft.initiatingUser} />
        </div>
      </div>
    </>
  );
}
