import { sql, type Kysely } from 'kysely';
import { isDatabaseUnavailable } from './connection-errors';
import { migrationProvider } from './migrations';
import type { Database } from './schema';

export type Readiness = { ready: true; migrations: number } | { ready: false; reason: string };

/**
 * Ready = the database answers and every migration this build knows has been applied (the
 * migrations table read as the application, which may SELECT it since migration 0006). Extra
 * migrations from a newer build do not make an older instance unready: migrations are additive.
 */
export async function checkReadiness(db: Kysely<Database>): Promise<Readiness> {
  const known = Object.keys(await migrationProvider.getMigrations());
  let applied: Set<string>;
  try {
    const { rows } = await sql<{ name: string }>`SELECT name FROM kysely_migration`.execute(db);
    applied = new Set(rows.map((r) => r.name));
  } catch (error) {
    if (isDatabaseUnavailable(error)) return { ready: false, reason: 'the database is not reachable' };
    return { ready: false, reason: 'the migrations table cannot be read: the schema has not been migrated' };
  }
  const missing = known.filter((name) => !applied.has(name));
  if (missing.length > 0) return { ready: false, reason: `migrations not applied: ${missing.join(', ')}` };
  return { ready: true, migrations: known.length };
}
