import { grantBreakGlass, readableRecords, sectionRecord, type BreakGlassGrant, type Classification } from '@hoeder/domain';
import { findCaseSummaries, membershipsOf, type Db } from '@hoeder/db';
import type { AuthenticatedActor } from '../actor';
import { hidden, type Checked } from './guard';

/**
 * A break-glass request (fault 6 of issue 10): the grant is only issued when it would let the
 * requester read the case's summary — clearance and organisation as for a member (ADR 0006). A
 * case the requester could not read even with the grant is answered exactly like a case that does
 * not exist: 404, nothing stored, a denied entry. The role and the justification are checked
 * first; their answers do not depend on the case.
 */
export const breakGlassRequest =
  (caseId: string, justification: string) =>
  async (trx: Db, actor: AuthenticatedActor, now: Date): Promise<Checked<BreakGlassGrant>> => {
    const purpose = 'protection.break_glass';
    const decided = grantBreakGlass(actor, caseId, justification, now);
    if (!decided.ok) return { ok: false, error: decided.error, purpose };
    const [summary] = await findCaseSummaries(trx, [caseId]);
    if (!summary) return { ...hidden(), purpose };
    const asGranted = new Set([caseId, ...(await membershipsOf(trx, actor.userId, [caseId]))]);
    const wouldRead = readableRecords(actor, [sectionRecord(caseId, summary.classification as Classification, 'summary')], asGranted).length === 1;
    return wouldRead ? { ok: true, grant: decided.value, purpose } : { ...hidden(), purpose };
  };
