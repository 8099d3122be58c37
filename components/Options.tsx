import { Checklist } from './Checklist';
import { ConnectionForm } from './ConnectionForm';
import { ConnectionSummary } from './ConnectionSummary';
import { DefaultsForm } from './DefaultsForm';
import { ErrorMessage } from './ErrorMessage';
import { FieldDefaultsForm } from './FieldDefaultsForm';
import { StateNamesEditor } from './StateNamesEditor';
import { SyncSettingsForm } from './SyncSettingsForm';
import { TrackingStyles } from './tracking-styles';
import { useConnectionStatus } from './use-connection-status';
import { t } from '@/utils/i18n';

export function Options() {
  const { status, setStatus, error } = useConnectionStatus({ check: true });
  return (
    <main class="snt-root" style={{ maxWidth: '720px', margin: '0 auto', padding: '24px' }}>
      <h1 class="snt-h1">{t('optionsTitle')}</h1>
      <ErrorMessage error={error} />
      {status && (
        <section aria-labelledby="snt-connection-title">
          <h2 class="snt-h2" id="snt-connection-title">
            {t('connection')}
          </h2>
          <ConnectionSummary status={status} />
          <div style={{ margin: '12px 0' }}>
            <Checklist steps={status.checklist} />
          </div>
          <ConnectionForm status={status} onStatus={setStatus} />
        </section>
      )}
      <section aria-labelledby="snt-defaults-title">
        <h2 class="snt-h2" id="snt-defaults-title">
          {t('defaultsTitle')}
        </h2>
        <DefaultsForm />
      </section>
      <section aria-labelledby="snt-field-defaults-title">
        <h2 class="snt-h2" id="snt-field-defaults-title">
          {t('fieldDefaultsTitle')}
        </h2>
        <FieldDefaultsForm connected={status?.state === 'connected'} />
      </section>
      <section aria-labelledby="snt-sync-title">
        <h2 class="snt-h2" id="snt-sync-title">
          {t('ticketSyncTitle')}
        </h2>
        <SyncSettingsForm />
      </section>
      <section aria-labelledby="snt-states-title">
        <TrackingStyles />
        <h2 class="snt-h2" id="snt-states-title">
          {t('ticketStatesTitle')}
        </h2>
        <StateNamesEditor />
      </section>
      <section aria-labelledby="snt-data-title">
        <h2 class="snt-h2" id="snt-data-title">
          {t('dataTitle')}
        </h2>
        <ul>
          <li>{t('dataStored')}</li>
          <li>{t('dataSent')}</li>
          <li>{t('dataNothingElse')}</li>
        </ul>
        <a href="/privacy.txt" target="_blank" rel="noopener">
          {t('privacyLink')}
        </a>
      </section>
    </main>
  );
}
