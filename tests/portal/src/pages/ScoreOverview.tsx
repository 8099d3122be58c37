import { Link, Spinner, SpinnerSize } from '@fluentui/react';
import { formatPercent, scoreSummary } from '../data/score';
import { useActions } from '../data/store';
import { titleOf } from '../data/types';
import { useSwitches } from '../hooks';
import { useStrings } from '../i18n';
import { navigate, secureScoreUrl } from '../router';
import { useMark } from '../marks';

/** Overview tab: the score and the top recommended actions (links open the flyout). */
export function ScoreOverview() {
  const t = useStrings();
  const mark = useMark();
  const { lang } = useSwitches();
  const { loaded, actions } = useActions();
  if (!loaded) return <Spinner size={SpinnerSize.large} label={t.secureScore.loading} />;
  const { achieved, max, ratio: pct } = scoreSummary(actions);
  const pctText = formatPercent(pct, t.htmlLang);
  const top = actions.filter((a) => a.status === 'toAddress').slice(0, 5);
  return (
    <div className="score-overview" {...mark('securescore-overview')}>
      <section className="score-tile">
        <h2>{t.secureScore.yourScore}</h2>
        <div className="card-metric" {...mark('secure-score-value')}>
          {pctText}
        </div>
        <div>
          {achieved}/{max} {t.secureScore.pointsAchieved}
        </div>
        <div className="score-bar" aria-hidden="true">
          <div style={{ width: `${Math.round(pct * 100)}%` }} />
        </div>
      </section>
      <section className="score-tile">
        <h2>{t.secureScore.topActions}</h2>
        <ol className="top-actions">
          {top.map((a) => (
            <li key={a.id}>
              <Link
                href={secureScoreUrl('overview', a.id)}
                onClick={(ev) => {
                  ev.preventDefault();
                  navigate(secureScoreUrl('overview', a.id));
                }}
                {...mark(undefined, { 'data-action-id': a.id })}
              >
                {titleOf(a, lang)}
              </Link>{' '}
              <span className="score-impact">{a.scoreImpact}</span>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
