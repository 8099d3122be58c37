import { useEffect, useState } from 'preact/hooks';
import { Checklist } from './Checklist';
import { ConnectionSummary } from './ConnectionSummary';
import { ErrorMessage } from './ErrorMessage';
import { useAction } from './use-action';
import { useConnectionStatus } from './use-connection-status';
import { t } from '@/utils/i18n';
import { send } from '@/utils/messaging';

/**
 * The portal page /ticketProvisioning (F1.3): the checklist with Save and Authorize. The client
 * secret is never typed into the portal: private clients enter it in the extension options.
 */
export function ProvisioningView() {
  const { status, setStatus, error: loadError, refresh } = useConnectionStatus({ check: true });
  const [instance, setInstance] = useState('');
  const [clientId, setClientId] = useState('');
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    if (status) {
      setInstance((v) => v || status.instanceHost || '');
      setClientId((v) => v || status.clientId || '');
    }
  }, [status?.instanceHost, status?.clientId]);

  const { busy, error, run } = useAction({ onStart: () => setNotice(null), onError: () => refresh(false) });

  const save = (event: Event) => {
    event.preventDefault();
    void run(async () => {
      setStatus(await send('saveConnection', { instance, clientId }));
      setNotice(t('saved'));
    });
  };

  return (
    <section class="snt-card" style={{ margin: '24px 32px', maxWidth: '880px' }} aria-labelledby="snt-prov-title">
      <h1 class="snt-h1" id="snt-prov-title">
        {t('provisioningTitle')}
      </h1>
      <p>{t('provisioningIntro')}</p>
      {status ? <ConnectionSummary status={status} /> : <p aria-busy="true">…</p>}
      <ErrorMessage error={error ?? loadError} />
      {notice && (
        <div class="snt-message snt-message-success" role="status">
          {notice}
        </div>
      )}
      {status && (
        <div style={{ margin: '12px 0' }}>
          <Checklist steps={status.checklist} />
        </div>
      )}
      <form onSubmit={save} noValidate aria-label={t('connection')}>
        <div class="snt-row" style={{ alignItems: 'flex-end' }}>
          <div class="snt-field" style={{ flex: 1, minWidth: '220px' }}>
            <label for="snt-prov-instance">{t('instanceLabel')}</label>
            <input
              id="snt-prov-instance"
              class="snt-input"
              value={instance}
              autoComplete="off"
              onInput={(e) => setInstance(e.currentTarget.value)}
            />
          </div>
          <div class="snt-field" style={{ flex: 1, minWidth: '220px' }}>
            <label for="snt-prov-client">{t('clientIdLabel')}</label>
            <input
              id="snt-prov-client"
              class="snt-input"
              value={clientId}
              autoComplete="off"
              onInput={(e) => setClientId(e.currentTarget.value)}
            />
          </div>
        </div>
        <p class="snt-muted">
          {t('secretInOptions')} {t('dedicatedHint')}
        </p>
        <div class="snt-row">
          <button type="submit" class="snt-btn" disabled={busy}>
            {t('save')}
          </button>
          <button
            type="button"
            class="snt-btn snt-btn-primary"
            disabled={busy || !status || status.state === 'not_configured'}
            onClick={() => run(async () => setStatus(await send('connect', {})))}
          >
            {t('authorize')}
          </button>
          <button type="button" class="snt-btn" disabled={busy} onClick={() => run(() => refresh(true))}>
            {t('recheck')}
          </button>
          <button type="button" class="snt-link" onClick={() => void send('openOptions', {})}>
            {t('openOptions')}
          </button>
        </div>
      </form>
    </section>
  );
}
