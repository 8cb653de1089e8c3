import { sql, type Kysely } from 'kysely';

/**
 * Frozen. The executing units (DOMAIN §6) and which unit a user works in. A unit lead's access to
 * cases runs through active security assignments to their unit, never through hand-made case
 * membership, so the user's unit is part of who they are, like their organisation.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE unit (
      unit_id text PRIMARY KEY CHECK (unit_id ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
      name text NOT NULL,
      kind text NOT NULL CHECK (kind IN ('dkdb', 'be', 'bb', 'camera', 'bsb', 'hrb', 'contingent', 'private-support')),
      organisation text NOT NULL CHECK (organisation IN ('police', 'kmar', 'private')),
      region text,
      active boolean NOT NULL DEFAULT true
    );
    ALTER TABLE app_user ADD COLUMN unit_id text REFERENCES unit (unit_id);
    CREATE INDEX app_user_unit ON app_user (unit_id) WHERE unit_id IS NOT NULL;
    GRANT SELECT, INSERT, UPDATE ON unit TO hoeder_app;
  `.execute(db);
}
