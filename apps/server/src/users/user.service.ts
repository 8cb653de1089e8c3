import { COMMAND_ROLES, ok, type Result } from '@hoeder/domain';
import type { UserSummary } from '@hoeder/contracts';
import { listActiveUsers } from '@hoeder/db';
import type { AuthenticatedActor, RequestContext } from '../platform/actor';
import { roleCheck, type Guard } from '../platform/guard/guard';

const assigns = (actor: AuthenticatedActor) => actor.roles.some((r) => COMMAND_ROLES.AssignMember.includes(r));

/** The staff directory, for those who assign team members to cases; through the guarded layer. */
export function createUserService({ guard }: { guard: Guard }) {
  return {
    listAssignable: (ctx: RequestContext, actor: AuthenticatedActor): Promise<Result<UserSummary[]>> =>
      guard.withAccess(
        ctx,
        actor,
        { operation: 'user.list', objectType: 'user', check: roleCheck(assigns, 'your role does not assign team members', 'protection.case_handling') },
        async ({ trx }) => {
          const users = await listActiveUsers(trx);
          return ok(users.map((u) => ({ userId: u.userId, displayName: u.displayName, roles: u.roles, organisation: u.organisation }) as UserSummary));
        },
      ),
  };
}

export type UserService = ReturnType<typeof createUserService>;
