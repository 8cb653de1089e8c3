import { openTestDatabaseAtMigration, type MigrationTestDatabase } from '@hoeder/db/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** Migration 0014 gives every stored case person records from its registration event. */
let raw: MigrationTestDatabase;
const CASE = '11111111-1111-4111-8111-111111111111';
const USER = '00000000-0000-4000-8000-000000000001';
const persons = [
  { personId: '22222222-2222-4222-8222-222222222222', role: 'threatened_person', fullName: 'Oud Geval', dateOfBirth: '1970-01-02' },
  { personId: '33333333-3333-4333-8333-333333333333', role: 'household_member', fullName: 'Oude Partner', relation: 'partner' },
];

beforeAll(async () => {
  raw = await openTestDatabaseAtMigration('0013-oversight-reviews');
  await sql`INSERT INTO app_user (user_id, subject, display_name, organisation, roles, clearance, created_at) VALUES (${USER}, 'triage', 'T', 'NCTV', ARRAY['triage_officer'], 'stg_secret', now())`.execute(raw.db);
  const payload = { type: 'CaseRegistered', reference: 'HOE-OLD', referralSource: 'other', referrerDescription: 'x', reportedPhenomenon: 'stalking', firstInformation: 'x', classification: 'dep_confidential', persons };
  await sql`INSERT INTO case_event (case_id, version, type, payload, actor_id, actor_role, occurred_at, trace_id) VALUES (${CASE}, 1, 'CaseRegistered', ${JSON.stringify(payload)}, ${USER}, 'triage_officer', '2025-06-01T10:00:00Z', 't')`.execute(raw.db);
}, 60_000);
afterAll(() => raw.close());

describe('migration 0014 on a database with stored cases', () => {
  it('creates a person record for every person of every registration, linked with role and relation', async () => {
    await raw.migrateToLatest();
    const rows = await sql<{ person_id: string; full_name: string; dob: string | null; role: string; relation: string | null }>`
      SELECT p.person_id, p.full_name, p.date_of_birth::text AS dob, cp.role, cp.relation FROM person p JOIN case_person cp USING (person_id) WHERE cp.case_id = ${CASE} ORDER BY p.full_name`.execute(raw.db);
    expect(rows.rows).toEqual([
      { person_id: persons[0]!.personId, full_name: 'Oud Geval', dob: '1970-01-02', role: 'threatened_person', relation: null },
      { person_id: persons[1]!.personId, full_name: 'Oude Partner', dob: null, role: 'household_member', relation: 'partner' },
    ]);
  });
});
