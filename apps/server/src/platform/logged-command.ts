import { isUniqueViolation, type Database, type Db } from '@hoeder/db';
import type { DomainError, Result } from '@hoeder/domain';
import type { Kysely } from 'kysely';

/** How a refused command is logged: a refusal on access is a denial, anything else an error. */
export const auditStatus = (code: DomainError['code']) => (code === 'NOT_FOUND' || code === 'FORBIDDEN_ACTION' ? 'denied' : 'error');

/**
 * Runs a command on an event stream in one transaction together with its audit entry. A refused
 * command has written nothing, so its entry shares the transaction; a lost race (the stream's
 * unique constraint fired) becomes `lost`, logged in a new transaction.
 */
export async function runLoggedCommand<T>(
  db: Kysely<Database>,
  run: (trx: Db) => Promise<Result<T>>,
  log: (trx: Db, result: Result<T>) => Promise<void>,
  lost: () => Result<T>,
): Promise<Result<T>> {
  try {
    return await db.transaction().execute(async (trx) => {
      const result = await run(trx);
      await log(trx, result);
      return result;
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const conflict = lost();
    await db.transaction().execute((trx) => log(trx, conflict));
    return conflict;
  }
}
