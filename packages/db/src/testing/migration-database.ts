import { randomUUID } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, Migrator, PostgresDialect } from 'kysely';
import pg from 'pg';
import { migrationProvider } from '../migrations';
import { pgliteDialect } from '../pglite-dialect';
import type { Database } from '../schema';

export interface MigrationTestDatabase {
  /** The owner's connection (one session), schema as of the migration asked for. */
  db: Kysely<Database>;
  migrateToLatest(): Promise<void>;
  close(): Promise<void>;
}

/**
 * A database migrated only up to `migration`, to test how a later migration converts data written
 * before it: in-memory PGlite, or a new database on TEST_PG_ADMIN_URL's cluster.
 */
export async function openTestDatabaseAtMigration(migration: string): Promise<MigrationTestDatabase> {
  const adminUrl = process.env.TEST_PG_ADMIN_URL;
  let db: Kysely<Database>;
  let drop = async () => {};
  if (!adminUrl) db = new Kysely<Database>({ dialect: pgliteDialect(await PGlite.create({ extensions: { pg_trgm } })) });
  else {
    const name = `hoeder_mig_${randomUUID().replaceAll('-', '')}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url.toString(), max: 1 }) }) });
    drop = async () => {
      // Without FORCE: terminating a connection the pool is still closing makes that client throw.
      for (let attempt = 0; ; attempt += 1) {
        try {
          await admin.query(`DROP DATABASE IF EXISTS ${name}`);
          break;
        } catch (error) {
          if ((error as { code?: string }).code !== '55006' || attempt >= 50) throw error;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      }
      await admin.end();
    };
  }
  const migrator = new Migrator({ db, provider: migrationProvider });
  const check = ({ error }: { error?: unknown }) => {
    if (error) throw new Error('migration failed', { cause: error });
  };
  check(await migrator.migrateTo(migration));
  return {
    db,
    migrateToLatest: async () => check(await migrator.migrateToLatest()),
    close: async () => {
      await db.destroy();
      await drop();
    },
  };
}
