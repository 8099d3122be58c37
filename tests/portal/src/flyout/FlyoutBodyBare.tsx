import { Fragment } from 'react';
import { FeedbackBar } from '../components/FeedbackBar';
import type { ImprovementAction } from '../data/types';
import { useStrings } from '../i18n';
import { lazyStyles } from '../lazyStyles';
import { factsOf } from './facts';
import { FlyoutCommands } from './FlyoutCommands';

const classes = lazyStyles({
  body: {
    selectors: {
      h2: { fontSize: 16, fontWeight: 600, margin: '20px 0 8px' },
      h3: { fontSize: 14, fontWeight: 600, margin: '12px 0 4px' },
    },
  },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: '16px',
    rowGap: '4px',
    margin: 0,
    selectors: { dt: { color: '#605e5c' }, dd: { margin: 0, fontWeight: 600 } },
  },
});

/**
 * Flyout content in markup=bare: no wrappers and no data-* of ours. One flat run of headings (h2,
 * h3 below Implementation) each followed by plain <p> paragraphs and lists; the facts are dt/dd
 * pairs directly in a <dl>.
 */
export function FlyoutBodyBare({ action }: { action: ImprovementAction }) {
  const t = useStrings();
  const c = classes();
  return (
    <div className={c.body}>
      <FlyoutCommands action={action} />
      <FeedbackBar />
      <h2>{t.flyout.atAGlance}</h2>
      <dl className={c.facts}>
        {factsOf(action, t).map(({ key, label, value }) => (
          <Fragment key={key}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </Fragment>
        ))}
      </dl>
      <h2>{t.flyout.description}</h2>
      <p>{action.description}</p>
      <h2>{t.flyout.userImpact}</h2>
      <p>{action.userImpact}</p>
      <h2>{t.flyout.implementation}</h2>
      <h3>{t.flyout.prerequisites}</h3>
      <p>{action.prerequisites}</p>
      <h3>{t.flyout.nextSteps}</h3>
      <ol>
        {action.steps.map((step, i) => (
          <li key={i}>{step}</li>
        ))}
      </ol>
    </div>
  );
}
