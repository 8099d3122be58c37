import { Pivot, PivotItem } from '@fluentui/react';
import { useEffect } from 'react';
import { clearFeedback } from '../feedback';
import { ActionFlyout } from '../flyout/ActionFlyout';
import { useStrings } from '../i18n';
import { navigate, secureScoreUrl, useLocation } from '../router';
import { ActionsList } from './ActionsList';
import { ScoreOverview } from './ScoreOverview';
import { useMark } from '../marks';

export type ViewId = 'overview' | 'actions';

/**
 * /securescore?viewid=overview|actions[&actionId=<id>]: title, a Pivot (Overview / Recommended
 * actions) that switches viewid with pushState, the view, and the action flyout when actionId is set.
 */
export function SecureScorePage() {
  const t = useStrings();
  const mark = useMark();
  const { params } = useLocation();
  const actionId = params.get('actionId') ?? undefined;
  const rawView = params.get('viewid');
  const viewid: ViewId = rawView === 'actions' || (!rawView && actionId) ? 'actions' : 'overview';

  useEffect(() => clearFeedback(), [actionId, viewid]);

  return (
    <div className="page page-securescore" {...mark('securescore-page', { 'data-viewid': viewid })}>
      <h1 className="page-title">{t.secureScore.title}</h1>
      <Pivot
        className="securescore-pivot"
        headersOnly
        selectedKey={viewid}
        onLinkClick={(item) => {
          const key = item?.props.itemKey;
          if (key === 'overview' || key === 'actions') navigate(secureScoreUrl(key));
        }}
      >
        <PivotItem itemKey="overview" headerText={t.secureScore.overview} />
        <PivotItem itemKey="actions" headerText={t.secureScore.actions} />
      </Pivot>
      <div className="page-content">{viewid === 'overview' ? <ScoreOverview /> : <ActionsList flyoutOpen={!!actionId} />}</div>
      <ActionFlyout actionId={actionId} onDismiss={() => navigate(secureScoreUrl(viewid))} />
    </div>
  );
}
