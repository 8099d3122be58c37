import { MessageBar, MessageBarType, Panel, PanelType, Spinner, SpinnerSize } from '@fluentui/react';
import type { HTMLAttributes } from 'react';
import { findAction } from '../data/actions';
import { useActions } from '../data/store';
import { titleOf, type ImprovementAction } from '../data/types';
import { useSwitches } from '../hooks';
import { useStrings } from '../i18n';
import type { Markup } from '../markup';
import { FlyoutBody } from './FlyoutBody';
import { FlyoutBodyAlt } from './FlyoutBodyAlt';
import { FlyoutBodyBare } from './FlyoutBodyBare';
import { useDelayedContent } from './useDelayedContent';

// data-testid on .ms-Panel-headerText, as the real portal's flyout title carries it (markup=default).
const HEADER_TEXT_PROPS = { 'data-testid': 'DetailsPanelBodyItemTitle' } as HTMLAttributes<HTMLDivElement>;

/** Our class names and test ids on the Panel and its spinner: markup=default only. */
const PANEL_MARKS = {
  default: {
    panel: { className: 'action-flyout-panel', 'data-testid': 'action-flyout-panel', headerTextProps: HEADER_TEXT_PROPS },
    spinner: { className: 'flyout-spinner', 'data-testid': 'flyout-spinner' },
  },
  bare: { panel: {}, spinner: {} },
  alt: { panel: {}, spinner: {} },
} satisfies Record<Markup, { panel: object; spinner: object }>;

function Body({ action, markup }: { action: ImprovementAction; markup: Markup }) {
  if (markup === 'bare') return <FlyoutBodyBare action={action} />;
  if (markup === 'alt') return <FlyoutBodyAlt action={action} />;
  return <FlyoutBody action={action} />;
}

/**
 * The improvement action flyout: a large, light-dismiss Fluent Panel, open while the address has
 * actionId. Header text = action title; body = command bar + details (after a Spinner with slow=1),
 * in the markup the `markup` switch asks for.
 */
export function ActionFlyout({ actionId, onDismiss }: { actionId: string | undefined; onDismiss: () => void }) {
  const t = useStrings();
  const { lang, markup } = useSwitches();
  const { loaded } = useActions();
  // The flyout's own content request starts once the page data is there.
  const contentReady = useDelayedContent(loaded ? actionId : undefined);
  const action = loaded ? findAction(actionId) : undefined;
  const showContent = loaded && contentReady;
  const marks = PANEL_MARKS[markup];

  return (
    <Panel
      isOpen={!!actionId}
      onDismiss={onDismiss}
      isLightDismiss
      type={PanelType.large}
      headerText={action ? titleOf(action, lang) : undefined}
      closeButtonAriaLabel={t.flyout.close}
      {...marks.panel}
    >
      {!showContent ? (
        <Spinner size={SpinnerSize.large} label={t.flyout.loading} {...marks.spinner} />
      ) : action ? (
        <Body action={action} markup={markup} />
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
