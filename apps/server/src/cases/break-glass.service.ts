import { randomUUID } from 'node:crypto';
import { fail, grantBreakGlass, ok, OVERSIGHT_ROLES, type Result } from '@hoeder/domain';
import type { BreakGlassGrant } from '@hoeder/contracts';
import { findCaseSummaries, insertBreakGlassGrant, listBreakGlassGrants, type Database } from '@hoeder/db';
import type { Kysely } from 'kysely';
import type { AuditService } from '../audit/audit.service';
import type { AuthenticatedActor, RequestContext } from '../platform/actor';

/**
 * Break-glass: a time-limited, justified read grant on a case outside one's team. Each grant is
 * audited and listed for oversight; the route raises the operational alert.
 */
export function createBreakGlassService({ db, audit }: { db: Kysely<Database>; audit: AuditService }) {
  return {
    grant: (ctx: RequestContext, actor: AuthenticatedActor, caseId: string, justification: string): Promise<Result<BreakGlassGrant>> =>
      db.transaction().execute(async (trx) => {
        const base = { operation: 'case.break_glass', processingActivity: 'protection.break_glass', objectType: 'case', objectId: caseId, dataSubjectId: caseId };
        const [summary] = await findCaseSummaries(trx, [caseId]);
        const decided = summary ? grantBreakGlass(actor, caseId, justification, ctx.now) : fail('NOT_FOUND', 'case not found');
        if (!decided.ok) {
          await audit.record(trx, ctx, actor, { ...base, status: decided.error.code === 'VALIDATION_FAILED' ? 'error' : 'denied', details: { errorCode: decided.error.code } });
          return decided;
        }
        const grantId = randomUUID();
        await insertBreakGlassGrant(trx, grantId, decided.value);
        await audit.record(trx, ctx, actor, { ...base, status: 'ok', details: { grantId, expiresAt: decided.value.expiresAt } });
        return ok({ grantId, ...decided.value });
      }),

    listForOversight: (ctx: RequestContext, actor: AuthenticatedActor): Promise<Result<BreakGlassGrant[]>> =>
      db.transaction().execute(async (trx) => {
        const allowed = actor.roles.some((r) => OVERSIGHT_ROLES.includes(r));
        await audit.record(trx, ctx, actor, { operation: 'oversight.break_glass_list', status: allowed ? 'ok' : 'denied', processingActivity: 'oversight.inspection', objectType: 'break_glass_grant' });
        if (!allowed) return fail('FORBIDDEN_ACTION', 'only oversight reviews break-glass grants');
        return ok(await listBreakGlassGrants(trx));
      }),
  };
}

export type BreakGlassService = ReturnType<typeof createBreakGlassService>;
