import { randomUUID } from 'node:crypto';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { APP_ROLE, openDatabase, type DatabaseHandle } from '../database';
import type { Database } from '../schema';

export interface TestDatabase extends DatabaseHandle {
  /** Runs `fn` with the owner's rights, e.g. to tamper with the audit log in a test. */
  asOwner<T>(fn: (owner: Kysely<Database>) => Promise<T>): Promise<T>;
}

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, or a new database on
 * the PostgreSQL server named by TEST_PG_ADMIN_URL (the test setup starts a throw-away cluster).
 */
export async function openTestDatabase(): Promise<TestDatabase> {
  const adminUrl = process.env.TEST_PG_ADMIN_URL;
  if (!adminUrl) {
    const handle = await openDatabase({ dataDir: 'memory://' });
    return {
      ...handle,
      asOwner: (fn) =>
        handle.db.connection().execute(async (conn) => {
          await sql`RESET ROLE`.execute(conn);
          try {
            return await fn(conn);
          } finally {
            await sql`SET ROLE ${sql.id(APP_ROLE)}`.execute(conn);
          }
        }),
    };
  }
  const name = `hoeder_test_${randomUUID().replaceAll('-', '')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ databaseUrl: url.toString() });
  return {
    ...handle,
    asOwner: async (fn) => {
      const owner = new Kysely<Database>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url.toString(), max: 1 }) }) });
      try {
        return await fn(owner);
      } finally {
        await owner.destroy();
      }
    },
    close: async () => {
      await handle.close();
      const cleanup = new pg.Client({ connectionString: adminUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}
