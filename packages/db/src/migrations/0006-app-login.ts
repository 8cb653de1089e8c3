import { sql, type Kysely } from 'kysely';

/**
 * Frozen. The server now connects with its own login (a member of hoeder_app) and checks at
 * start-up and in /health/ready that the schema is current, so hoeder_app may read the migrations
 * table. Nobody but the owner creates objects in public: PostgreSQL 15 already revokes CREATE
 * from PUBLIC in new databases; a database created earlier, or restored into, may still grant it.
 * Only the schema's owner can revoke that, so the revoke is skipped when the migrating role is not
 * the owner (the server's start-up check still refuses a login that may CREATE there). Likewise
 * TEMP on the database: a temporary table named like ours shadows it in that session, so an
 * injected `CREATE TEMP TABLE audit_entry …` would send the session's later audit entries nowhere.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    GRANT SELECT ON kysely_migration TO hoeder_app;
    DO $$ BEGIN
      IF pg_has_role(current_user, (SELECT nspowner FROM pg_namespace WHERE nspname = 'public'), 'USAGE') THEN
        REVOKE CREATE ON SCHEMA public FROM PUBLIC;
      END IF;
      IF pg_has_role(current_user, (SELECT datdba FROM pg_database WHERE datname = current_database()), 'USAGE') THEN
        EXECUTE format('REVOKE TEMPORARY ON DATABASE %I FROM PUBLIC', current_database());
      END IF;
    END $$;
  `.execute(db);
}
