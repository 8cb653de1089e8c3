import type { BreakGlassGrant } from '@hoeder/domain';
import type { Db } from '../schema';

export async function insertBreakGlassGrant(db: Db, grantId: string, grant: BreakGlassGrant): Promise<void> {
  await db
    .insertInto('break_glass_grant')
    .values({ grant_id: grantId, case_id: grant.caseId, user_id: grant.userId, justification: grant.justification, granted_at: grant.grantedAt, expires_at: grant.expiresAt })
    .execute();
}

/** Of the given cases (or all, when none are given), those the user holds an unexpired grant for. */
export async function activeBreakGlassCases(db: Db, userId: string, at: Date, caseIds?: readonly string[]): Promise<Set<string>> {
  let query = db.selectFrom('break_glass_grant').select('case_id').where('user_id', '=', userId).where('expires_at', '>', at);
  if (caseIds) {
    if (caseIds.length === 0) return new Set();
    query = query.where('case_id', 'in', [...caseIds]);
  }
  return new Set((await query.execute()).map((r) => r.case_id));
}

export interface BreakGlassGrantRow {
  grantId: string;
  caseId: string;
  userId: string;
  justification: string;
  grantedAt: string;
  expiresAt: string;
  /** The inspectorate's review, once made (issue 13). */
  review: { reviewedBy: string; reviewedAt: string; finding: string } | null;
}

/** Every grant with its review, newest first: what oversight reviews. */
export async function listBreakGlassGrants(db: Db, grantId?: string): Promise<BreakGlassGrantRow[]> {
  let query = db
    .selectFrom('break_glass_grant as g')
    .leftJoin('break_glass_review as r', 'r.grant_id', 'g.grant_id')
    .selectAll('g')
    .select(['r.reviewed_by', 'r.reviewed_at', 'r.finding']);
  if (grantId) query = query.where('g.grant_id', '=', grantId);
  const rows = await query.orderBy('g.granted_at', 'desc').execute();
  return rows.map((r) => ({
    grantId: r.grant_id,
    caseId: r.case_id,
    userId: r.user_id,
    justification: r.justification,
    grantedAt: new Date(r.granted_at).toISOString(),
    expiresAt: new Date(r.expires_at).toISOString(),
    review: r.reviewed_by && r.reviewed_at && r.finding !== null ? { reviewedBy: r.reviewed_by, reviewedAt: new Date(r.reviewed_at).toISOString(), finding: r.finding } : null,
  }));
}

/** Records the review of a grant; false when it was reviewed already (one review per grant). */
export async function insertBreakGlassReview(db: Db, review: { grantId: string; reviewedBy: string; reviewedAt: Date; finding: string }): Promise<boolean> {
  const inserted = await db
    .insertInto('break_glass_review')
    .values({ grant_id: review.grantId, reviewed_by: review.reviewedBy, reviewed_at: review.reviewedAt, finding: review.finding })
    .onConflict((oc) => oc.column('grant_id').doNothing())
    .executeTakeFirst();
  return Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1;
}
