import { useEffect, useState } from 'preact/hooks';
import type { OutboxSummary } from '@/utils/outbox/outbox-summary';
import { toAppError, type AppError } from '@/utils/errors';
import { t } from '@/utils/i18n';
import { send } from '@/utils/messaging';
import { ErrorMessage } from './ErrorMessage';
import { CompleteTicket } from './CompleteTicket';
import { fieldLabel } from './instance-fields/lookups';
import type { InstanceField } from '@/utils/domain/instance-fields';
import type { SendOutcome } from '@/utils/outbox/outbox';
import type { CreatedTicket } from '@/utils/outbox/outbox-store';

/** Refused for fields the instance requires: Complete and send instead of a Retry that would fail again. */
function needsFields(item: OutboxSummary): item is OutboxSummary & { missingFields: InstanceField[] } {
  return item.state === 'failed' && (item.missingFields?.length ?? 0) > 0;
}

/** Tickets not yet in ServiceNow, with why, Retry and Discard (F4.1). Refreshes when `revision` moves. */
export function OutboxList({ revision }: { revision: number }) {
  const [items, setItems] = useState<OutboxSummary[]>([]);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [completing, setCompleting] = useState<string | null>(null);
  const [sent, setSent] = useState<CreatedTicket | null>(null);

  const load = () =>
    send('listOutbox', {}).then(
      (all) => setItems(all.filter((i) => i.state !== 'sent')),
      (e) => setError(toAppError(e)),
    );
  useEffect(() => {
    void load();
  }, [revision]);

  const act = async (id: string, action: () => Promise<unknown>) => {
    setBusy(id);
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(toAppError(e));
    } finally {
      setBusy(null);
      await load();
    }
  };

  const onCompleted = (outcome: SendOutcome) => {
    if (outcome.state === 'sent') {
      setCompleting(null);
      setSent(outcome.result ?? null);
    }
    void load();
  };

  if (items.length === 0 && !error && !sent) return null;
  return (
    <section aria-labelledby="snt-outbox-title" data-testid="outbox">
      <h2 class="snt-h2" id="snt-outbox-title">
        {t('outboxTitle')}
      </h2>
      <ErrorMessage error={error} />
      {sent && (
        <div class="snt-message snt-message-success" role="status" data-testid="outbox-completed">
          {t('created', sent.number)}{' '}
          <a class="snt-link" href={sent.url} target="_blank" rel="noreferrer">
            {t('openInServiceNow', sent.number)}
          </a>
        </div>
      )}
      <ul class="snt-checklist">
        {items.map((item) => (
          <li key={item.id} data-state={item.state} style={{ display: 'block' }}>
            <strong>{item.name}</strong>
            <div class="snt-muted">
              {item.state === 'failed'
                ? t('outboxFailed')
                : item.state === 'sending'
                  ? t('outboxSending')
                  : t('outboxPending')}
              {item.lastError ? ` — ${item.lastError.message}` : ''}
            </div>
            {needsFields(item) && (
              <div class="snt-muted">{t('completeWaiting', item.missingFields.map(fieldLabel).join(', '))}</div>
            )}
            <div class="snt-row" style={{ marginTop: '4px' }}>
              {needsFields(item) && (
                <button
                  class="snt-btn snt-btn-primary"
                  aria-expanded={completing === item.id ? 'true' : 'false'}
                  aria-label={t('completeTicketLabel', item.name)}
                  disabled={busy === item.id}
                  onClick={() => setCompleting(completing === item.id ? null : item.id)}
                >
                  {t('completeAndSend')}
                </button>
              )}
              <button
                class="snt-btn"
                hidden={needsFields(item)}
                disabled={busy === item.id}
                aria-label={t('retryTicketLabel', item.name)}
                onClick={() => act(item.id, () => send('retryTicket', { outboxId: item.id }))}
              >
                {t('retry')}
              </button>
              <button
                class="snt-btn"
                disabled={busy === item.id}
                aria-label={t('discardTicketLabel', item.name)}
                onClick={() =>
                  confirm(t('discardConfirm', item.name)) &&
                  act(item.id, () => send('discardTicket', { outboxId: item.id }))
                }
              >
                {t('discard')}
              </button>
            </div>
            {needsFields(item) && completing === item.id && <CompleteTicket item={item} onSent={onCompleted} />}
          </li>
        ))}
      </ul>
    </section>
  );
}
