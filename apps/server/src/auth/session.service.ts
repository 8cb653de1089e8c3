import { endSessions, findSessionWithUser, insertSession, touchSession, type Database } from '@hoeder/db';
import type { Classification, Organisation, Role } from '@hoeder/domain';
import type { Kysely, Transaction } from 'kysely';
import { createHash, randomBytes } from 'node:crypto';
import type { AuditService } from '../audit/audit.service';
import type { AppConfig } from '../config';
import type { AuthenticatedActor, RequestContext } from '../platform/actor';
import type { Clock } from '../platform/clock';

/** last_seen_at is written at most this often, so reads do not each cost a write. */
const TOUCH_INTERVAL_MS = 60_000;

export const AUTH_PROCESSING_ACTIVITY = 'authentication';

export interface SessionDeps {
  db: Kysely<Database>;
  clock: Clock;
  config: Pick<AppConfig, 'session'>;
  audit: AuditService;
}

export interface ResolvedSession {
  actor: AuthenticatedActor;
  csrfToken: string;
  subject: string;
}

/** The database keeps only this hash, so a leaked table does not yield usable cookies. */
export const hashSessionId = (sessionId: string): string => createHash('sha256').update(sessionId).digest('hex');

/** The context every audited auth step carries: the request id as trace id and the clock reading. */
export const requestContext = (request: { id: string }, clock: Clock): RequestContext => ({ traceId: request.id, now: clock.now() });

const randomToken = () => randomBytes(32).toString('base64url');

/** Finds the live session behind a cookie value: not ended, not idle too long, not past its end, user active. */
export async function resolveSession(deps: SessionDeps, cookieValue: string | undefined): Promise<ResolvedSession | null> {
  if (!cookieValue) return null;
  const found = await findSessionWithUser(deps.db, hashSessionId(cookieValue));
  if (!found || found.endedAt || !found.user.active) return null;
  const now = deps.clock.now().getTime();
  const idleDeadline = found.lastSeenAt.getTime() + deps.config.session.idleMinutes * 60_000;
  if (now >= idleDeadline || now >= found.expiresAt.getTime()) return null;
  if (now - found.lastSeenAt.getTime() >= TOUCH_INTERVAL_MS) await touchSession(deps.db, found.sessionIdHash, new Date(now));
  const { user } = found;
  return {
    actor: {
      userId: user.userId,
      displayName: user.displayName,
      roles: user.roles as Role[],
      organisation: user.organisation as Organisation,
      clearance: user.clearance as Classification,
      unitId: user.unitId,
      sessionId: found.sessionIdHash,
    },
    csrfToken: found.csrfToken,
    subject: user.subject,
  };
}

/**
 * Opens a new session for a user who just authenticated. Any session this browser had is ended in
 * the same transaction (rotation: a session id known before login is worthless after it).
 */
export async function startSession(
  deps: SessionDeps,
  ctx: RequestContext,
  user: { userId: string; organisation: string; roles: string[]; clearance: string },
  previousSessionHashes: readonly string[],
): Promise<{ cookieValue: string; sessionIdHash: string }> {
  const cookieValue = randomToken();
  const sessionIdHash = hashSessionId(cookieValue);
  const expiresAt = new Date(ctx.now.getTime() + deps.config.session.absoluteHours * 3_600_000);
  const subject = { userId: user.userId, organisation: user.organisation as Organisation, roles: user.roles as Role[], clearance: user.clearance as Classification };
  await deps.db.transaction().execute(async (trx) => {
    const ended = await endSessions(trx, previousSessionHashes, ctx.now);
    await insertSession(trx, { sessionIdHash, userId: user.userId, csrfToken: randomToken(), createdAt: ctx.now, expiresAt });
    await deps.audit.record(trx, ctx, subject, {
      operation: 'auth.login',
      status: 'ok',
      processingActivity: AUTH_PROCESSING_ACTIVITY,
      objectType: 'auth_session',
      objectId: sessionIdHash,
      details: { previousSessionsEnded: ended },
    });
  });
  return { cookieValue, sessionIdHash };
}

/** Ends the actor's session on the server; the cookie is worthless from now on. */
export async function endSession(deps: SessionDeps, ctx: RequestContext, actor: AuthenticatedActor): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    await endSessions(trx, [actor.sessionId], ctx.now);
    await deps.audit.record(trx, ctx, actor, {
      operation: 'auth.logout',
      status: 'ok',
      processingActivity: AUTH_PROCESSING_ACTIVITY,
      objectType: 'auth_session',
      objectId: actor.sessionId,
    });
  });
}

export type LoginFailureReason = 'invalid_credentials' | 'unknown_user' | 'inactive_user' | 'protocol_error' | 'expired_login_attempt' | 'rate_limited' | 'account_backoff';

export interface LoginFailure {
  reason: LoginFailureReason;
  userId: string | null;
  stage: 'start' | 'password' | 'callback';
  errorCode?: string;
  /** Consecutive failures of the account so far, and until when it is blocked (back-off). */
  failures?: number;
  blockedUntil?: string;
}

/**
 * Audits a login that did not result in a session, in the caller's transaction. Only the outcome
 * and, when the attempt names a known account, that account's id are kept: never the typed
 * username or password.
 */
export async function auditLoginFailure(trx: Transaction<Database>, audit: AuditService, ctx: RequestContext, failure: LoginFailure): Promise<void> {
  const { reason, userId, ...details } = failure;
  await audit.record(trx, ctx, null, {
    operation: 'auth.login',
    status: reason === 'protocol_error' ? 'error' : 'denied',
    processingActivity: AUTH_PROCESSING_ACTIVITY,
    objectType: 'user_account',
    objectId: userId,
    details: { reason, ...details },
  });
}

/** As auditLoginFailure, in a transaction of its own. */
export async function recordLoginFailure(deps: Pick<SessionDeps, 'db' | 'audit'>, ctx: RequestContext, failure: LoginFailure): Promise<void> {
  await deps.db.transaction().execute((trx) => auditLoginFailure(trx, deps.audit, ctx, failure));
}
