import type { Feature } from '../feature-manager';
import { isPath } from '../feature-manager';
import { onDomChange } from '../observe';
import { panelOf, readFlyout, readRow, type ActionDetails } from '../action-reader';
import { OUR_MENU_ITEM } from '../selectors';
import { findOpenShareMenus, type ShareMenu } from '../share-menu';
import { ensureServiceNowItem } from '../share-menu-item';
import { openTaskForm } from '../task-form/open-task-form';

/** The action a Share menu belongs to: its row, or the flyout it was opened from. */
function actionOf(share: ShareMenu): ActionDetails {
  if (share.origin === 'row' && share.row) {
    const fromRow = readRow(share.row);
    // When the row's action is also open in the flyout, its description is there too.
    const panel = panelOf(null);
    if (panel && fromRow.id && new URL(location.href).searchParams.get('actionId') === fromRow.id) {
      const fromPanel = readFlyout(panel, location.href);
      return { ...fromRow, description: fromPanel.description, implementation: fromPanel.implementation };
    }
    return fromRow;
  }
  return readFlyout(panelOf(share.opener) ?? document.body, location.href);
}

/** Share → ServiceNow (F2.1): our item in every Share menu of an improvement action. */
export const shareMenu: Feature = {
  id: 'share-menu',
  include: (url) => isPath(url, '/securescore'),
  init(signal) {
    const choose = (share: ShareMenu) => openTaskForm({ action: actionOf(share) });
    const check = () => {
      for (const share of findOpenShareMenus(document)) ensureServiceNowItem(share, choose);
    };
    onDomChange(check, { signal });
    check();
    signal.addEventListener('abort', () => document.querySelectorAll(OUR_MENU_ITEM).forEach((item) => item.remove()), {
      once: true,
    });
  },
};
