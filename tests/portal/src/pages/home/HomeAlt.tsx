import { Link, Spinner, SpinnerSize, Stack, Text } from '@fluentui/react';
import { useActions } from '../../data/store';
import { useStrings } from '../../i18n';
import { CARD_LOOK, lazyStyles } from '../../lazyStyles';
import { navigate } from '../../router';
import { homeCards } from './cards';

const classes = lazyStyles({
  card: [CARD_LOOK, { width: 300, minHeight: 180 }],
});

/**
 * Home in markup=alt: a vertical Stack with the page heading (Fluent Text as h1) and a wrapping
 * horizontal Stack (div.ms-Stack > div.ms-Stack-inner, a flex row) of Stack cards with h3 titles.
 */
export function HomeAlt() {
  const t = useStrings();
  const { loaded, actions } = useActions();
  const c = classes();
  return (
    <Stack tokens={{ childrenGap: 16 }}>
      <Text as="h1" variant="xxLarge">
        {t.home.title}
      </Text>
      {!loaded ? (
        <Spinner size={SpinnerSize.large} label={t.secureScore.loading} />
      ) : (
        <Stack horizontal wrap tokens={{ childrenGap: 16 }}>
          {homeCards(t, actions).map((card) => (
            <Stack key={card.id} className={c.card} tokens={{ childrenGap: 8 }}>
              <Text as="h3" variant="large">
                {card.title}
              </Text>
              <Text variant="xxLarge" block>
                {card.metric}
              </Text>
              <Stack.Item grow>
                <Text block>{card.body}</Text>
              </Stack.Item>
              <Link
                href={card.href}
                onClick={(ev) => {
                  ev.preventDefault();
                  navigate(card.href);
                }}
              >
                {card.linkText}
              </Link>
            </Stack>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
