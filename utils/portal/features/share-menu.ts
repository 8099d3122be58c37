import type { Feature } from '../feature-manager';
import { isPath } from '../feature-manager';
import { onDomChange, onMutations } from '../observe';
import { actionIdFromUrl, panelOf, readFlyout, readRow, type ActionDetails } from '../action-reader';
import { completeFromTabs } from '../flyout-tabs';
import { OUR_MENU_ITEM } from '../selectors';
import { findOpenShareMenus, mayShowMenu, type ShareMenu } from '../share-menu';
import { ensureServiceNowItem } from '../share-menu-item';
import { openTaskForm } from '../task-form/open-task-form';
import { loadTitleIds } from '../title-ids';

/** The action a Share menu belongs to: its row, or the flyout it was opened from. */
function actionOf(share: ShareMenu): ActionDetails {
  if (share.origin === 'row' && share.row) {
    const fromRow = readRow(share.row);
    // When the row's action is also open in the flyout, its description is there too.
    const panel = panelOf(null);
    if (panel && fromRow.id && new URL(location.href).searchParams.get('actionId') === fromRow.id) {
      const fromPanel = readFlyout(panel, location.href);
      const sections: readonly string[] = ['description', 'implementation'];
      return {
        ...fromRow,
        description: fromPanel.description,
        implementation: fromPanel.implementation,
        missing: fromRow.missing?.filter((field) => !sections.includes(field) || fromPanel.missing?.includes(field)),
      };
    }
    return fromRow;
  }
  return readFlyout(panelOf(share.opener) ?? document.body, location.href);
}

/** The action, with what the flyout shows only in another tab read from there (flyout-tabs.ts). */
async function completeAction(share: ShareMenu): Promise<ActionDetails> {
  const action = actionOf(share);
  const panel = share.origin === 'row' ? panelOf(null) : panelOf(share.opener);
  if (!panel || (share.origin === 'row' && actionIdFromUrl(location.href) !== action.id)) return action;
  return completeFromTabs(panel, action, (p) => readFlyout(p, location.href));
}

const SAFETY_NET_MS = 500;

/** Share → ServiceNow (F2.1): our item in every Share menu of an improvement action. */
export const shareMenu: Feature = {
  id: 'share-menu',
  include: (url) => isPath(url, '/securescore'),
  init(signal) {
    const choose = (share: ShareMenu) => void completeAction(share).then((action) => openTaskForm({ action }));
    const check = () => {
      for (const share of findOpenShareMenus(document)) ensureServiceNowItem(share, choose);
    };
    // At once when a mutation may have opened a menu (our item is there before the menu is
    // painted); every SAFETY_NET_MS after other changes too, for a menu shown some other way.
    onMutations(
      (records) => {
        if (mayShowMenu(records)) check();
      },
      { signal },
    );
    let lastSafetyCheck = 0;
    onDomChange(
      () => {
        if (Date.now() - lastSafetyCheck < SAFETY_NET_MS) return;
        lastSafetyCheck = Date.now();
        check();
      },
      { signal },
    );
    check();
    // A row without an id (its markup names no action) is matched by its title (readRow).
    const titles = loadTitleIds();
    signal.addEventListener(
      'abort',
      () => {
        titles.stop();
        document.querySelectorAll(OUR_MENU_ITEM).forEach((item) => item.remove());
      },
      { once: true },
    );
  },
};
