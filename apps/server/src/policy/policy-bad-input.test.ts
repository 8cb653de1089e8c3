import fc from 'fast-check';
import { badBody, UNSAFE_TEXT, unsafeTextPositions, wrongValue } from '../testing/bad-bodies';
import { countAuditEntries } from '@hoeder/db';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openHttpFixture, type HttpFixture } from '../testing/http-fixture';
import { driveCase } from '../testing/http-flows';
import { samplePolicyFacts } from '../testing/service-fixture';

/**
 * Bad input on the policy write routes gets a clear 4xx, changes no policy version and no case,
 * and leaves exactly one audit entry (the edge or the service logs the refused attempt).
 */
let f: HttpFixture;
let caseId: string;

beforeAll(async () => {
  f = await openHttpFixture();
  caseId = await driveCase(f, 'dep_confidential', ['analist', 'besluit', 'besluit2'], 'assessed');
  // The shipped versions are in the store before the properties count rows.
  await f.deps.policies.ensureShipped();
}, 120_000);
afterAll(() => f.close());

const routes = (): { who: string; path: string; valid: Record<string, unknown> }[] => [
  { who: 'beheer', path: '/api/policy/versions/2027.1/draft', valid: { expectedRevision: 1, effectiveFrom: '2027-01-01', summary: 'Concept', xml: '<definitions/>' } },
  { who: 'beheer', path: '/api/policy/versions/2027.1/validate', valid: { xml: '<definitions/>' } },
  { who: 'beheer', path: '/api/policy/versions/2027.1/submit', valid: { expectedRevision: 9, note: 'Ter vaststelling.' } },
  { who: 'beheer2', path: '/api/policy/versions/2027.1/publish', valid: { expectedRevision: 9, note: 'Akkoord.' } },
  { who: 'beheer2', path: '/api/policy/versions/2027.1/return', valid: { expectedRevision: 9, note: 'Terug.' } },
  { who: 'besluit', path: `/api/cases/${caseId}/policy/proposal`, valid: { facts: samplePolicyFacts() } },
];

// Any non-empty string is a valid (if useless) DMN text to validate, so only the empty one.
const BAD = { wrong: wrongValue({ maxInt: -1, strings: fc.oneof(fc.constant(''), UNSAFE_TEXT) }), fewerKeysThan: 0, untouched: ['note'] };

const policyRows = async () => {
  const { rows } = await sql<{ n: string }>`SELECT count(*) AS n FROM policy_version_history`.execute(f.database.db);
  return Number(rows[0]?.n);
};

describe('bad input on the policy write routes', () => {
  it('is answered with a clear 4xx, changes no policy version, and logs exactly the failed attempt', async () => {
    for (const route of routes()) {
      await fc.assert(
        fc.asyncProperty(badBody(route.valid, BAD), async (body) => {
          const who = await f.session(route.who);
          const [history, audits] = [await policyRows(), await countAuditEntries(f.database.db)];
          const reply = await f.api(who, 'POST', route.path, body);
          expect(reply.status, `${route.path} ${JSON.stringify(body).slice(0, 200)}`).toBeGreaterThanOrEqual(400);
          expect(reply.status).toBeLessThan(500);
          expect((reply.body as { error: { message: string } }).error.message.length).toBeGreaterThan(0);
          expect(await policyRows()).toBe(history);
          expect(await countAuditEntries(f.database.db)).toBe(audits + 1);
        }),
        { numRuns: 20 },
      );
    }
  });

  it('refuses a control character or lone surrogate in every text position (summary, DMN XML, notes) with a 400 naming the field', async () => {
    for (const route of routes()) {
      const who = await f.session(route.who);
      for (const { field, body } of unsafeTextPositions(route.valid)) {
        const [history, audits] = [await policyRows(), await countAuditEntries(f.database.db)];
        const reply = await f.api(who, 'POST', route.path, body);
        expect(reply.status, `${route.path} ${field}`).toBe(400);
        const error = (reply.body as { error: { details: { issues: { field: string }[] } } }).error;
        expect(error.details.issues.map((i) => i.field), `${route.path} ${field}`).toContain(field);
        expect(await policyRows()).toBe(history);
        expect(await countAuditEntries(f.database.db)).toBe(audits + 1);
      }
    }
  });

  it('refuses a bad version name and an invalid model with the validation messages', async () => {
    const who = await f.session('beheer');
    expect((await f.api(who, 'POST', '/api/policy/versions/not-a-version/validate', { xml: '<x/>' })).status).toBe(400);
    const save = await f.api(who, 'POST', '/api/policy/versions/2027.1/draft', { expectedRevision: 1, effectiveFrom: '2027-01-01', summary: 'Concept', xml: '<definitions/>' });
    expect(save.status).toBe(400);
    expect((save.body as { error: { details: { messages: unknown[] } } }).error.details.messages.length).toBeGreaterThan(0);
  });
});
