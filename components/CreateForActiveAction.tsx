import { useEffect, useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import { activeTabId, sendToTab, type TabProtocol } from '@/utils/messaging/tab-messages';

// The popup's entry that does not depend on the portal's Share menu (issue 12 item 5): when the
// active tab shows an improvement action, open the same task form there, prefilled from the page.

type Shown = { tabId: number; action: NonNullable<TabProtocol['describeAction']> };

async function findShownAction(): Promise<Shown | null> {
  const tabId = await activeTabId();
  if (tabId === undefined) return null;
  // Only a portal tab has our content script; any other tab rejects: no entry.
  const action = await sendToTab(tabId, 'describeAction').catch(() => null);
  return action ? { tabId, action } : null;
}

export function CreateForActiveAction({ onOpened }: { onOpened: () => void }) {
  const [shown, setShown] = useState<Shown | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    void findShownAction().then(setShown, () => setShown(null));
  }, []);
  if (!shown) return null;

  const open = async () => {
    setFailed(false);
    const opened = await sendToTab(shown.tabId, 'openTaskForm').catch(() => false);
    if (opened) onOpened();
    else setFailed(true);
  };

  return (
    <section style={{ margin: '12px 0' }} data-testid="create-for-action">
      <button type="button" class="snt-btn snt-btn-primary" onClick={() => void open()}>
        {t('createForAction')}
      </button>
      {shown.action.title && <p class="snt-muted">{shown.action.title}</p>}
      {failed && (
        <p class="snt-message snt-message-error" role="alert">
          {t('createForActionFailed')}
        </p>
      )}
    </section>
  );
}
