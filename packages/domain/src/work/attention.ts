import { CASE_PHASES, type CasePhase } from '../cases/case-state';
import { isReviewDue } from '../cases/review';

/**
 * The overview's default order, "needs action first" (issue 13): a rank per phase, lowest first.
 * A proposal waiting for approval and a due review come first; ended and handed-off cases last.
 * The database sorts by the same table (`case-search.repository.ts` builds its CASE from it).
 */
export const PHASE_ATTENTION: Readonly<Record<CasePhase, number>> = {
  decision_pending_approval: 1,
  registered: 2,
  assessed: 2,
  in_assessment: 3,
  measures_active: 4,
  handed_off: 5,
  closed_advice: 5,
  ended: 6,
};

/** The rank of a case with active measures whose review date has come. */
export const REVIEW_DUE_ATTENTION = 0;

/** The rank of one case; `today` is YYYY-MM-DD. Mirrors the SQL ordering, for tests and the client. */
export function attentionRank(phase: CasePhase, reviewDate: string | null, today: string): number {
  if (isReviewDue(phase, reviewDate, today)) return REVIEW_DUE_ATTENTION;
  return PHASE_ATTENTION[phase];
}

/** Every phase, most urgent first (for filters and legends). */
export const PHASES_BY_ATTENTION: readonly CasePhase[] = [...CASE_PHASES].sort((a, b) => PHASE_ATTENTION[a] - PHASE_ATTENTION[b]);
