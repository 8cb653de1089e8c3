import { fail, ok, OVERSIGHT_ROLES, type Result } from '@hoeder/domain';
import type { BreakGlassGrant } from '@hoeder/contracts';
import { insertBreakGlassReview, listBreakGlassGrants } from '@hoeder/db';
import { describeGrants } from '../cases/break-glass.service';
import type { AuthenticatedActor, RequestContext } from '../platform/actor';
import { roleCheck, type Guard } from '../platform/guard/guard';

const oversight = roleCheck((a) => a.roles.some((r) => OVERSIGHT_ROLES.includes(r)), 'only the inspectorate reviews break-glass grants', 'oversight.inspection');

/**
 * The inspectorate marks a break-glass grant reviewed, with its finding (issue 13). Audited like
 * every oversight act; one review per grant, never changed (a second one is a 409).
 */
export function createBreakGlassReviewService({ guard }: { guard: Guard }) {
  return {
    review: (ctx: RequestContext, actor: AuthenticatedActor, grantId: string, finding: string): Promise<Result<BreakGlassGrant>> =>
      guard.withAccess(ctx, actor, { operation: 'oversight.break_glass_review', objectType: 'break_glass_grant', objectId: grantId, check: oversight }, async ({ trx, note }) => {
        const [grant] = await listBreakGlassGrants(trx, grantId);
        if (!grant) return fail('NOT_FOUND', 'break-glass grant not found');
        note({ caseId: grant.caseId, grantee: grant.userId });
        if (grant.review) return fail('INVALID_TRANSITION', 'this grant was reviewed already');
        if (!(await insertBreakGlassReview(trx, { grantId, reviewedBy: actor.userId, reviewedAt: ctx.now, finding }))) return fail('INVALID_TRANSITION', 'this grant was reviewed already');
        const [reviewed] = await describeGrants(trx, await listBreakGlassGrants(trx, grantId));
        return ok(reviewed!);
      }),
  };
}

export type BreakGlassReviewService = ReturnType<typeof createBreakGlassReviewService>;
