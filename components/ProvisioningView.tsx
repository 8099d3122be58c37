import { Checklist } from './Checklist';
import { ConnectionSummary } from './ConnectionSummary';
import { ErrorMessage } from './ErrorMessage';
import { PortalCompatibility } from './PortalCompatibility';
import { useAction } from './use-action';
import { useConnectionStatus } from './use-connection-status';
import { onUserAction } from './user-action';
import { t } from '@/utils/i18n';
import { send } from '@/utils/messaging';

/**
 * The portal page /ticketProvisioning (F1.3): the checklist, Authorize (reconnect the configured
 * instance) and Open options. Instance, client and secret are set only in the extension options.
 */
export function ProvisioningView() {
  const { status, setStatus, error: loadError, refresh } = useConnectionStatus({ check: true });
  const { busy, error, run } = useAction({ onError: () => refresh(false) });
  const notConfigured = !status || status.state === 'not_configured';

  return (
    <section class="snt-card" style={{ margin: '24px 32px', maxWidth: '880px' }} aria-labelledby="snt-prov-title">
      <h1 class="snt-h1" id="snt-prov-title">
        {t('provisioningTitle')}
      </h1>
      <p>{t('provisioningIntro')}</p>
      {status ? <ConnectionSummary status={status} /> : <p aria-busy="true">…</p>}
      <ErrorMessage error={error ?? loadError} />
      {status && (
        <div style={{ margin: '12px 0' }}>
          <Checklist steps={status.checklist} />
        </div>
      )}
      {/* Setup happens in the extension options only: this page's scripts can reach our shadow root. */}
      {status && notConfigured && <p class="snt-muted">{t('provisioningSetupInOptions')}</p>}
      <div class="snt-row">
        <button
          type="button"
          class={notConfigured ? 'snt-btn snt-btn-primary' : 'snt-btn'}
          onClick={onUserAction(() => void send('openOptions', {}))}
        >
          {t('openOptions')}
        </button>
        <button
          type="button"
          class="snt-btn snt-btn-primary"
          disabled={busy || notConfigured}
          // Only a real click signs in: a page script's synthetic click is ignored.
          onClick={onUserAction(() => void run(async () => setStatus(await send('connect', {}))))}
        >
          {t('authorize')}
        </button>
        <button
          type="button"
          class="snt-btn"
          disabled={busy}
          onClick={onUserAction(() => void run(() => refresh(true)))}
        >
          {t('recheck')}
        </button>
      </div>
      <PortalCompatibility />
    </section>
  );
}
