import { COMMAND_ROLES, fail, ok, type Result } from '@hoeder/domain';
import type { UserSummary } from '@hoeder/contracts';
import { listActiveUsers, type Database } from '@hoeder/db';
import type { Kysely } from 'kysely';
import type { AuditService } from '../audit/audit.service';
import type { AuthenticatedActor, RequestContext } from '../platform/actor';

/** The staff directory, for those who assign team members to cases. */
export function createUserService({ db, audit }: { db: Kysely<Database>; audit: AuditService }) {
  return {
    listAssignable: (ctx: RequestContext, actor: AuthenticatedActor): Promise<Result<UserSummary[]>> =>
      db.transaction().execute(async (trx) => {
        const allowed = actor.roles.some((r) => COMMAND_ROLES.AssignMember.includes(r));
        await audit.record(trx, ctx, actor, {
          operation: 'user.list',
          status: allowed ? 'ok' : 'denied',
          processingActivity: 'protection.case_handling',
          objectType: 'user',
        });
        if (!allowed) return fail('FORBIDDEN_ACTION', 'your role does not assign team members');
        const users = await listActiveUsers(trx);
        return ok(users.map((u) => ({ userId: u.userId, displayName: u.displayName, roles: u.roles, organisation: u.organisation }) as UserSummary));
      }),
  };
}

export type UserService = ReturnType<typeof createUserService>;
