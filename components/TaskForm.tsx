import { t } from '@/utils/i18n';
import type { ActionDetails, PortalUser } from '@/utils/portal/action-reader';
import { stateName } from '@/utils/domain/state-names';
import type { TicketDraft } from '@/utils/domain/ticket-draft';
import { ErrorMessage } from './ErrorMessage';
import { InstanceFields } from './instance-fields/InstanceFields';
import { fieldLabel } from './instance-fields/lookups';
import { TaskFormFields } from './task-form/TaskFormFields';
import { useTaskForm } from './task-form/use-task-form';
import { useSlowAnswer } from './task-form/use-slow-answer';
import { useStateNames } from './use-tickets';
import { onUserAction } from './user-action';

interface Props {
  action: ActionDetails | null;
  user: PortalUser | null;
  /** Overrides the default ticket type (the incident card opens an incident). */
  initialType?: TicketDraft['type'];
  onClose(): void;
}

/** The task form (F2.2-F2.6): prefilled from the action, validated, draft kept, sent through the worker. */
export function TaskForm({ action, user, initialType, onClose }: Props) {
  const names = useStateNames();
  const form = useTaskForm({ action, user, initialType });
  // Hooks before the early return below: a slow send says the ticket is safe in the outbox.
  const slow = useSlowAnswer(form.busy && !form.outcome);
  const { context, draft, restored, error, outcome, busy, connected, hasExisting, canSend, update, submit, retry } =
    form;
  const { instance, tried } = form;
  if (!draft || !context) {
    return (
      <p aria-busy="true" class="snt-muted">
        …
      </p>
    );
  }
  const queued = outcome && outcome.state !== 'sent';
  // The instance refused this ticket for fields the form can fill: it stays open to complete it.
  const completing = Boolean(queued && instance.refused.length);
  const missingNames = instance.missing.map((f) => fieldLabel(f)).join(', ');

  return (
    <form
      onSubmit={(event) => event.preventDefault()}
      noValidate
      aria-labelledby="snt-form-title"
      data-testid="task-form"
    >
      {!connected && (
        <div class="snt-message snt-message-warning" role="status" data-testid="not-connected">
          {t('notConnectedForm')}{' '}
          <a class="snt-link" href="/ticketProvisioning">
            {t('connectNow')}
          </a>
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
                {e.url ? (
                  <a class="snt-link" href={e.url} target="_blank" rel="noreferrer">
                    {e.number}
                  </a>
                ) : (
                  t(e.table === 'incident' ? 'typeIncident' : 'typeChange')
                )}
                {' — '}
                {e.waiting ? t('existingWaiting') : (stateName(names, e.table, e.state) ?? e.state)}
              </li>
            ))}
          </ul>
          <label class="snt-row" style={{ fontWeight: 400 }}>
            <input
              type="checkbox"
              checked={draft.confirmDuplicate}
              onClick={onUserAction((e) => update('confirmDuplicate', e.currentTarget.checked))}
            />
            {t('confirmDuplicate')}
          </label>
        </div>
      )}
      <TaskFormFields draft={draft} form={form} disabled={Boolean(outcome)} />
      {instance.shown.length > 0 && (
        <div class="snt-grid" data-testid="instance-fields">
          <InstanceFields
            idPrefix="snt-if"
            type={draft.type}
            fields={instance.shown}
            values={instance.chosen}
            onChange={instance.change}
            required={instance.required}
            errors={tried || completing ? instance.errors : {}}
            disabled={busy || (Boolean(outcome) && !completing)}
          />
        </div>
      )}
      <p class="snt-muted">{t('requiredHint')}</p>
      <ErrorMessage error={error} />
      {tried && missingNames && (!outcome || completing) && (
        <div class="snt-message snt-message-error" role="alert" data-testid="fields-missing">
          {t('fieldsMissingBeforeSend', missingNames)}
        </div>
      )}
      {outcome?.state === 'sent' && outcome.result && (
        <div class="snt-message snt-message-success" role="status" data-testid="ticket-created">
          {t('created', outcome.result.number)}{' '}
          <a class="snt-link" href={outcome.result.url} target="_blank" rel="noreferrer">
            {t('openInServiceNow', outcome.result.number)}
          </a>
        </div>
      )}
      {slow && !outcome && (
        <div class="snt-message" role="status" data-testid="ticket-safe-in-outbox">
          {t('formSafeInOutbox')}
        </div>
      )}
      {queued && (
        <div class="snt-message snt-message-error" role="alert" data-testid="ticket-queued" data-state={outcome.state}>
          {outcome.state === 'failed'
            ? t('failedKept', outcome.error?.message ?? '')
            : t('queued', outcome.error?.message ?? '')}
        </div>
      )}
      <div class="snt-row snt-actions">
        {queued && (
          <button type="button" class="snt-btn snt-btn-primary" disabled={busy} onClick={onUserAction(retry)}>
            {completing ? t('completeAndSend') : t('retry')}
          </button>
        )}
        {!outcome && (
          // A real click or Enter in a field (the browser's own click on this button) sends; a
          // page script's click(), requestSubmit() or submit event does nothing.
          <button
            type="submit"
            class="snt-btn snt-btn-primary"
            disabled={!canSend}
            aria-disabled={!canSend}
            onClick={onUserAction(submit)}
          >
            {busy ? t('sending') : t('send')}
          </button>
        )}
        <button type="button" class="snt-btn" onClick={onClose}>
          {outcome ? t('close') : t('cancel')}
        </button>
      </div>
    </form>
  );
}
