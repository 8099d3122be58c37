import { Label, Pivot, PivotItem, Stack, Text } from '@fluentui/react';
import type { ReactNode } from 'react';
import { FeedbackBar } from '../components/FeedbackBar';
import type { ImprovementAction } from '../data/types';
import { useStrings } from '../i18n';
import { lazyStyles } from '../lazyStyles';
import { factsOf } from './facts';
import { FlyoutCommands } from './FlyoutCommands';

const classes = lazyStyles({
  tab: { paddingTop: 12 },
  heading: { fontWeight: 600 },
  steps: { margin: 0, paddingLeft: 20 },
});

/** A section: a Fluent Text with role=heading (a div, not an h-element) and its content, in a Stack. */
function Section({ title, children }: { title: string; children: ReactNode }) {
  const c = classes();
  return (
    <Stack tokens={{ childrenGap: 8 }}>
      <Text as="div" variant="mediumPlus" role="heading" aria-level={3} className={c.heading}>
        {title}
      </Text>
      {children}
    </Stack>
  );
}

/**
 * Flyout content in markup=alt: the command bar, then a Fluent Pivot with two tabs. "Overview"
 * holds At a glance (facts as Label + Text), Description and User impact; "Implementation" holds
 * Prerequisites and Next steps. As with any Pivot, only the selected tab's content is in the DOM
 * (one div[role=tabpanel]); the Implementation steps appear once that tab is selected. The Pivot
 * starts on Overview for every action.
 */
export function FlyoutBodyAlt({ action }: { action: ImprovementAction }) {
  const t = useStrings();
  const c = classes();
  return (
    <Stack>
      <FlyoutCommands action={action} />
      <FeedbackBar />
      <Pivot key={action.id}>
        <PivotItem itemKey="overview" headerText={t.flyout.overviewTab}>
          <Stack tokens={{ childrenGap: 20 }} className={c.tab}>
            <Section title={t.flyout.atAGlance}>
              <Stack horizontal wrap tokens={{ childrenGap: 24 }}>
                {factsOf(action, t).map(({ key, label, value }) => (
                  <Stack key={key}>
                    <Label>{label}</Label>
                    <Text>{value}</Text>
                  </Stack>
                ))}
              </Stack>
            </Section>
            <Section title={t.flyout.description}>
              <Text block>{action.description}</Text>
            </Section>
            <Section title={t.flyout.userImpact}>
              <Text block>{action.userImpact}</Text>
            </Section>
          </Stack>
        </PivotItem>
        <PivotItem itemKey="implementation" headerText={t.flyout.implementation}>
          <Stack tokens={{ childrenGap: 20 }} className={c.tab}>
            <Section title={t.flyout.prerequisites}>
              <Text block>{action.prerequisites}</Text>
            </Section>
            <Section title={t.flyout.nextSteps}>
              <ol className={c.steps}>
                {action.steps.map((step, i) => (
                  <li key={i}>
                    <Text>{step}</Text>
                  </li>
                ))}
              </ol>
            </Section>
          </Stack>
        </PivotItem>
      </Pivot>
    </Stack>
  );
}
