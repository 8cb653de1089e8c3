import { Kysely, Migrator, PostgresDialect, sql } from 'kysely';
import { migrationProvider } from './migrations';
import { consoleLog, resilientPool, waitForDatabase, type DatabaseLog } from './postgres-pool';
import type { Database } from './schema';

/** The NOLOGIN group role that holds the application's grants (see the migrations). */
export const APP_ROLE = 'hoeder_app';

/** Applies every pending migration with the connecting role's rights; returns the names applied. */
export async function migrate(db: Kysely<Database>): Promise<string[]> {
  const { error, results } = await new Migrator({ db, provider: migrationProvider }).migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) throw new Error(`migration ${failed?.migrationName ?? ''} failed`, { cause: error });
  return (results ?? []).map((r) => r.migrationName);
}

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Makes sure the login in `appUrl` exists, may log in and is a member of hoeder_app. Created with
 * the URL's password when missing; an existing login's password is left alone (operations own it).
 * Needs CREATEROLE only when something has to change.
 */
export async function provisionAppLogin(owner: Kysely<Database>, appUrl: string): Promise<'created' | 'updated' | 'unchanged'> {
  const url = new URL(appUrl);
  const login = decodeURIComponent(url.username);
  if (!IDENTIFIER.test(login)) throw new Error('DATABASE_URL must name the server\'s login (lower-case letters, digits, "_")');
  const { rows } = await sql<{ owner: string; exists: boolean; canLogin: boolean; member: boolean }>`
    SELECT session_user AS owner, r.oid IS NOT NULL AS exists, coalesce(r.rolcanlogin, false) AS "canLogin",
           coalesce(pg_has_role(r.oid, ${APP_ROLE}, 'USAGE'), false) AS member
    FROM (SELECT 1) one LEFT JOIN pg_roles r ON r.rolname = ${login}`.execute(owner);
  const found = rows[0]!;
  if (found.owner === login) throw new Error('DATABASE_URL and DATABASE_OWNER_URL name the same login; the server needs a login of its own');
  if (found.exists && found.canLogin && found.member) return 'unchanged';
  try {
    if (!found.exists) {
      const password = url.password ? sql` PASSWORD ${sql.lit(decodeURIComponent(url.password))}` : sql``;
      await sql`CREATE ROLE ${sql.id(login)} LOGIN INHERIT NOCREATEDB NOCREATEROLE${password}`.execute(owner);
    } else {
      await sql`ALTER ROLE ${sql.id(login)} LOGIN INHERIT NOCREATEDB NOCREATEROLE`.execute(owner);
    }
    await sql`GRANT ${sql.id(APP_ROLE)} TO ${sql.id(login)}`.execute(owner);
  } catch (error) {
    throw new Error(
      `the owner may not create or change the login "${login}"; create it once as an administrator: ` +
        `CREATE ROLE ${login} LOGIN PASSWORD '…'; GRANT ${APP_ROLE} TO ${login};`,
      { cause: error },
    );
  }
  return found.exists ? 'updated' : 'created';
}

export interface OwnerStepOptions {
  /** The owner's login: owns the schema and runs the migrations (DATABASE_OWNER_URL). */
  ownerUrl: string;
  /** The server's login (DATABASE_URL), provisioned when given. */
  appUrl?: string | undefined;
  waitMs?: number | undefined;
  log?: DatabaseLog | undefined;
}

/** The one-off owner step (`npm run db:migrate`): migrate, then provision the server's login. */
export async function runOwnerStep(options: OwnerStepOptions): Promise<{ applied: string[]; appLogin?: 'created' | 'updated' | 'unchanged' }> {
  const log = options.log ?? consoleLog;
  const pool = resilientPool(options.ownerUrl, log, 1);
  const owner = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  try {
    await waitForDatabase(pool, options.waitMs ?? 60_000, log);
    const applied = await migrate(owner);
    if (!options.appUrl) return { applied };
    return { applied, appLogin: await provisionAppLogin(owner, options.appUrl) };
  } finally {
    await owner.destroy();
  }
}

interface LoginRights {
  login: string;
  superuser: boolean;
  createrole: boolean;
  owners: string;
  schemaOwner: boolean;
  databaseOwner: boolean;
  canCreate: boolean;
  canTemp: boolean;
}

/**
 * What the connected login could do beyond the application's grants. Each item is a way back to
 * owner rights: a superuser or CREATEROLE login can give itself any role, membership of an
 * owner's role allows SET ROLE to it, the schema's or database's owner may drop the tables, and
 * CREATE in public allows planting functions and tables next to ours, TEMPORARY shadowing them.
 */
export async function excessRights(db: Kysely<Database>): Promise<string[]> {
  const { rows } = await sql<LoginRights>`
    WITH me AS (SELECT oid, rolname, rolsuper, rolcreaterole FROM pg_roles WHERE rolname = session_user),
    owners AS (
      SELECT c.relowner AS owner FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public'
      UNION SELECT p.proowner FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public'
    )
    SELECT me.rolname AS login, me.rolsuper AS superuser, me.rolcreaterole AS createrole,
      (SELECT coalesce(string_agg(DISTINCT pg_get_userbyid(owner), ', '), '') FROM owners WHERE pg_has_role(me.oid, owner, 'MEMBER')) AS owners,
      pg_has_role(me.oid, (SELECT nspowner FROM pg_namespace WHERE nspname = 'public'), 'MEMBER') AS "schemaOwner",
      pg_has_role(me.oid, (SELECT datdba FROM pg_database WHERE datname = current_database()), 'MEMBER') AS "databaseOwner",
      has_schema_privilege(me.oid, 'public', 'CREATE') AS "canCreate",
      has_database_privilege(me.oid, current_database(), 'TEMPORARY') AS "canTemp"
    FROM me`.execute(db);
  const r = rows[0];
  if (!r) return ['the session user is not a role'];
  return [
    r.superuser ? 'is a superuser' : '',
    r.createrole ? 'has CREATEROLE (could grant itself the owner role)' : '',
    r.owners ? `owns, or may SET ROLE to the owner of, the schema's tables (${r.owners})` : '',
    r.schemaOwner ? 'may act as the owner of schema public' : '',
    r.databaseOwner ? 'may act as the owner of the database' : '',
    r.canCreate ? 'may CREATE objects in schema public' : '',
    r.canTemp ? 'may create temporary tables (they would shadow the audit log in its session; REVOKE TEMPORARY ON DATABASE … FROM PUBLIC)' : '',
  ].filter(Boolean);
}

/** Refuses a server login that could reach owner rights; names what is wrong and what to do. */
export async function assertLeastPrivilege(db: Kysely<Database>): Promise<void> {
  const excess = await excessRights(db);
  if (excess.length === 0) return;
  const { rows } = await sql<{ login: string }>`SELECT session_user AS login`.execute(db);
  throw new Error(
    `refusing to start: the database login "${rows[0]?.login ?? '?'}" in DATABASE_URL ${excess.join('; ')}. ` +
      `Connect with a login that is only a member of ${APP_ROLE}, and run the migrations as the owner ` +
      '(DATABASE_OWNER_URL=… npm run db:migrate); see README, Configuration.',
  );
}
