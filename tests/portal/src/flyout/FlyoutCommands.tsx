import { CommandBar, DefaultButton, type ICommandBarItemProps } from '@fluentui/react';
import { reportCommand } from '../feedback';
import type { ImprovementAction } from '../data/types';
import { useSwitches } from '../hooks';
import { useStrings } from '../i18n';
import { useTick } from '../rerender';
import { shareMenuItems } from '../share/shareItems';

/**
 * The flyout's commands in div.flyout-commands[data-testid="flyout-commandbar"]:
 * - default: a Fluent CommandBar (role=menubar) with Manage in Microsoft Defender XDR
 *   (OpenInNewWindow), Share (Share, submenu) and Notes (EditNote);
 * - sharebutton=standalone: a CommandBar with Manage and Notes, and Share as a standalone
 *   DefaultButton with menuProps.
 * With `rerender`, the command bar is recreated (keyed by the tick generation) while no menu is open.
 */
export function FlyoutCommands({ action }: { action: ImprovementAction }) {
  const t = useStrings();
  const { sharebutton } = useSwitches();
  const { tick, generation } = useTick();
  const share = shareMenuItems(t, action.id, tick);

  const manage: ICommandBarItemProps = {
    key: 'manage',
    text: t.flyout.manage,
    iconProps: { iconName: 'OpenInNewWindow' },
    onClick: () => reportCommand('manage', action.id),
  };
  const notes: ICommandBarItemProps = {
    key: 'notes',
    text: t.flyout.notes,
    iconProps: { iconName: 'EditNote' },
    onClick: () => reportCommand('notes', action.id),
  };
  const shareItem: ICommandBarItemProps = {
    key: 'share',
    text: t.flyout.share,
    iconProps: { iconName: 'Share' },
    subMenuProps: { items: share },
  };

  if (sharebutton === 'standalone') {
    return (
      <div className="flyout-commands flyout-commands-standalone" data-testid="flyout-commandbar">
        <CommandBar key={`cb-${generation}`} className="flyout-commandbar" items={[manage, notes]} />
        <DefaultButton
          key={`share-${generation}`}
          className="flyout-share-button"
          text={t.flyout.share}
          iconProps={{ iconName: 'Share' }}
          menuProps={{ items: share }}
          data-testid="flyout-share-button"
        />
      </div>
    );
  }
  return (
    <div className="flyout-commands" data-testid="flyout-commandbar">
      <CommandBar key={`cb-${generation}`} className="flyout-commandbar" items={[manage, shareItem, notes]} />
    </div>
  );
}
