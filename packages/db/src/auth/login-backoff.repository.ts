import type { Db } from '../schema';

export interface LoginBackoff {
  failures: number;
  lastFailureAt: Date;
  blockedUntil: Date | null;
}

/** The back-off row of an account key, locked for the rest of the transaction so attempts queue. */
export async function lockLoginBackoff(db: Db, accountKey: string): Promise<LoginBackoff | undefined> {
  const row = await db.selectFrom('login_backoff').select(['failures', 'last_failure_at', 'blocked_until']).where('account_key', '=', accountKey).forUpdate().executeTakeFirst();
  return row && { failures: row.failures, lastFailureAt: new Date(row.last_failure_at), blockedUntil: row.blocked_until ? new Date(row.blocked_until) : null };
}

/** Stores the state after a failed attempt (first failure or a later one). */
export async function saveLoginBackoff(db: Db, accountKey: string, state: LoginBackoff): Promise<void> {
  const values = { failures: state.failures, last_failure_at: state.lastFailureAt, blocked_until: state.blockedUntil };
  await db
    .insertInto('login_backoff')
    .values({ account_key: accountKey, ...values })
    .onConflict((oc) => oc.column('account_key').doUpdateSet(values))
    .execute();
}

/** Forgets the failures of an account after a successful login. */
export async function clearLoginBackoff(db: Db, accountKey: string): Promise<void> {
  await db.deleteFrom('login_backoff').where('account_key', '=', accountKey).execute();
}

/**
 * Drops rows that no longer count: failures older than `forgottenBefore` whose block is over. The
 * table holds only account keys and counts, but it should not grow with every mistyped name ever.
 */
export async function purgeStaleLoginBackoff(db: Db, forgottenBefore: Date, now: Date): Promise<number> {
  const result = await db
    .deleteFrom('login_backoff')
    .where('last_failure_at', '<', forgottenBefore)
    .where((eb) => eb.or([eb('blocked_until', 'is', null), eb('blocked_until', '<', now)]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
