import { Spinner, SpinnerSize } from '@fluentui/react';
import { PortalCard } from '../../components/PortalCard';
import { useActions } from '../../data/store';
import { useStrings } from '../../i18n';
import { homeCards } from './cards';

/**
 * Home in markup=default: h1.page-title and the card grid
 * div.homepage-cards-grid[data-testid="homepage-cards-grid"][role=list] > div.portal-card[role=listitem].
 * With slow=1 the grid appears after the page data has loaded.
 */
export function HomeDefault() {
  const t = useStrings();
  const { loaded, actions } = useActions();
  return (
    <div className="page page-home" data-testid="homepage">
      <h1 className="page-title">{t.home.title}</h1>
      {!loaded ? (
        <Spinner size={SpinnerSize.large} label={t.secureScore.loading} data-testid="page-spinner" />
      ) : (
        <div className="homepage-cards-grid" data-testid="homepage-cards-grid" role="list" aria-label={t.home.cardsLabel}>
          {homeCards(t, actions).map((card) => (
            <PortalCard key={card.id} id={card.id} title={card.title} linkText={card.linkText} href={card.href}>
              <div className="card-metric" data-testid={card.id === 'secure-score' ? 'secure-score-value' : undefined}>
                {card.metric}
              </div>
              <div>{card.body}</div>
            </PortalCard>
          ))}
        </div>
      )}
    </div>
  );
}
