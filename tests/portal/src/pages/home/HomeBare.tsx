import { Link, Spinner, SpinnerSize, Text } from '@fluentui/react';
import { useActions } from '../../data/store';
import { useStrings } from '../../i18n';
import { CARD_LOOK, lazyStyles } from '../../lazyStyles';
import { navigate } from '../../router';
import { homeCards } from './cards';

const classes = lazyStyles({
  page: {},
  title: { fontSize: 28, fontWeight: 600, margin: '8px 0 16px' },
  grid: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(300px, 1fr))', gap: 16, alignItems: 'start' },
  card: [CARD_LOOK, { display: 'flex', flexDirection: 'column', minHeight: 180 }],
  cardTitle: { fontSize: 17, fontWeight: 600, margin: '0 0 12px' },
  metric: { fontSize: 32, fontWeight: 600, marginBottom: 4 },
  body: { margin: 0, flex: '1 1 auto' },
  footer: { marginTop: 12 },
});

/** Home in markup=bare: h1, then a CSS grid of plain div cards (no roles, no data-* of ours), each with an h2. */
export function HomeBare() {
  const t = useStrings();
  const { loaded, actions } = useActions();
  const c = classes();
  return (
    <div className={c.page}>
      <h1 className={c.title}>{t.home.title}</h1>
      {!loaded ? (
        <Spinner size={SpinnerSize.large} label={t.secureScore.loading} />
      ) : (
        <div className={c.grid}>
          {homeCards(t, actions).map((card) => (
            <div key={card.id} className={c.card}>
              <Text as="h2" className={c.cardTitle}>
                {card.title}
              </Text>
              <div className={c.metric}>{card.metric}</div>
              <p className={c.body}>{card.body}</p>
              <div className={c.footer}>
                <Link
                  href={card.href}
                  onClick={(ev) => {
                    ev.preventDefault();
                    navigate(card.href);
                  }}
                >
                  {card.linkText}
                </Link>
              </div>
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
