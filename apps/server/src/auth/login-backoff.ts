import { clearLoginBackoff, lockLoginBackoff, purgeStaleLoginBackoff, saveLoginBackoff, type LoginBackoff } from '@hoeder/db';
import { createHmac } from 'node:crypto';
import type { RequestContext } from '../platform/actor';
import { auditLoginFailure, type SessionDeps } from './session.service';

/**
 * Per-account back-off (ADR 0013): the first failures are free, then each further failure blocks
 * the account for twice as long, up to a cap. A failure older than `memoryHours` is forgotten.
 * Keyed per account, not per client, so spreading attempts over many addresses does not help.
 */
export const LOGIN_BACKOFF = { freeFailures: 5, firstBlockSeconds: 30, maxBlockSeconds: 15 * 60, memoryHours: 24 } as const;

/** How long an account is blocked after its `failures`-th failure in a row. */
export function blockSecondsAfter(failures: number): number {
  if (failures < LOGIN_BACKOFF.freeFailures) return 0;
  return Math.min(LOGIN_BACKOFF.firstBlockSeconds * 2 ** (failures - LOGIN_BACKOFF.freeFailures), LOGIN_BACKOFF.maxBlockSeconds);
}

/** The state after one more failure at `now`, given the stored one. */
export function afterFailure(previous: LoginBackoff | undefined, now: Date): LoginBackoff {
  const remembered = previous && now.getTime() - previous.lastFailureAt.getTime() < LOGIN_BACKOFF.memoryHours * 3_600_000;
  const failures = (remembered ? previous.failures : 0) + 1;
  const block = blockSecondsAfter(failures);
  return { failures, lastFailureAt: now, blockedUntil: block > 0 ? new Date(now.getTime() + block * 1000) : null };
}

/**
 * The key of a typed username: an HMAC, so the table holds no usernames, and the same for an
 * account that does not exist, so the back-off does not tell which accounts do.
 */
export const accountKey = (secret: Buffer, username: string): string => createHmac('sha256', secret).update(username.trim().toLowerCase()).digest('hex');

export type PasswordAttempt<A> = { outcome: 'ok'; account: A } | { outcome: 'invalid' | 'blocked' };

/**
 * One password attempt under the back-off, in one transaction that holds the account's row: a
 * blocked account is refused without looking at the password; a failure is counted and audited; a
 * success clears the count. Audit entries name the account only when it exists (its user id).
 */
export async function attemptPassword<A>(
  deps: Pick<SessionDeps, 'db' | 'audit'>,
  ctx: RequestContext,
  attempt: { key: string; knownUserId: string | null; check: () => { ok: true; account: A } | { ok: false } },
): Promise<PasswordAttempt<A>> {
  return deps.db.transaction().execute(async (trx) => {
    const previous = await lockLoginBackoff(trx, attempt.key);
    if (previous?.blockedUntil && previous.blockedUntil > ctx.now) {
      await auditLoginFailure(trx, deps.audit, ctx, { reason: 'account_backoff', userId: attempt.knownUserId, stage: 'password', blockedUntil: previous.blockedUntil.toISOString() });
      return { outcome: 'blocked' };
    }
    const checked = attempt.check();
    if (checked.ok) {
      if (previous) await clearLoginBackoff(trx, attempt.key);
      return { outcome: 'ok', account: checked.account };
    }
    const next = afterFailure(previous, ctx.now);
    await saveLoginBackoff(trx, attempt.key, next);
    // Failures beyond the memory no longer count (afterFailure forgets them): drop their rows.
    await purgeStaleLoginBackoff(trx, new Date(ctx.now.getTime() - LOGIN_BACKOFF.memoryHours * 3_600_000), ctx.now);
    await auditLoginFailure(trx, deps.audit, ctx, {
      reason: 'invalid_credentials',
      userId: attempt.knownUserId,
      stage: 'password',
      failures: next.failures,
      ...(next.blockedUntil ? { blockedUntil: next.blockedUntil.toISOString() } : {}),
    });
    return { outcome: 'invalid' };
  });
}
