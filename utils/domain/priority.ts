import type { Priority } from './ticket-draft';

// Default priority from the action's score impact (F2.2): the more an action raises Secure Score,
// the sooner it should be done. The user can change it in the form.
export function priorityFromScoreImpact(percent: number | null): Priority {
  if (percent === null || !Number.isFinite(percent)) return '3';
  if (percent >= 5) return '2';
  if (percent >= 2) return '3';
  return '4';
}

/** ServiceNow computes incident priority from impact × urgency: pick the pair that gives `priority`. */
export function impactUrgencyFor(priority: Priority): { impact: string; urgency: string } {
  const pairs: Record<Priority, [string, string]> = {
    '1': ['1', '1'],
    '2': ['1', '2'],
    '3': ['2', '2'],
    '4': ['2', '3'],
    '5': ['3', '3'],
  };
  const [impact, urgency] = pairs[priority];
  return { impact, urgency };
}
