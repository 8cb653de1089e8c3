import type { CasePhase } from './case-state';

/**
 * Whether the periodic review (herijking) of active measures is due: on or after the review date
 * the decision set. Only active measures are reviewed; `today` is injected (YYYY-MM-DD).
 */
export function isReviewDue(phase: CasePhase, reviewDate: string | null, today: string): boolean {
  return phase === 'measures_active' && reviewDate !== null && reviewDate.slice(0, 10) <= today.slice(0, 10);
}
