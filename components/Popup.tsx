import { useRef } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { Checklist } from './Checklist';
import { CreateForActiveAction } from './CreateForActiveAction';
import { DuplicateNotices } from './DuplicateNotices';
import { ConnectionSummary } from './ConnectionSummary';
import { ErrorMessage } from './ErrorMessage';
import { OutboxList } from './OutboxList';
import { PopupTickets } from './PopupTickets';
import { PortalCompatibility } from './PortalCompatibility';
import { useAction } from './use-action';
import { useConnectionStatus } from './use-connection-status';
import type { ConnectionStatus } from '@/utils/domain/connection-status';
import { t } from '@/utils/i18n';
import { send } from '@/utils/messaging';

/** `initialStatus`: the cached status, read before the first render (entrypoints/popup/main.tsx). */
export function Popup({ initialStatus = null }: { initialStatus?: ConnectionStatus | null }) {
  const { status, setStatus, error: loadError, refresh } = useConnectionStatus({ check: true, initial: initialStatus });
  const { busy, error, run } = useAction({ onError: () => refresh(false) });
  // Once shown, the outbox stays until the popup closes: at 0 it still says what Complete and send created.
  const outboxShown = useRef(false);
  if (status && status.outboxCount > 0) outboxShown.current = true;

  const openOptions = () => void browser.runtime.openOptionsPage().then(() => window.close());
  const connected = status?.state === 'connected' || status?.state === 'offline';
  // The permission prompt for a custom domain needs a page that stays open: the options page.
  const needsOptions =
    !status ||
    status.state === 'not_configured' ||
    (status.instanceHost && !status.instanceHost.endsWith('.service-now.com'));

  return (
    <main class="snt-root" style={{ width: '360px', padding: '16px' }}>
      <h1 class="snt-h1">{t('productName')}</h1>
      {status ? <ConnectionSummary status={status} /> : <p aria-busy="true">…</p>}
      <ErrorMessage error={error ?? loadError} />
      <CreateForActiveAction onOpened={() => window.close()} />
      <DuplicateNotices />
      {status && (
        <>
          <h2 class="snt-h2">{t('checklist')}</h2>
          <Checklist steps={status.checklist} />
          <div class="snt-row" style={{ marginTop: '12px' }}>
            {connected && status.refreshExpiresSoon && !needsOptions && (
              <button
                class="snt-btn snt-btn-primary"
                disabled={busy}
                onClick={() => run(async () => setStatus(await send('connect', {})))}
              >
                {t('reconnect')}
              </button>
            )}
            {connected ? (
              <button
                class="snt-btn"
                disabled={busy}
                onClick={() => run(async () => setStatus(await send('disconnect', { forget: false })))}
              >
                {t('disconnect')}
              </button>
            ) : needsOptions ? (
              <button class="snt-btn snt-btn-primary" onClick={openOptions}>
                {t('connect')}
              </button>
            ) : (
              <button
                class="snt-btn snt-btn-primary"
                disabled={busy || status.state === 'connecting'}
                onClick={() => run(async () => setStatus(await send('connect', {})))}
              >
                {status.state === 'reconnect_needed' ? t('reconnect') : t('connect')}
              </button>
            )}
            <button class="snt-btn" disabled={busy} onClick={() => run(() => refresh(true))}>
              {t('recheck')}
            </button>
          </div>
          <dl
            class="snt-muted"
            style={{ display: 'grid', gridTemplateColumns: 'auto 1fr', gap: '4px 12px', margin: '12px 0' }}
          >
            <dt>{t('lastSync')}</dt>
            <dd style={{ margin: 0 }} data-testid="last-sync">
              {status.lastSyncAt ? new Date(status.lastSyncAt).toLocaleString() : t('never')}
            </dd>
            <dt>{t('waitingTickets')}</dt>
            <dd style={{ margin: 0 }} data-testid="outbox-count">
              {status.outboxCount}
            </dd>
          </dl>
          {outboxShown.current && <OutboxList revision={status.updatedAt} />}
          {connected && <PopupTickets />}
        </>
      )}
      <PortalCompatibility />
      <button class="snt-link" onClick={openOptions}>
        {t('openOptions')}
      </button>
    </main>
  );
}
