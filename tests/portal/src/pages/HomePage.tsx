import { Spinner, SpinnerSize } from '@fluentui/react';
import { PortalCard } from '../components/PortalCard';
import { useActions } from '../data/store';
import { formatPercent, scoreSummary } from '../data/score';
import { format, useStrings } from '../i18n';
import { secureScoreUrl } from '../router';

/**
 * Home (/homepage and /): h1.page-title and the card grid
 * div.homepage-cards-grid[data-testid="homepage-cards-grid"][role=list] > div.portal-card[role=listitem].
 * With slow=1 the grid appears after the page data has loaded.
 */
export function HomePage() {
  const t = useStrings();
  const { loaded, actions } = useActions();
  const score = scoreSummary(actions);
  return (
    <div className="page page-home" data-testid="homepage">
      <h1 className="page-title">{t.home.title}</h1>
      {!loaded ? (
        <Spinner size={SpinnerSize.large} label={t.secureScore.loading} data-testid="page-spinner" />
      ) : (
        <div className="homepage-cards-grid" data-testid="homepage-cards-grid" role="list" aria-label={t.home.cardsLabel}>
          <PortalCard id="secure-score" title={t.home.secureScoreTitle} linkText={t.home.viewDetails} href={secureScoreUrl('overview')}>
            <div className="card-metric" data-testid="secure-score-value">
              {formatPercent(score.ratio, t.htmlLang)}
            </div>
            <div>{format(t.home.secureScoreBody, { achieved: score.achieved, max: score.max })}</div>
          </PortalCard>
          <PortalCard id="devices-at-risk" title={t.home.devicesTitle} linkText={t.home.viewDetails} href="/machines">
            <div className="card-metric">12</div>
            <div>{t.home.devicesBody}</div>
          </PortalCard>
          <PortalCard id="users-at-risk" title={t.home.usersTitle} linkText={t.home.viewDetails} href="/users">
            <div className="card-metric">3</div>
            <div>{t.home.usersBody}</div>
          </PortalCard>
          <PortalCard id="active-incidents" title={t.home.incidentsTitle} linkText={t.home.viewDetails} href="/incidents">
            <div className="card-metric">7</div>
            <div>{t.home.incidentsBody}</div>
          </PortalCard>
          <PortalCard id="threat-analytics" title={t.home.threatTitle} linkText={t.home.viewDetails} href="/threatanalytics3">
            <div className="card-metric">4</div>
            <div>{t.home.threatBody}</div>
          </PortalCard>
        </div>
      )}
    </div>
  );
}
