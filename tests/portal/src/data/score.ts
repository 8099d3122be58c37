import type { ImprovementAction } from './types';

export interface ScoreSummary {
  achieved: number;
  max: number;
  /** 0..1 */
  ratio: number;
}

export function scoreSummary(actions: readonly ImprovementAction[]): ScoreSummary {
  const achieved = actions.reduce((s, a) => s + a.currentScore, 0);
  const max = actions.reduce((s, a) => s + a.maxScore, 0);
  return { achieved, max, ratio: max ? achieved / max : 0 };
}

export function formatPercent(ratio: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(ratio);
}
