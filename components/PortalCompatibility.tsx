import { useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { diagnosticReport, portalCompatibility } from '@/utils/domain/portal-compatibility';
import { t } from '@/utils/i18n';
import { usePortalDiagnostics } from './use-portal-diagnostics';

// The "Portal compatibility" line of the popup and /ticketProvisioning (issue 12 item 4): all
// fine, or what the overlay did not find and what still works; and "Copy diagnostic report".

type Copy = 'idle' | 'copied' | 'failed';

export function PortalCompatibility() {
  const diagnostics = usePortalDiagnostics();
  const [copy, setCopy] = useState<Copy>('idle');
  const [report, setReport] = useState('');
  if (!diagnostics) return null;
  const { unknown, problems } = portalCompatibility(diagnostics);

  const copyReport = async () => {
    const text = diagnosticReport(diagnostics, {
      version: browser.runtime.getManifest().version,
      browser: navigator.userAgent,
    });
    setReport(text);
    try {
      await navigator.clipboard.writeText(text);
      setCopy('copied');
    } catch {
      setCopy('failed');
    }
  };

  return (
    <section aria-labelledby="snt-compat-title" data-testid="portal-compatibility" style={{ margin: '12px 0' }}>
      <h2 class="snt-h2" id="snt-compat-title">
        {t('compatTitle')}
      </h2>
      {unknown ? (
        <p class="snt-muted">{t('compatUnknown')}</p>
      ) : problems.length === 0 ? (
        <p data-compat="ok">{t('compatAllFine')}</p>
      ) : (
        <ul data-compat="problems" style={{ margin: '0 0 8px', paddingInlineStart: '20px' }}>
          {problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      )}
      <button type="button" class="snt-btn" onClick={() => void copyReport()}>
        {t('copyDiagnosticReport')}
      </button>
      {copy === 'copied' && (
        <p class="snt-message snt-message-success" role="status">
          {t('diagnosticReportCopied')}
        </p>
      )}
      {copy === 'failed' && (
        <>
          <p class="snt-message snt-message-error" role="alert">
            {t('diagnosticCopyFailed')}
          </p>
          <textarea readOnly rows={6} style={{ width: '100%' }} aria-label={t('copyDiagnosticReport')} value={report} />
        </>
      )}
    </section>
  );
}
