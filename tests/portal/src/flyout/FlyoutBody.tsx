import { FeedbackBar } from '../components/FeedbackBar';
import type { ImprovementAction } from '../data/types';
import { useStrings } from '../i18n';
import { factsOf } from './facts';
import { FlyoutCommands } from './FlyoutCommands';

/**
 * Flyout content in markup=default: div.action-flyout[data-testid="action-flyout"][data-action-id]
 * with the command bar, the last command's result, At a glance, Description, User impact and
 * Implementation, each a section[data-testid].
 */
export function FlyoutBody({ action }: { action: ImprovementAction }) {
  const t = useStrings();
  const facts = factsOf(action, t);
  return (
    <div className="action-flyout" data-testid="action-flyout" data-action-id={action.id}>
      <FlyoutCommands action={action} />
      <FeedbackBar />
      <section className="flyout-section" data-testid="flyout-at-a-glance">
        <h3>{t.flyout.atAGlance}</h3>
        <dl className="glance-grid">
          {facts.map(({ key, label, value }) => (
            <div key={key} className="glance-item" data-fact={key}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section className="flyout-section" data-testid="flyout-description">
        <h3>{t.flyout.description}</h3>
        <p>{action.description}</p>
      </section>
      <section className="flyout-section" data-testid="flyout-user-impact">
        <h3>{t.flyout.userImpact}</h3>
        <p>{action.userImpact}</p>
      </section>
      <section className="flyout-section" data-testid="flyout-implementation">
        <h3>{t.flyout.implementation}</h3>
        <h4>{t.flyout.prerequisites}</h4>
        <p>{action.prerequisites}</p>
        <h4>{t.flyout.nextSteps}</h4>
        <ol>
          {action.steps.map((step, i) => (
            <li key={i}>{step}</li>
          ))}
        </ol>
      </section>
    </div>
  );
}
