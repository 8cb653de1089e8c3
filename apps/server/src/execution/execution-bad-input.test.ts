import fc from 'fast-check';
import { countAuditEntries } from '@hoeder/db';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoOfficers } from '../demo/demo-master-data';
import { badBody, BAD_STRINGS, unsafeTextPositions, wrongValue } from '../testing/bad-bodies';
import { openHttpFixture, type HttpFixture } from '../testing/http-fixture';
import { driveCase } from '../testing/http-flows';

/**
 * Bad input on the master-data and agenda write routes gets a clear 4xx naming the field (for the
 * agenda: the item; for the import: row and column) and changes nothing; one audit entry each.
 */
let f: HttpFixture;
let caseId: string;
beforeAll(async () => {
  f = await openHttpFixture();
  await seedDemoOfficers(f.deps);
  caseId = await driveCase(f, 'dep_confidential', ['analist', 'besluit', 'besluit2', 'lcc', 'liaison'], 'measures_active');
}, 180_000);
afterAll(() => f.close());

const stored = async () => {
  const n = async (t: string) => Number((await sql<{ n: string }>`SELECT count(*) AS n FROM ${sql.table(t)}`.execute(f.database.db)).rows[0]?.n);
  return { officers: await n('officer'), absences: await n('officer_absence'), agendas: await n('agenda_version'), updated: (await sql<{ m: string }>`SELECT max(updated_at)::text AS m FROM officer`.execute(f.database.db)).rows[0]?.m };
};

const work = { activityId: 'werk', label: 'Werk', domain: 'work', placeCategory: 'workplace', priority: 'high', start: '08:30', end: '17:00', recurrence: { kind: 'weekly', weekdays: [0, 1, 2, 3, 4] } };
const CSV = 'officer_id,display_name,unit_id,team,qualifications,contract\nbad-input-1,Bert Invoer,bb-2,,driver,fulltime-36\n';

const routes = () => [
  { who: 'lcc', path: '/api/officers/o0001/absences', valid: { from: '2026-03-16', until: '2026-03-17', reason: 'leave' } as Record<string, unknown> },
  { who: 'lcc', path: '/api/officers/import', valid: { csv: CSV, dryRun: false } as Record<string, unknown> },
  { who: 'liaison', path: `/api/cases/${caseId}/agenda`, valid: { expectedVersion: 0, activities: [work] } as Record<string, unknown> },
];

async function expectRefused(who: string, path: string, body: unknown, field?: string) {
  const session = await f.session(who);
  const [before, audits] = [await stored(), await countAuditEntries(f.database.db)];
  const reply = await f.api(session, 'POST', path, body);
  expect(reply.status, `${path} ${JSON.stringify(body).slice(0, 200)}`).toBeGreaterThanOrEqual(400);
  expect(reply.status).toBeLessThan(500);
  const error = (reply.body as { error: { message: string; details?: { issues?: { field: string }[] } } }).error;
  expect(error.message.length).toBeGreaterThan(0);
  if (field) expect(error.details?.issues?.map((i) => i.field)).toContain(field);
  expect(await stored()).toEqual(before);
  expect(await countAuditEntries(f.database.db)).toBe(audits + 1);
}

describe('bad input on the master-data and agenda write routes', () => {
  it('generated bad bodies get a clear 4xx and change nothing', async () => {
    const wrong = wrongValue({ maxInt: -1, strings: BAD_STRINGS });
    for (const route of routes()) {
      await fc.assert(fc.asyncProperty(badBody(route.valid, { wrong, fewerKeysThan: 2 }), (body) => expectRefused(route.who, route.path, body)), { numRuns: 20 });
    }
  });

  it('a control character in any text position is a 400 naming the field', async () => {
    for (const route of routes()) {
      for (const { field, body } of unsafeTextPositions(route.valid)) await expectRefused(route.who, route.path, body, field);
    }
  });

  it('the agenda names the item: unknown domain, end before start, overlapping activities of the person', async () => {
    const path = `/api/cases/${caseId}/agenda`;
    await expectRefused('liaison', path, { expectedVersion: 0, activities: [work, { ...work, activityId: 'x', domain: 'holiday' }] }, 'activities.1.domain');
    await expectRefused('liaison', path, { expectedVersion: 0, activities: [{ ...work, start: '17:00', end: '08:30' }] }, 'activities.0.end');
    await expectRefused('liaison', path, { expectedVersion: 0, activities: [work, { ...work, activityId: 'lunch', domain: 'private', start: '12:00', end: '13:00' }] }, 'activities.1.start');
    await expectRefused('liaison', path, { expectedVersion: 0, activities: [work, { ...work }] }, 'activities.1.activityId');
  });

  it('the import names row and column, and a bad file changes nothing (all or nothing)', async () => {
    const csv = `${CSV}bad-input-2,,bb-99,,flying,none\n`;
    await expectRefused('lcc', '/api/officers/import', { csv, dryRun: false }, 'row 3.unit_id');
    await expectRefused('lcc', '/api/officers/import', { csv: 'a,"b\nc', dryRun: true });
    await expectRefused('lcc', '/api/officers/o0001/absences', { from: '2026-03-17', until: '2026-03-16', reason: 'leave' }, 'until');
    await expectRefused('lcc', '/api/officers/o0001/absences', { from: '2026-03-16', until: '2026-03-17', reason: 'burn-out' }, 'reason');
  });
});
