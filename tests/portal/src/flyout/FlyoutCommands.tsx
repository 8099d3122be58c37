import { CommandBar, DefaultButton, type ICommandBarItemProps } from '@fluentui/react';
import { reportCommand } from '../feedback';
import type { ImprovementAction } from '../data/types';
import { useSwitches } from '../hooks';
import { useStrings } from '../i18n';
import { useTick } from '../rerender';
import { shareMenuItems } from '../share/shareItems';
import { lazyStyles } from '../lazyStyles';
import { useMark } from '../marks';

/** markup=default uses the class names of styles.css; bare/alt generated ones. */
const DEFAULT_CLASSES = {
  commands: 'flyout-commands',
  standalone: 'flyout-commands flyout-commands-standalone',
  commandBar: 'flyout-commandbar',
  shareButton: 'flyout-share-button',
};
const variantClasses = lazyStyles({
  commands: { display: 'flex', alignItems: 'center', gap: 8, margin: '0 -8px 12px', borderBottom: '1px solid #edebe9' },
  standalone: { display: 'flex', alignItems: 'center', gap: 8, margin: '0 -8px 12px', paddingRight: 8, borderBottom: '1px solid #edebe9' },
  commandBar: { flex: '1 1 auto', minWidth: 0 },
  shareButton: undefined,
});

/**
 * The flyout's commands in div.flyout-commands[data-testid="flyout-commandbar"] (markup=default;
 * a div with generated classes and no data-testid in bare/alt):
 * - default: a Fluent CommandBar (role=menubar) with Manage in Microsoft Defender XDR
 *   (OpenInNewWindow), Share (Share, submenu) and Notes (EditNote);
 * - sharebutton=standalone: a CommandBar with Manage and Notes, and Share as a standalone
 *   DefaultButton with menuProps.
 * With `rerender`, the command bar is recreated (keyed by the tick generation) while no menu is open.
 */
export function FlyoutCommands({ action }: { action: ImprovementAction }) {
  const t = useStrings();
  const { sharebutton, markup } = useSwitches();
  const mark = useMark();
  const c = markup === 'default' ? DEFAULT_CLASSES : variantClasses();
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
      <div className={c.standalone} {...mark('flyout-commandbar')}>
        <CommandBar key={`cb-${generation}`} className={c.commandBar} items={[manage, notes]} />
        <DefaultButton
          key={`share-${generation}`}
          className={c.shareButton}
          text={t.flyout.share}
          iconProps={{ iconName: 'Share' }}
          menuProps={{ items: share }}
          {...mark('flyout-share-button')}
        />
      </div>
    );
  }
  return (
    <div className={c.commands} {...mark('flyout-commandbar')}>
      <CommandBar key={`cb-${generation}`} className={c.commandBar} items={[manage, shareItem, notes]} />
    </div>
  );
}
