import type { ChecklistStep, StepState } from '@/utils/domain/connection-status';
import { t, type MessageKey } from '@/utils/i18n';

const ICON: Record<StepState, string> = { ok: '✓', warning: '!', failed: '✕', pending: '○' };

export function Checklist({ steps }: { steps: ChecklistStep[] }) {
  return (
    <ol class="snt-checklist" aria-label={t('checklist')}>
      {steps.map((step) => (
        <li key={step.id} class={`snt-step-${step.state}`} data-step={step.id} data-state={step.state}>
          <span class="snt-step-icon" role="img" aria-label={t(`stepState_${step.state}` as MessageKey)}>
            {ICON[step.state]}
          </span>
          <span>{t(`step_${step.id}` as MessageKey)}</span>
          {step.detail && <span class="snt-step-detail">{step.detail}</span>}
        </li>
      ))}
    </ol>
  );
}
