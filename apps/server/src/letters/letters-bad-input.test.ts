import type { ObjectionsView, ObjectionView } from '@hoeder/contracts';
import { countAuditEntries } from '@hoeder/db';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { badBody, BAD_STRINGS, unsafeTextPositions, wrongValue } from '../testing/bad-bodies';
import { openHttpFixture, type HttpFixture } from '../testing/http-fixture';
import { driveCase } from '../testing/http-flows';
import { addressedTo, letterRecords, type LetterRecords } from '../testing/letter-records';

/**
 * Bad input on every write route of letters and objections: a clear 4xx naming the field, never a
 * 5xx; no letter or objection is written or changed; exactly one audit entry logs the attempt.
 */
let f: HttpFixture;
let caseId: string;
let decisionId: string;
let objection: ObjectionView;
let letterId: string;
let records: LetterRecords;

const counts = async () => {
  const letters = await f.database.db.selectFrom('case_letter').select(['letter_id', 'status']).execute();
  const objections = await f.database.db.selectFrom('case_objection').select(['objection_id', 'updated_at']).execute();
  const authorities = await f.database.db.selectFrom('local_authority_addressee').select('addressee_id').execute();
  return JSON.stringify({ letters, objections, authorities });
};

beforeAll(async () => {
  f = await openHttpFixture();
  caseId = await driveCase(f, 'dep_confidential', ['analist', 'besluit', 'besluit2', 'liaison'], 'measures_active');
  const liaison = await f.session('liaison');
  records = await letterRecords(f, caseId, liaison);
  letterId = ((await f.api(liaison, 'POST', `/api/cases/${caseId}/letters`, addressedTo(records).decision_letter)).body as { letterId: string }).letterId;
  decisionId = ((await f.api(liaison, 'GET', `/api/cases/${caseId}/objections`)).body as ObjectionsView).decisions[0]!.decisionId;
  objection = (await f.api(liaison, 'POST', `/api/cases/${caseId}/objections`, { decisionId, party: 'person', receivedOn: '2026-03-02', grounds: 'Het pakket is te zwaar.', advisoryCommittee: false })).body as ObjectionView;
}, 180_000);
afterAll(() => f.close());

const routes = () => [
  { who: 'liaison', path: `/api/cases/${caseId}/letters`, valid: addressedTo(records).authority_notice, optional: [], fewer: 2 },
  { who: 'liaison', path: '/api/letters/local-authorities', valid: { role: 'chief_prosecutor', name: 'de hoofdofficier', office: 'Parket Ergens', addressLines: ['Postbus 2'] }, optional: [], fewer: 4 },
  { who: 'liaison', path: `/api/cases/${caseId}/objections`, valid: { decisionId, party: 'person', receivedOn: '2026-03-02', grounds: 'Een bezwaar met gronden.', advisoryCommittee: false }, optional: [], fewer: 5 },
  { who: 'besluit', path: `/api/cases/${caseId}/objections/${objection.objectionId}/steps`, valid: { type: 'DecideObjection', expectedUpdatedAt: objection.updatedAt, outcome: 'unfounded', decidedOn: '2026-03-02', motivation: 'Een motivering van voldoende lengte.' }, optional: [], fewer: 5 },
];

describe('bad input on every write route of letters and objections', () => {
  it('is answered with a clear 4xx, changes nothing, and logs exactly the failed attempt', async () => {
    for (const route of routes()) {
      await fc.assert(
        fc.asyncProperty(badBody(route.valid, { wrong: wrongValue({ maxInt: 0, strings: BAD_STRINGS }), fewerKeysThan: route.fewer, optional: route.optional }), async (body) => {
          const who = await f.session(route.who);
          const before = await counts();
          const audits = await countAuditEntries(f.database.db);
          const reply = await f.api(who, 'POST', route.path, body);
          expect(reply.status, `${route.path} ${JSON.stringify(body).slice(0, 200)}`).toBeGreaterThanOrEqual(400);
          expect(reply.status).toBeLessThan(500);
          expect((reply.body as { error: { message: string } }).error.message.length).toBeGreaterThan(0);
          expect(await counts()).toBe(before);
          expect(await countAuditEntries(f.database.db)).toBe(audits + 1);
        }),
        { numRuns: 25 },
      );
    }
  });

  it('names the field: an address line with a control character, a receipt in the future, a decision of another case', async () => {
    const liaison = await f.session('liaison');
    const cases: [string, unknown, string][] = [
      [`/api/cases/${caseId}/letters`, { kind: 'authority_notice', addressedFrom: { kind: 'person', id: records.personId } }, 'addressedFrom.kind'],
      [`/api/cases/${caseId}/letters`, { ...addressedTo(records).employer_letter, addressId: records.addressId }, 'addressId'],
      [`/api/cases/${caseId}/letters`, { kind: 'employer_letter', addressedFrom: { kind: 'employer', id: 'werkgever' } }, 'addressedFrom.id'],
      ['/api/letters/local-authorities', { role: 'mayor', name: 'de burgemeester 😀', office: 'Gemeente Ergens', addressLines: ['Postbus 1'] }, 'name'],
      ['/api/letters/local-authorities', { role: 'mayor', name: 'de burgemeester', office: 'Gemeente Ergens', addressLines: ['a\u0007b'] }, 'addressLines.0'],
      ['/api/letters/local-authorities', { role: 'alderman', name: 'de wethouder', office: 'Gemeente Ergens', addressLines: ['Postbus 1'] }, 'role'],
      [`/api/cases/${caseId}/objections`, { decisionId, party: 'person', receivedOn: '2026-03-03', grounds: 'Een bezwaar met gronden.', advisoryCommittee: false }, 'receivedOn'],
      [`/api/cases/${caseId}/objections`, { decisionId: 'not-a-decision', party: 'person', receivedOn: '2026-03-02', grounds: 'Een bezwaar met gronden.', advisoryCommittee: false }, 'decisionId'],
      [`/api/cases/${caseId}/objections`, { decisionId, party: 'neighbour', receivedOn: '2026-03-02', grounds: 'Een bezwaar met gronden.', advisoryCommittee: false }, 'party'],
    ];
    for (const [path, body, field] of cases) {
      const before = await counts();
      const reply = await f.api(liaison, 'POST', path, body);
      expect({ field, status: reply.status }).toEqual({ field, status: 400 });
      expect(JSON.stringify(reply.body)).toContain(field);
      expect(await counts()).toBe(before);
    }
  });

  it('refuses approving a letter of another case or a step on an unknown objection (404)', async () => {
    const besluit = await f.session('besluit');
    expect((await f.api(besluit, 'POST', `/api/cases/${caseId}/letters/00000000-0000-4000-8000-0000000000ff/approve`, {})).status).toBe(404);
    expect((await f.api(besluit, 'POST', `/api/cases/${caseId}/objections/00000000-0000-4000-8000-0000000000ff/steps`, { type: 'ExtendTerm', expectedUpdatedAt: objection.updatedAt })).status).toBe(404);
    // Ids that are no ids: a 400 naming the parameter, nothing changed.
    const before = await counts();
    const badLetter = await f.api(besluit, 'POST', `/api/cases/${caseId}/letters/not-a-letter/approve`, {});
    expect(badLetter.status).toBe(400);
    expect(JSON.stringify(badLetter.body)).toContain('letterId');
    const badObjection = await f.api(besluit, 'POST', `/api/cases/${caseId}/objections/not-an-objection/steps`, { type: 'ExtendTerm', expectedUpdatedAt: objection.updatedAt });
    expect(badObjection.status).toBe(400);
    expect(JSON.stringify(badObjection.body)).toContain('objectionId');
    expect(await counts()).toBe(before);
    expect(letterId).toBeTruthy();
  });

  it('refuses a control character or lone surrogate in every text position with a 400 naming the field', async () => {
    for (const route of routes()) {
      const who = await f.session(route.who);
      for (const { field, body } of unsafeTextPositions(route.valid)) {
        const before = await counts();
        const reply = await f.api(who, 'POST', route.path, body);
        expect(reply.status, `${route.path} ${field}`).toBe(400);
        const error = (reply.body as { error: { details: { issues: { field: string }[] } } }).error;
        expect(error.details.issues.map((i) => i.field), `${route.path} ${field}`).toContain(field);
        expect(await counts()).toBe(before);
      }
    }
  });
});
