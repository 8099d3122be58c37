import { t } from '@/utils/i18n';

/** Home page card when not connected (F1.7). A plain link: the provisioning page is ours. */
export function ConnectCard() {
  return (
    <section class="snt-card" aria-labelledby="snt-connect-card-title" style={{ margin: '0 0 16px' }}>
      <h2 class="snt-h2" id="snt-connect-card-title" style={{ marginTop: 0 }}>
        {t('useServiceNowTitle')}
      </h2>
      <p>{t('useServiceNowBody')}</p>
      <a
        class="snt-btn snt-btn-primary"
        style={{ display: 'inline-flex', alignItems: 'center' }}
        href="/ticketProvisioning"
      >
        {t('getStarted')}
      </a>
    </section>
  );
}
