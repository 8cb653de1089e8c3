import { randomUUID } from 'node:crypto';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { APP_ROLE, openDatabase, type DatabaseHandle } from '../database';
import { runOwnerStep } from '../roles';
import type { Database } from '../schema';

export interface TestDatabase extends DatabaseHandle {
  /** Runs `fn` with the owner's rights, e.g. to tamper with the audit log in a test. */
  asOwner<T>(fn: (owner: Kysely<Database>) => Promise<T>): Promise<T>;
  /** On PostgreSQL: the owner's and the server's logins (URLs) of this test database. */
  urls?: { owner: string; app: string };
}

/** Cluster-wide logins of the test databases: a plain owner (no superuser) and the server's login. */
export const TEST_OWNER = 'hoeder_test_owner';
export const TEST_APP_LOGIN = 'hoeder_test_app';

/**
 * Creates the test logins once per cluster. Roles are cluster-wide and test files run in
 * parallel, so an advisory lock serialises the check-then-create.
 */
export async function ensureTestRoles(adminUrl: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query('BEGIN');
    await admin.query('SELECT pg_advisory_xact_lock(4711)');
    await admin.query(`
      DO $$ BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${TEST_OWNER}') THEN CREATE ROLE ${TEST_OWNER} LOGIN; END IF;
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${APP_ROLE}') THEN CREATE ROLE ${APP_ROLE} NOLOGIN; END IF;
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${TEST_APP_LOGIN}') THEN CREATE ROLE ${TEST_APP_LOGIN} LOGIN; END IF;
      END $$;
      GRANT ${APP_ROLE} TO ${TEST_APP_LOGIN};`);
    await admin.query('COMMIT');
  } finally {
    await admin.end();
  }
}

const withUser = (base: string, user: string, database: string): string => {
  const url = new URL(base);
  url.username = user;
  url.password = '';
  url.pathname = `/${database}`;
  return url.toString();
};

/**
 * A new, migrated database on the server of `adminUrl` (a superuser), with the roles separated as
 * in production: owned by the test owner login, and the URL of the server's login beside it. For
 * tests and benchmarks that run the real server on PostgreSQL.
 */
export async function createSeparatedDatabase(adminUrl: string, name: string): Promise<{ owner: string; app: string }> {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`not a plain database name: ${name}`);
  await ensureTestRoles(adminUrl);
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} OWNER ${TEST_OWNER}`);
  } finally {
    await admin.end();
  }
  const urls = { owner: withUser(adminUrl, TEST_OWNER, name), app: withUser(adminUrl, TEST_APP_LOGIN, name) };
  await runOwnerStep({ ownerUrl: urls.owner, waitMs: 0 });
  return urls;
}

function openPgliteTestDatabase(handle: DatabaseHandle): TestDatabase {
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

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, or a new database on
 * the PostgreSQL server named by TEST_PG_ADMIN_URL (the test setup starts a throw-away cluster).
 * On PostgreSQL the roles are separated as in production: the database belongs to a plain owner
 * login that runs the migrations, and the handle connects as a separate login in hoeder_app.
 */
export async function openTestDatabase(): Promise<TestDatabase> {
  const adminUrl = process.env.TEST_PG_ADMIN_URL;
  if (!adminUrl) return openPgliteTestDatabase(await openDatabase({ dataDir: 'memory://' }));
  const name = `hoeder_test_${randomUUID().replaceAll('-', '')}`;
  const urls = await createSeparatedDatabase(adminUrl, name);
  const handle = await openDatabase({ databaseUrl: urls.app, waitMs: 0 });
  return {
    ...handle,
    urls,
    asOwner: async (fn) => {
      const owner = new Kysely<Database>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: urls.owner, max: 1 }) }) });
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
