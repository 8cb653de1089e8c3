import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { openDatabase } from './database';
import { runOwnerStep } from './roles';
import type { Database } from './schema';
import { openTestDatabase, TEST_APP_LOGIN, TEST_OWNER, type TestDatabase } from './testing';

/**
 * Fault 3 of issue 10: the server's login must not be able to reach owner rights by any
 * statement. Only meaningful on a real PostgreSQL server: PGlite is one embedded session in which
 * the owner migrates and then drops to hoeder_app with SET ROLE (ADR 0011).
 */
const onPostgres = Boolean(process.env.TEST_PG_ADMIN_URL);

const CASE = '00000000-0000-4000-8000-0000000000c1';
const USER = '00000000-0000-4000-8000-0000000000a1';

/** The append-only tables: the audit log, the event streams and the policy history. */
const APPEND_ONLY: Record<string, string> = {
  audit_entry: 'operation',
  audit_leaf: 'leaf_hash',
  audit_checkpoint: 'signature',
  audit_node: 'node_hash',
  case_event: 'type',
  assessment_event: 'type',
  policy_version_history: 'note',
};

let t: TestDatabase;
let owner: string;

/** One statement in its own transaction on one connection, rolled back whatever happens. */
async function attempt(statements: string[]): Promise<void> {
  await t.db.connection().execute(async (conn) => {
    await sql`BEGIN`.execute(conn);
    try {
      for (const s of statements) await sql.raw(s).execute(conn);
    } finally {
      await sql`ROLLBACK`.execute(conn);
    }
  });
}

async function seedAsServer(db: Kysely<Database>): Promise<void> {
  await sql.raw(`
    INSERT INTO app_user (user_id, subject, display_name, organisation, roles, clearance, created_at)
      VALUES ('${USER}', 'roles-test', 'Roles Test', 'nctv', '{triage_officer}', 'stg_secret', now());
    INSERT INTO case_summary (case_id, reference, phase, phenomenon, classification, version, registered_at, updated_at, attention_rank)
      VALUES ('${CASE}', 'T-ROLES-1', 'registered', 'other', 'dep_confidential', 1, now(), now(), 2);
    INSERT INTO case_event (case_id, version, type, payload, actor_id, actor_role, occurred_at, trace_id)
      VALUES ('${CASE}', 1, 'CaseRegistered', '{}', '${USER}', 'triage_officer', now(), 't');
    INSERT INTO assessment_event (case_id, version, type, payload, actor_id, actor_role, occurred_at, trace_id)
      VALUES ('${CASE}', 1, 'AssessmentStarted', '{}', '${USER}', 'threat_analyst', now(), 't');
    INSERT INTO policy_version (version, effective_from, summary, status, dmn_xml, revision, origin, author_id, created_at, updated_at)
      VALUES ('9999.1', '2099-01-01', 's', 'draft', '<x/>', 1, 'authored', '${USER}', now(), now());
    INSERT INTO policy_version_history (version, revision, action, actor_id, occurred_at, effective_from, dmn_xml)
      VALUES ('9999.1', 1, 'created', '${USER}', now(), '2099-01-01', '<x/>');
    INSERT INTO audit_entry (seq, occurred_at, trace_id, operation, status, processing_activity, object_type, details, prev_hash, hash)
      VALUES (1000001, now(), 't', 'op', 'ok', 'test', 'x', '{}', 'p', 'h');
    INSERT INTO audit_leaf (leaf_index, entry_seq, leaf_hash) VALUES (0, 1000001, repeat('0', 64));
    INSERT INTO audit_checkpoint (tree_size, root_hash, frontier, sealed_through_seq, open_gaps, signed_at, key_id, signature)
      VALUES (1, repeat('0', 64), '[]', 1000001, '[]', now(), 'k', 's');
    INSERT INTO audit_node (height, node_index, node_hash) VALUES (4, 0, repeat('0', 64));
  `).execute(db);
}

const countRows = async (db: Kysely<Database>) =>
  Promise.all(Object.keys(APPEND_ONLY).map(async (table) => (await sql<{ n: string }>`SELECT count(*)::text AS n FROM ${sql.table(table)}`.execute(db)).rows[0]?.n));

describe.skipIf(!onPostgres)('the server login cannot reach owner rights (real PostgreSQL only; PGlite is one session, see ADR 0011)', () => {
  beforeAll(async () => {
    t = await openTestDatabase();
    const { rows } = await sql<{ owner: string }>`SELECT tableowner AS owner FROM pg_tables WHERE tablename = 'audit_entry'`.execute(t.db);
    owner = rows[0]!.owner;
    await t.db.connection().execute(seedAsServer);
  });
  afterAll(() => t?.close());

  it('connects as a login of its own that is neither the owner nor a superuser', async () => {
    const { rows } = await sql<{ login: string; superuser: boolean; app: boolean }>`
      SELECT session_user AS login, (SELECT rolsuper FROM pg_roles WHERE rolname = session_user) AS superuser,
             pg_has_role(session_user, 'hoeder_app', 'USAGE') AS app`.execute(t.db);
    expect(rows[0]).toMatchObject({ superuser: false, app: true });
    expect(rows[0]?.login).not.toBe(owner);
  });

  it('RESET ROLE leaves the session as the server login, without the owner rights', async () => {
    const { rows } = await t.db.connection().execute(async (conn) => {
      await sql`RESET ROLE`.execute(conn);
      return sql<{ cur: string; ses: string; ownerRights: boolean }>`
        SELECT current_user AS cur, session_user AS ses, pg_has_role(current_user, ${owner}, 'USAGE') AS "ownerRights"`.execute(conn);
    });
    expect(rows[0]?.cur).toBe(rows[0]?.ses);
    expect(rows[0]?.cur).not.toBe(owner);
    expect(rows[0]?.ownerRights).toBe(false);
  });

  const becomeSomeoneElse = () => [
    `SET ROLE ${owner}`,
    'SET ROLE postgres',
    `SELECT set_config('role', '${owner}', false)`,
    `SET SESSION AUTHORIZATION ${owner}`,
    'SET SESSION AUTHORIZATION postgres',
    `GRANT ${owner} TO CURRENT_USER`,
    'ALTER ROLE CURRENT_USER SUPERUSER',
    'CREATE ROLE hoeder_intruder LOGIN SUPERUSER',
  ];
  it('cannot become the owner or a superuser by any statement', async () => {
    for (const statement of becomeSomeoneElse()) {
      await expect(attempt([statement]), statement).rejects.toThrow();
    }
  });

  const changeTheSchema = [
    'ALTER TABLE audit_entry DISABLE TRIGGER USER',
    'ALTER TABLE audit_entry DISABLE TRIGGER ALL',
    'ALTER TABLE policy_version_history DISABLE TRIGGER USER',
    'ALTER TABLE case_event ADD COLUMN intruder integer',
    'ALTER TABLE audit_entry OWNER TO CURRENT_USER',
    'DROP TRIGGER audit_entry_append_only ON audit_entry',
    'DROP FUNCTION audit_entry_refuse_change() CASCADE',
    'CREATE OR REPLACE FUNCTION audit_entry_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$',
    'DROP TABLE case_event CASCADE',
    'CREATE TABLE public.intruder (id integer)',
    'CREATE TEMP TABLE audit_entry (LIKE public.audit_entry)',
    "CREATE FUNCTION public.intruder() RETURNS integer LANGUAGE sql AS 'SELECT 1'",
    // A GRANT without the grant option only warns; what counts is that it changes nothing.
    'GRANT UPDATE, DELETE ON audit_entry TO CURRENT_USER; DELETE FROM audit_entry',
  ];
  it('cannot alter tables, disable triggers, drop or create objects, or grant itself more, even after RESET ROLE', async () => {
    for (const statement of changeTheSchema) {
      await expect(attempt([statement]), statement).rejects.toThrow();
      await expect(attempt(['RESET ROLE', statement]), `RESET ROLE; ${statement}`).rejects.toThrow();
    }
  });

  it('cannot UPDATE, DELETE or TRUNCATE the audit log, the event streams or the policy history, even after RESET ROLE', async () => {
    for (const [table, column] of Object.entries(APPEND_ONLY)) {
      for (const statement of [`UPDATE ${table} SET ${column} = ${column}`, `DELETE FROM ${table}`, `TRUNCATE ${table}`]) {
        await expect(attempt([statement]), statement).rejects.toThrow(/permission denied/);
        await expect(attempt(['RESET ROLE', statement]), `RESET ROLE; ${statement}`).rejects.toThrow(/permission denied/);
      }
    }
    expect(await countRows(t.db)).toEqual(['1', '1', '1', '1', '1', '1', '1']);
  });

  it('can still append to and read them', async () => {
    await sql`INSERT INTO case_event (case_id, version, type, payload, actor_id, actor_role, occurred_at, trace_id)
              VALUES (${CASE}, 2, 'MemberAssigned', '{}', ${USER}, 'triage_officer', now(), 't2')`.execute(t.db);
    const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM case_event WHERE case_id = ${CASE}`.execute(t.db);
    expect(rows[0]?.n).toBe(2);
    expect((await sql<{ n: number }>`SELECT count(*)::int AS n FROM audit_entry`.execute(t.db)).rows[0]?.n).toBe(1);
  });
});

describe.skipIf(!onPostgres)('the server refuses to start with a login that could reach owner rights (real PostgreSQL only)', () => {
  let d: TestDatabase;
  const adminUrl = process.env.TEST_PG_ADMIN_URL ?? '';
  const urlFor = (user: string, database = new URL(d.urls!.app).pathname.slice(1)) => {
    const url = new URL(adminUrl);
    url.username = user;
    url.pathname = `/${database}`;
    return url.toString();
  };
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  beforeAll(async () => {
    d = await openTestDatabase();
  });
  afterAll(() => d?.close());

  it('refuses the owner itself', async () => {
    await expect(openDatabase({ databaseUrl: d.urls!.owner, waitMs: 0 })).rejects.toThrow(/refusing to start: .*owns, or may SET ROLE to the owner of, the schema's tables/);
  });

  it('refuses a superuser', async () => {
    await expect(openDatabase({ databaseUrl: urlFor('postgres'), waitMs: 0 })).rejects.toThrow(/refusing to start: .*is a superuser/);
  });

  it('refuses a login that may SET ROLE to the owner', async () => {
    await admin(`DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'hoeder_test_sneaky') THEN CREATE ROLE hoeder_test_sneaky LOGIN; END IF; END $$`);
    await admin(`ALTER ROLE hoeder_test_sneaky INHERIT`);
    await admin(`GRANT hoeder_app, ${TEST_OWNER} TO hoeder_test_sneaky`);
    await expect(openDatabase({ databaseUrl: urlFor('hoeder_test_sneaky'), waitMs: 0 })).rejects.toThrow(/may SET ROLE to the owner/);
  });

  it('the owner step leaves a ready login alone and refuses to make the owner the server login', async () => {
    expect(await runOwnerStep({ ownerUrl: d.urls!.owner, appUrl: d.urls!.app, waitMs: 0 })).toEqual({ applied: [], appLogin: 'unchanged' });
    await expect(runOwnerStep({ ownerUrl: d.urls!.owner, appUrl: d.urls!.owner, waitMs: 0 })).rejects.toThrow(/same login/);
  });

  it('refuses a schema that is not current, naming the step that migrates it', async () => {
    const name = `hoeder_test_empty_${process.pid}`;
    await admin(`CREATE DATABASE ${name} OWNER ${TEST_OWNER}`);
    try {
      await expect(openDatabase({ databaseUrl: urlFor(TEST_APP_LOGIN, name), waitMs: 0 })).rejects.toThrow(/schema is not current.*npm run db:migrate/);
    } finally {
      await admin(`DROP DATABASE ${name} WITH (FORCE)`);
    }
  });
});
