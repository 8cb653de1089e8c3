import { PGlite } from '@electric-sql/pglite';
import { CompiledQuery, Kysely, Migrator, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { migrationProvider } from './migrations';
import { pgliteDialect } from './pglite-dialect';
import type { Database } from './schema';

export interface DatabaseConfig {
  /** A PostgreSQL server; when absent the embedded PGlite is used. */
  databaseUrl?: string | undefined;
  /** PGlite data folder; `memory://` keeps everything in memory. */
  dataDir?: string | undefined;
}

export interface DatabaseHandle {
  /** Runs as `hoeder_app`: may append to but never change the audit log. */
  db: Kysely<Database>;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
}

export const APP_ROLE = 'hoeder_app';

async function migrate(db: Kysely<Database>): Promise<void> {
  const { error, results } = await new Migrator({ db, provider: migrationProvider }).migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) throw new Error(`migration ${failed?.migrationName ?? ''} failed`, { cause: error });
}

async function openPglite(dataDir: string): Promise<DatabaseHandle> {
  const client = await PGlite.create(dataDir === 'memory://' ? {} : { dataDir });
  const db = new Kysely<Database>({ dialect: pgliteDialect(client) });
  await migrate(db);
  // One session for the whole process: after migrating as owner, drop to the app role for good.
  await sql`SET ROLE ${sql.id(APP_ROLE)}`.execute(db);
  return { db, kind: 'pglite', close: () => db.destroy() };
}

async function openPostgres(databaseUrl: string): Promise<DatabaseHandle> {
  const owner = new Kysely<Database>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: databaseUrl, max: 1 }) }) });
  await migrate(owner);
  await owner.destroy();
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({
      pool,
      onCreateConnection: async (connection) => {
        await connection.executeQuery(CompiledQuery.raw(`SET ROLE ${APP_ROLE}`));
      },
    }),
  });
  return { db, kind: 'postgres', close: () => db.destroy() };
}

/** Opens the database, brings the schema up to date, and returns a handle in the app role. */
export function openDatabase(config: DatabaseConfig): Promise<DatabaseHandle> {
  if (config.databaseUrl) return openPostgres(config.databaseUrl);
  return openPglite(config.dataDir ?? 'memory://');
}
