import { IconButton, type IContextualMenuItem } from '@fluentui/react';
import { reportCommand } from '../feedback';
import type { ImprovementAction } from '../data/types';
import { useStrings } from '../i18n';
import { useTick, volatileKey } from '../rerender';
import { navigate, secureScoreUrl } from '../router';
import { shareMenuItems } from '../share/shareItems';
import { useMark } from '../marks';

/**
 * The row's "…" button: IconButton (icon More, aria-label "More actions", localized) whose menu has
 * Edit status & action plan, Share (icon Share, submenu with the four built-in share items) and
 * View details. The Share item keeps a stable key so its submenu stays open across re-renders.
 */
export function RowMoreMenu({ action }: { action: ImprovementAction }) {
  const t = useStrings();
  const mark = useMark();
  const { tick } = useTick();
  const items: IContextualMenuItem[] = [
    {
      key: volatileKey('editStatus', tick),
      text: t.rowMenu.editStatus,
      iconProps: { iconName: 'Edit' },
      onClick: () => reportCommand('editStatus', action.id),
    },
    {
      key: 'share',
      text: t.flyout.share,
      iconProps: { iconName: 'Share' },
      subMenuProps: { items: shareMenuItems(t, action.id, tick) },
    },
    {
      key: volatileKey('viewDetails', tick),
      text: t.rowMenu.viewDetails,
      iconProps: { iconName: 'OpenInNewWindow' },
      onClick: () => navigate(secureScoreUrl('actions', action.id)),
    },
  ];
  return (
    <IconButton
      className="row-more-button"
      iconProps={{ iconName: 'More' }}
      ariaLabel={t.rowMenu.moreActions}
      title={t.rowMenu.moreActions}
      menuProps={{ items }}
      onRenderMenuIcon={() => null}
      {...mark('action-row-more', { 'data-action-id': action.id })}
    />
  );
}
