import type { Lang } from '../switches';

/** Microsoft Graph secureScoreControlProfile.controlCategory values. */
export type Category = 'Identity' | 'Data' | 'Device' | 'Apps' | 'Infrastructure';

export type Status = 'toAddress' | 'completed' | 'planned' | 'riskAccepted';

/**
 * One Secure Score improvement action, shaped after Microsoft Graph's secureScoreControlProfile
 * (id, title, controlCategory, actionType, service, maxScore, rank, userImpact, implementationCost,
 * threats, tier, deprecated) plus what the portal's list and flyout show.
 */
export interface ImprovementAction {
  /** secureScoreControlProfile.id, also the portal's `actionId` URL parameter. */
  id: string;
  title: string;
  /** A few titles are localized, as in the real portal. */
  localizedTitles?: Partial<Record<Lang, string>>;
  controlCategory: Category;
  actionType: 'Config' | 'Review' | 'Behavior';
  service: string;
  /** Product column of the portal. */
  product: string;
  rank: number;
  maxScore: number;
  currentScore: number;
  /** e.g. "+8.11%" */
  scoreImpact: string;
  status: Status;
  tier: 'Core' | 'Defense in Depth' | 'Advanced';
  implementationCost: 'Low' | 'Moderate' | 'High';
  userImpactLevel: 'Low' | 'Moderate' | 'High';
  threats: string[];
  deprecated: boolean;
  description: string;
  userImpact: string;
  prerequisites: string;
  steps: string[];
}

export function titleOf(action: ImprovementAction, lang: Lang): string {
  return action.localizedTitles?.[lang] ?? action.title;
}
