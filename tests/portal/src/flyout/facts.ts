// "At a glance" facts of an action, the same in every markup.
import type { ImprovementAction } from '../data/types';
import type { Strings } from '../i18n';

export type FactKey = 'category' | 'product' | 'points' | 'scoreImpact' | 'status';

export interface Fact {
  /** data-fact="<key>" in markup=default. */
  key: FactKey;
  label: string;
  value: string;
}

export function factsOf(action: ImprovementAction, t: Strings): Fact[] {
  return [
    { key: 'category', label: t.columns.category, value: t.category[action.controlCategory] },
    { key: 'product', label: t.columns.product, value: action.product },
    { key: 'points', label: t.columns.points, value: `${action.currentScore}/${action.maxScore}` },
    { key: 'scoreImpact', label: t.columns.scoreImpact, value: action.scoreImpact },
    { key: 'status', label: t.columns.status, value: t.status[action.status] },
  ];
}
