import { MessageBar, MessageBarType, Panel, PanelType, Spinner, SpinnerSize } from '@fluentui/react';
import type { HTMLAttributes } from 'react';
import { findAction } from '../data/actions';
import { useActions } from '../data/store';
import { titleOf } from '../data/types';
import { useSwitches } from '../hooks';
import { useStrings } from '../i18n';
import { FlyoutBody } from './FlyoutBody';
import { useDelayedContent } from './useDelayedContent';

// data-testid on .ms-Panel-headerText, as the real portal's flyout title carries it.
const HEADER_TEXT_PROPS = { 'data-testid': 'DetailsPanelBodyItemTitle' } as HTMLAttributes<HTMLDivElement>;

/**
 * The improvement action flyout: a large, light-dismiss Fluent Panel, open while the address has
 * actionId. Header text = action title; body = command bar + details (after a Spinner with slow=1).
 */
export function ActionFlyout({ actionId, onDismiss }: { actionId: string | undefined; onDismiss: () => void }) {
  const t = useStrings();
  const { lang } = useSwitches();
  const { loaded } = useActions();
  // The flyout's own content request starts once the page data is there.
  const contentReady = useDelayedContent(loaded ? actionId : undefined);
  const action = loaded ? findAction(actionId) : undefined;
  const showContent = loaded && contentReady;

  return (
    <Panel
      isOpen={!!actionId}
      onDismiss={onDismiss}
      isLightDismiss
      type={PanelType.large}
      headerText={action ? titleOf(action, lang) : undefined}
      headerTextProps={HEADER_TEXT_PROPS}
      closeButtonAriaLabel={t.flyout.close}
      className="action-flyout-panel"
      data-testid="action-flyout-panel"
    >
      {!showContent ? (
        <Spinner size={SpinnerSize.large} label={t.flyout.loading} className="flyout-spinner" data-testid="flyout-spinner" />
      ) : action ? (
        <FlyoutBody action={action} />
      ) : (
        actionId && (
          <MessageBar messageBarType={MessageBarType.warning} className="flyout-not-found">
            {t.flyout.notFound}
          </MessageBar>
        )
      )}
    </Panel>
  );
}
