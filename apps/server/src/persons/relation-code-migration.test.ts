import { openTestDatabaseAtMigration, type MigrationTestDatabase } from '@hoeder/db/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** Migration 0023 derives a coded relation for every stored household member from its free text, and says so. */
let raw: MigrationTestDatabase;
const CASE = '11111111-1111-4111-8111-111111111111';
const rows: [string, string, string | null][] = [
  ['22222222-2222-4222-8222-222222222201', 'threatened_person', null],
  ['22222222-2222-4222-8222-222222222202', 'household_member', 'echtgenote'],
  ['22222222-2222-4222-8222-222222222203', 'household_member', 'Stiefzoon'],
  ['22222222-2222-4222-8222-222222222204', 'household_member', 'moeder'],
  ['22222222-2222-4222-8222-222222222205', 'household_member', 'broer'],
  ['22222222-2222-4222-8222-222222222206', 'household_member', 'oppas'],
  ['22222222-2222-4222-8222-222222222207', 'household_member', null],
];

beforeAll(async () => {
  raw = await openTestDatabaseAtMigration('0020-replan-runs');
  for (const [id, role, relation] of rows) {
    await sql`INSERT INTO person (person_id, full_name, created_at) VALUES (${id}, 'Oud', now())`.execute(raw.db);
    await sql`INSERT INTO case_person (case_id, person_id, role, relation, linked_at) VALUES (${CASE}, ${id}, ${role}, ${relation}, now())`.execute(raw.db);
  }
}, 60_000);
afterAll(() => raw.close());

describe('migration 0023 on a database with stored persons', () => {
  it('codes each household member from its text (other household member when the text names none); the threatened person gets none', async () => {
    await raw.migrateToLatest();
    const got = await sql<{ person_id: string; relation_code: string | null; relation_code_basis: string | null }>`
      SELECT person_id, relation_code, relation_code_basis FROM case_person WHERE case_id = ${CASE} ORDER BY person_id`.execute(raw.db);
    expect(got.rows.map((r) => [r.relation_code, r.relation_code_basis])).toEqual([
      [null, null],
      ['partner', 'derived_at_migration'],
      ['child', 'derived_at_migration'],
      ['parent', 'derived_at_migration'],
      ['sibling', 'derived_at_migration'],
      ['other_household_member', 'derived_at_migration'],
      ['other_household_member', 'derived_at_migration'],
    ]);
  });

  it('refuses a code without its basis, and an unknown code', async () => {
    const id = rows[1]![0];
    await expect(sql`UPDATE case_person SET relation_code_basis = NULL WHERE person_id = ${id}`.execute(raw.db)).rejects.toThrow(/check/i);
    await expect(sql`UPDATE case_person SET relation_code = 'cousin' WHERE person_id = ${id}`.execute(raw.db)).rejects.toThrow(/check/i);
  });
});
