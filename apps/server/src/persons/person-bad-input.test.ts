import fc from 'fast-check';
import { countAuditEntries } from '@hoeder/db';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { badBody, BAD_STRINGS, unsafeTextPositions, wrongValue } from '../testing/bad-bodies';
import { openHttpFixture, type HttpFixture } from '../testing/http-fixture';
import { driveCase } from '../testing/http-flows';

/**
 * Bad input on the person-file and contact-log routes (issue 12): a clear 4xx naming the field,
 * nothing stored, one audit entry each.
 */
let f: HttpFixture;
let caseId = '';
let personId = '';
beforeAll(async () => {
  f = await openHttpFixture();
  caseId = await driveCase(f, 'dep_confidential', ['analist', 'besluit', 'besluit2', 'liaison'], 'measures_active');
  const view = await f.api(await f.session('liaison'), 'GET', `/api/cases/${caseId}`);
  personId = (view.body as { persons: { personId: string }[] }).persons[0]!.personId;
}, 180_000);
afterAll(() => f.close());

const stored = async () => {
  const n = async (t: string) => Number((await sql<{ n: string }>`SELECT count(*) AS n FROM ${sql.table(t)}`.execute(f.database.db)).rows[0]?.n);
  return { details: await n('person_details_version'), contacts: await n('contact_log_entry'), persons: await n('person') };
};

const address = { domain: 'home', label: 'Woning', street: 'Laan 1', postcode: '1234 AB', city: 'Utrecht' };
const routes = () => [
  { who: 'liaison', path: `/api/persons/${personId}/details`, valid: { expectedVersion: 0, phone: '0612345678', email: 'a@example.org', addresses: [address] } as Record<string, unknown>, untouched: ['phone', 'email'] },
  {
    who: 'liaison',
    path: `/api/cases/${caseId}/contact`,
    valid: { expectedSeq: 0, contactDate: '2026-03-02', channel: 'phone', spokeWith: 'Betrokkene', discussed: 'Stand van zaken.', informationGiven: true, toldTopic: 'threat_background', message: 'Wij bespraken de achtergrond.' } as Record<string, unknown>,
    untouched: [],
    optional: ['toldTopic'],
  },
  { who: 'triage', path: '/api/persons/duplicates', valid: { persons: [{ fullName: 'Test Persoon', dateOfBirth: '1980-04-01' }] } as Record<string, unknown>, untouched: [] },
];

async function expectRefused(who: string, path: string, body: unknown, field?: string) {
  const session = await f.session(who);
  const [before, audits] = [await stored(), await countAuditEntries(f.database.db)];
  const reply = await f.api(session, 'POST', path, body);
  expect(reply.status, `${path} ${JSON.stringify(body).slice(0, 200)}`).toBeGreaterThanOrEqual(400);
  expect(reply.status).toBeLessThan(500);
  const error = (reply.body as { error: { message: string; details?: { field?: string; issues?: { field: string }[] } } }).error;
  expect(error.message.length).toBeGreaterThan(0);
  if (field) expect([...(error.details?.issues?.map((i) => i.field) ?? []), error.details?.field]).toContain(field);
  expect(await stored()).toEqual(before);
  expect(await countAuditEntries(f.database.db)).toBe(audits + 1);
}

describe('bad input on the person-file and contact-log routes', () => {
  it('generated bad bodies get a clear 4xx and change nothing', async () => {
    const wrong = wrongValue({ maxInt: -1, strings: BAD_STRINGS });
    for (const route of routes()) {
      await fc.assert(fc.asyncProperty(badBody(route.valid, { wrong, fewerKeysThan: 2, untouched: route.untouched, optional: route.optional ?? [] }), (body) => expectRefused(route.who, route.path, body)), { numRuns: 20 });
    }
  });

  it('a control character in any text position is a 400 naming the field', async () => {
    for (const route of routes()) {
      for (const { field, body } of unsafeTextPositions(route.valid)) await expectRefused(route.who, route.path, body, field);
    }
  });

  it('names the field: a foreign postcode, a bad e-mail, information given without the message, an unknown channel', async () => {
    const details = `/api/persons/${personId}/details`;
    await expectRefused('liaison', details, { expectedVersion: 0, phone: null, email: null, addresses: [{ ...address, postcode: 'B-1000' }] }, 'addresses.0.postcode');
    await expectRefused('liaison', details, { expectedVersion: 0, phone: null, email: 'geen-adres', addresses: [] }, 'email');
    await expectRefused('liaison', details, { expectedVersion: 0, phone: null, email: null, addresses: [{ ...address, domain: 'holiday' }] }, 'addresses.0.domain');
    const contact = `/api/cases/${caseId}/contact`;
    const valid = routes()[1]!.valid;
    await expectRefused('liaison', contact, { ...valid, message: '' }, 'message');
    await expectRefused('liaison', contact, { ...valid, channel: 'pigeon' }, 'channel');
    await expectRefused('liaison', contact, { ...valid, contactDate: '2026-02-30' }, 'contactDate');
    // A correction says why; a reason without a correction is refused too.
    await expectRefused('liaison', contact, { ...valid, correctsEntryId: crypto.randomUUID() }, 'correctionReason');
    await expectRefused('liaison', contact, { ...valid, correctsEntryId: crypto.randomUUID(), correctionReason: '  ' }, 'correctionReason');
    await expectRefused('liaison', contact, { ...valid, correctionReason: 'Zomaar.' }, 'correctionReason');
  });

  it('a contradicting message without acknowledgement is a 422 naming the acknowledgement, and stores nothing', async () => {
    const valid = routes()[1]!.valid;
    await expectRefused('liaison', `/api/cases/${caseId}/contact`, { ...valid, message: 'U krijgt beveiligd vervoer met een chauffeur.' }, 'acknowledgeContradictions');
  });
});
