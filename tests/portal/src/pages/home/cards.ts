// The native home page cards, the same in every markup: what each card says and where it links.
import { formatPercent, scoreSummary } from '../../data/score';
import type { ImprovementAction } from '../../data/types';
import { format, type Strings } from '../../i18n';
import { secureScoreUrl } from '../../router';

export interface HomeCard {
  /** data-testid="card-<id>" in markup=default. */
  id: string;
  title: string;
  metric: string;
  body: string;
  linkText: string;
  href: string;
}

export function homeCards(t: Strings, actions: readonly ImprovementAction[]): HomeCard[] {
  const score = scoreSummary(actions);
  const card = (id: string, title: string, metric: string, body: string, href: string): HomeCard => ({
    id,
    title,
    metric,
    body,
    linkText: t.home.viewDetails,
    href,
  });
  return [
    card(
      'secure-score',
      t.home.secureScoreTitle,
      formatPercent(score.ratio, t.htmlLang),
      format(t.home.secureScoreBody, { achieved: score.achieved, max: score.max }),
      secureScoreUrl('overview'),
    ),
    card('devices-at-risk', t.home.devicesTitle, '12', t.home.devicesBody, '/machines'),
    card('users-at-risk', t.home.usersTitle, '3', t.home.usersBody, '/users'),
    card('active-incidents', t.home.incidentsTitle, '7', t.home.incidentsBody, '/incidents'),
    card('threat-analytics', t.home.threatTitle, '4', t.home.threatBody, '/threatanalytics3'),
  ];
}
