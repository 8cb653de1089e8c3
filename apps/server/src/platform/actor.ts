import type { AccessSubject, Role } from '@hoeder/domain';

/** The logged-in user behind a request, as the auth layer establishes it from the session. */
export interface AuthenticatedActor extends AccessSubject {
  displayName: string;
  sessionId: string;
}

/** The role an actor acts in for the audit log: the first role; users hold one role in practice. */
export const actingRole = (actor: AccessSubject): Role | 'none' => actor.roles[0] ?? 'none';

/** What every service call carries besides the actor: the trace id and the clock reading. */
export interface RequestContext {
  traceId: string;
  now: Date;
}
