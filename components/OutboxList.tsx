import { useEffect, useState } from 'preact/hooks';
import type { OutboxSummary } from '@/utils/outbox/outbox-summary';
import { toAppError, type AppError } from '@/utils/errors';
import { t } from '@/utils/i18n';
import { send } from '@/utils/messaging';
import { ErrorMessage } from './ErrorMessage';

/** Tickets not yet in ServiceNow, with why, Retry and Discard (F4.1). Refreshes when `revision` moves. */
export function OutboxList({ revision }: { revision: number }) {
  const [items, setItems] = useState<OutboxSummary[]>([]);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

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

  if (items.length === 0 && !error) return null;
  return (
    <section aria-labelledby="snt-outbox-title" data-testid="outbox">
      <h2 class="snt-h2" id="snt-outbox-title">
        {t('outboxTitle')}
      </h2>
      <ErrorMessage error={error} />
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
            <div class="snt-row" style={{ marginTop: '4px' }}>
              <button
                class="snt-btn"
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
          </li>
        ))}
      </ul>
    </section>
  );
}
