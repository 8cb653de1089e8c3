import type { ArrangementKind } from '@hoeder/domain';
import { GRANT } from './grants';

/** Reading one case's arrangements (issue 12): only the kinds the check found readable. */
export interface ArrangementReadGrant {
  readonly [GRANT]: 'arrangement.read';
  readonly caseId: string;
  readonly kinds: ReadonlySet<ArrangementKind>;
}

/** Recording arrangements on one case: the liaison on its team. */
export interface ArrangementWriteGrant {
  readonly [GRANT]: 'arrangement.write';
  readonly caseId: string;
}

/** Reading overdue follow-ups across the cases the check lists (the liaison's work queue). */
export interface ArrangementFollowUpGrant {
  readonly [GRANT]: 'arrangement.follow_up';
  readonly caseIds: readonly string[];
  readonly kinds: ReadonlySet<ArrangementKind>;
}
