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
}

/** Every grant, newest first: what oversight reviews. */
export async function listBreakGlassGrants(db: Db): Promise<BreakGlassGrantRow[]> {
  const rows = await db.selectFrom('break_glass_grant').selectAll().orderBy('granted_at', 'desc').execute();
  return rows.map((r) => ({
    grantId: r.grant_id,
    caseId: r.case_id,
    userId: r.user_id,
    justification: r.justification,
    grantedAt: new Date(r.granted_at).toISOString(),
    expiresAt: new Date(r.expires_at).toISOString(),
  }));
}
