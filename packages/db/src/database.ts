import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, sql } from 'kysely';
import { pgliteDialect } from './pglite-dialect';
import { PipelinedPostgresDialect } from './pipelined-driver';
import { consoleLog, resilientPool, waitForDatabase, type DatabaseLog } from './postgres-pool';
import { checkReadiness } from './readiness';
import { APP_ROLE, assertLeastPrivilege, migrate } from './roles';
import type { Database } from './schema';

export { APP_ROLE } from './roles';

export interface DatabaseConfig {
  /** The server's own PostgreSQL login (only the application grants); when absent PGlite is used. */
  databaseUrl?: string | undefined;
  /** PGlite data folder; `memory://` keeps everything in memory. */
  dataDir?: string | undefined;
  /** How long start-up waits for an unreachable PostgreSQL server (default 60 s). */
  waitMs?: number | undefined;
  /** PostgreSQL connections kept at most (default 10). */
  poolSize?: number | undefined;
  log?: DatabaseLog | undefined;
}

export interface DatabaseHandle {
  /** Holds only the hoeder_app grants: may append to but never change the audit log. */
  db: Kysely<Database>;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
}

/**
 * PGlite is one embedded session in this process, so owner and application cannot be separate
 * logins: migrate as the owner, then drop to the app role with SET ROLE (see ADR 0011 for what
 * that does and does not protect against).
 */
async function openPglite(dataDir: string): Promise<DatabaseHandle> {
  // pg_trgm: the overview's substring search by reference and name uses trigram indexes (ADR 0039).
  const client = await PGlite.create({ ...(dataDir === 'memory://' ? {} : { dataDir }), extensions: { pg_trgm } });
  const db = new Kysely<Database>({ dialect: pgliteDialect(client) });
  await migrate(db);
  await sql`SET ROLE ${sql.id(APP_ROLE)}`.execute(db);
  return { db, kind: 'pglite', close: () => db.destroy() };
}

/**
 * Connects as the server's login. It never migrates (the owner step does, ADR 0011), and refuses
 * to run with a login that could reach owner rights or on a schema that is not current.
 */
async function openPostgres(config: DatabaseConfig & { databaseUrl: string }): Promise<DatabaseHandle> {
  const log = config.log ?? consoleLog;
  // Pipeline mode: a transaction's BEGIN and its closing audit entry share round trips (ADR 0036).
  const pool = resilientPool(config.databaseUrl, log, config.poolSize ?? 10, { pipeline: true });
  const db = new Kysely<Database>({ dialect: new PipelinedPostgresDialect(pool) });
  try {
    await waitForDatabase(pool, config.waitMs ?? 60_000, log);
    // The schema first: on a fresh database "run the owner step" is the first thing to do, and it also revokes what 0006 revokes.
    const readiness = await checkReadiness(db);
    if (!readiness.ready) {
      throw new Error(`refusing to start: the database schema is not current (${readiness.reason}); run DATABASE_OWNER_URL=… npm run db:migrate first`);
    }
    await assertLeastPrivilege(db);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return { db, kind: 'postgres', close: () => db.destroy() };
}

/** Opens the database and returns a handle with only the application's rights. */
export function openDatabase(config: DatabaseConfig): Promise<DatabaseHandle> {
  if (config.databaseUrl) return openPostgres({ ...config, databaseUrl: config.databaseUrl });
  return openPglite(config.dataDir ?? 'memory://');
}
