import { randomUUID } from 'node:crypto';
import { ok, OVERSIGHT_ROLES, type Result } from '@hoeder/domain';
import type { BreakGlassGrant } from '@hoeder/contracts';
import { insertBreakGlassGrant, listBreakGlassGrants } from '@hoeder/db';
import type { AuthenticatedActor, RequestContext } from '../platform/actor';
import { breakGlassRequest } from '../platform/guard/break-glass-check';
import { roleCheck, type Guard } from '../platform/guard/guard';

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
        async ({ trx }) => ok(await listBreakGlassGrants(trx)),
      ),
  };
}

export type BreakGlassService = ReturnType<typeof createBreakGlassService>;
