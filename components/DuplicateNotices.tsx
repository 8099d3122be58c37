import { useEffect, useState } from 'preact/hooks';
import { duplicateNotices, type DuplicateNotice } from '@/utils/storage';
import { t } from '@/utils/i18n';

// The popup's notice of duplicates the extension canceled (the network made two records of one
// request); shown until dismissed. Text nodes only: ticket numbers come from ServiceNow.
export function DuplicateNotices() {
  const [notices, setNotices] = useState<DuplicateNotice[]>([]);
  useEffect(() => {
    void duplicateNotices.get().then(setNotices);
    return duplicateNotices.watch(setNotices);
  }, []);
  if (notices.length === 0) return null;
  return (
    <section class="snt-notice" role="status" data-testid="duplicate-notices" style={{ margin: '12px 0' }}>
      <h2 class="snt-h2">{t('duplicatesTitle')}</h2>
      <ul style={{ margin: '4px 0', paddingLeft: '18px' }}>
        {notices.map((n) => (
          <li key={n.sysId}>{t('duplicateRetired', n.number, n.keptNumber)}</li>
        ))}
      </ul>
      <button class="snt-btn" onClick={() => void duplicateNotices.set([])}>
        {t('duplicatesDismiss')}
      </button>
    </section>
  );
}
