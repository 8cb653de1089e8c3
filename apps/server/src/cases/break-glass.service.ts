import { randomUUID } from 'node:crypto';
import { ok, OVERSIGHT_ROLES, type Result } from '@hoeder/domain';
import type { BreakGlassGrant } from '@hoeder/contracts';
import { findCaseSummaries, findUsersByIds, insertBreakGlassGrant, listBreakGlassGrants, type BreakGlassGrantRow, type Db } from '@hoeder/db';
import type { AuthenticatedActor, RequestContext } from '../platform/actor';
import { breakGlassRequest } from '../platform/guard/break-glass-check';
import { roleCheck, type Guard } from '../platform/guard/guard';

/** The oversight list with what a reviewer needs to read it: the case's reference and people's names (issue 13). */
export async function describeGrants(trx: Db, rows: readonly BreakGlassGrantRow[]): Promise<BreakGlassGrant[]> {
  const references = new Map((await findCaseSummaries(trx, [...new Set(rows.map((r) => r.caseId))])).map((c) => [c.caseId, c.reference]));
  const people = [...new Set(rows.flatMap((r) => [r.userId, ...(r.review ? [r.review.reviewedBy] : [])]))];
  const names = new Map((await findUsersByIds(trx, people)).map((u) => [u.userId, u.displayName]));
  return rows.map((r) => ({
    ...r,
    caseReference: references.get(r.caseId) ?? r.caseId,
    userDisplayName: names.get(r.userId) ?? r.userId,
    review: r.review && { ...r.review, reviewerName: names.get(r.review.reviewedBy) ?? r.review.reviewedBy },
  }));
}

/**
 * Break-glass: a time-limited, justified read grant on a case outside one's team. Each grant is
 * audited and listed for oversight; the route raises the operational alert.
 */
export function createBreakGlassService({ guard }: { guard: Guard }) {
  return {
    grant: (ctx: RequestContext, actor: AuthenticatedActor, caseId: string, justification: string): Promise<Result<BreakGlassGrant>> =>
      guard.withAccess(
        ctx,
        actor,
        { operation: 'case.break_glass', objectType: 'case', objectId: caseId, dataSubjectId: caseId, check: breakGlassRequest(caseId, justification) },
        async ({ trx, grant, note }) => {
          const grantId = randomUUID();
          await insertBreakGlassGrant(trx, grantId, grant);
          note({ grantId, expiresAt: grant.expiresAt });
          return ok({ grantId, ...grant });
        },
      ),

    listForOversight: (ctx: RequestContext, actor: AuthenticatedActor): Promise<Result<BreakGlassGrant[]>> =>
      guard.withAccess(
        ctx,
        actor,
        {
          operation: 'oversight.break_glass_list',
          objectType: 'break_glass_grant',
          check: roleCheck((a) => a.roles.some((r) => OVERSIGHT_ROLES.includes(r)), 'only oversight reviews break-glass grants', 'oversight.inspection'),
        },
        async ({ trx }) => ok(await describeGrants(trx, await listBreakGlassGrants(trx))),
      ),
  };
}

export type BreakGlassService = ReturnType<typeof createBreakGlassService>;
