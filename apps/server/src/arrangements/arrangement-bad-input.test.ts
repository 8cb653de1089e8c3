import fc from 'fast-check';
import { countAuditEntries } from '@hoeder/db';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { badBody, BAD_STRINGS, unsafeTextPositions, wrongValue } from '../testing/bad-bodies';
import { openHttpFixture, type HttpFixture } from '../testing/http-fixture';
import { driveCase } from '../testing/http-flows';

/**
 * Bad input on the arrangement write routes (issue 12 items 4–6) gets a clear 4xx naming the field
 * and changes nothing: no arrangement, no step, no employer; one audit entry each.
 */
let f: HttpFixture;
let caseId: string;
let personId: string;
let arrangementId: string;
beforeAll(async () => {
  f = await openHttpFixture();
  caseId = await driveCase(f, 'dep_confidential', ['analist', 'besluit', 'besluit2', 'liaison'], 'measures_active');
  const liaison = await f.session('liaison');
  const view = (await f.api(liaison, 'GET', `/api/cases/${caseId}/arrangements`)).body as { persons: { personId: string; role: string }[] };
  personId = view.persons.find((p) => p.role === 'threatened_person')!.personId;
  const made = await f.api(liaison, 'POST', `/api/cases/${caseId}/agreements`, { personId, type: 'cooperation', description: 'Meldt wijzigingen vooraf.', consequence: 'Geen dwang; informeren en adviseren gaat door.' });
  arrangementId = (made.body as { arrangementId: string }).arrangementId;
}, 180_000);
afterAll(() => f.close());

const stored = async () => {
  const n = async (t: string) => Number((await sql<{ n: string }>`SELECT count(*) AS n FROM ${sql.table(t)}`.execute(f.database.db)).rows[0]?.n);
  const versions = (await sql<{ v: string }>`SELECT coalesce(sum(version), 0)::text AS v FROM case_arrangement`.execute(f.database.db)).rows[0]?.v;
  return { arrangements: await n('case_arrangement'), steps: await n('case_arrangement_event'), employers: await n('case_employer'), versions };
};

const routes = () => [
  { path: `/api/cases/${caseId}/agreements`, valid: { personId, type: 'integrity_restriction', description: 'Geen contact met het oude netwerk.', consequence: 'Het pakket wordt herbeoordeeld.', followUpOn: '2026-12-01' } as Record<string, unknown>, optional: ['followUpOn'], untouched: [] as string[] },
  { path: `/api/cases/${caseId}/care-referrals`, valid: { personId, module: 'care_partner', description: 'Via huisarts', followUpOn: '2026-12-01' } as Record<string, unknown>, optional: ['followUpOn'], untouched: ['description'] },
  { path: `/api/cases/${caseId}/employers`, valid: { personId, name: 'Werkgever BV', contact: 'HR', owner: 'Hoofd HR', followUpOn: '2026-12-01' } as Record<string, unknown>, optional: ['followUpOn'], untouched: ['contact'] },
  { path: `/api/cases/${caseId}/arrangements/${arrangementId}/steps`, valid: { expectedVersion: 1, action: 'refuse', note: 'Wil geen afspraken maken.', followUpOn: '2026-12-01' } as Record<string, unknown>, optional: ['followUpOn'], untouched: ['note'] },
];

async function expectRefused(path: string, body: unknown, field?: string) {
  const session = await f.session('liaison');
  const [before, audits] = [await stored(), await countAuditEntries(f.database.db)];
  const reply = await f.api(session, 'POST', path, body);
  expect(reply.status, `${path} ${JSON.stringify(body).slice(0, 200)}`).toBeGreaterThanOrEqual(400);
  expect(reply.status).toBeLessThan(500);
  const error = (reply.body as { error: { message: string; details?: { field?: string; issues?: { field: string }[] } } }).error;
  expect(error.message.length).toBeGreaterThan(0);
  if (field) expect([error.details?.field, ...(error.details?.issues?.map((i) => i.field) ?? [])]).toContain(field);
  expect(await stored()).toEqual(before);
  expect(await countAuditEntries(f.database.db)).toBe(audits + 1);
}

describe('bad input on the arrangement write routes', () => {
  it('generated bad bodies get a clear 4xx and change nothing', async () => {
    const wrong = wrongValue({ maxInt: -1, strings: BAD_STRINGS });
    for (const route of routes()) {
      await fc.assert(fc.asyncProperty(badBody(route.valid, { wrong, fewerKeysThan: 2, optional: route.optional, untouched: route.untouched }), (body) => expectRefused(route.path, body)), { numRuns: 20 });
    }
  });

  it('a control character in any text position is a 400 naming the field', async () => {
    for (const route of routes()) {
      for (const { field, body } of unsafeTextPositions(route.valid)) if (field !== 'personId') await expectRefused(route.path, body, field);
    }
  });

  it('the rules name the field: a person not on the case, a past follow-up, a refusal without a note, an unknown action, an owner on an agreement', async () => {
    const [agreements, care, , steps] = routes();
    await expectRefused(agreements!.path, { ...agreements!.valid, personId: crypto.randomUUID() }, 'personId');
    await expectRefused(care!.path, { ...care!.valid, followUpOn: '2020-01-01' }, 'followUpOn');
    await expectRefused(steps!.path, { expectedVersion: 1, action: 'refuse', note: 'nee' }, 'note');
    await expectRefused(steps!.path, { expectedVersion: 1, action: 'fly' }, 'action');
    await expectRefused(steps!.path, { expectedVersion: 1, action: 'accept', owner: 'Iemand' }, 'owner');
    await expectRefused(steps!.path, { expectedVersion: 1, action: 'start' });
    await expectRefused(`/api/cases/${caseId}/arrangements/${crypto.randomUUID()}/steps`, { expectedVersion: 1, action: 'accept' });
  });

  it('a malformed asOf on the as-of reads (arrangements, objections) is a 400 naming the field (ADR 0031)', async () => {
    const session = await f.session('liaison');
    for (const [read, asOf] of ['arrangements', 'objections'].flatMap((r) => ['gisteren', '2026-13-01T00:00:00Z', '2026-03-01'].map((a) => [r, a] as const))) {
      const reply = await f.api(session, 'GET', `/api/cases/${caseId}/${read}?asOf=${encodeURIComponent(asOf)}`);
      expect(reply.status, `${read} ${asOf}`).toBe(400);
      const error = (reply.body as { error: { details?: { field?: string; issues?: { field: string }[] } } }).error;
      expect([error.details?.field, ...(error.details?.issues?.map((i) => i.field) ?? [])]).toContain('asOf');
    }
  });
});
