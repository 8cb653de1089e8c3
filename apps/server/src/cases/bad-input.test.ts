import fc from 'fast-check';
import { badBody, BAD_STRINGS, unsafeTextPositions, wrongValue } from '../testing/bad-bodies';
import { countAuditEntries, countCaseEvents } from '@hoeder/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openHttpFixture, type HttpFixture } from '../testing/http-fixture';
import { driveCase } from '../testing/http-flows';
import { samplePolicyFacts, sampleRegistration, userIdOf } from '../testing/service-fixture';

/**
 * Bad input gets a clear error and changes nothing: generated bodies for every write route give a
 * 4xx with a message, never a 5xx; no event is written; exactly one audit entry logs the attempt.
 */
let f: HttpFixture;
let caseId: string;
let version: number;

beforeAll(async () => {
  f = await openHttpFixture();
  caseId = await driveCase(f, 'dep_confidential', ['analist', 'besluit', 'besluit2'], 'assessed');
  const view = await f.api(await f.session('besluit'), 'GET', `/api/cases/${caseId}`);
  version = (view.body as { version: number }).version;
}, 120_000);
afterAll(() => f.close());

const decisionId = '3f0c9a4e-2b1d-4c8e-9a7f-5d6e7f8a9b0c';
const routes = (): { who: string; path: string; valid: Record<string, unknown> }[] => [
  { who: 'triage', path: '/api/cases', valid: { ...sampleRegistration() } },
  { who: 'triage', path: `/api/cases/${caseId}/members`, valid: { expectedVersion: version, userId: userIdOf('politie') } },
  { who: 'triage', path: `/api/cases/${caseId}/triage`, valid: { expectedVersion: version, facts: { phenomenon: 'terrorism', onLimitedList: false, inWitnessProtectionTrack: false, ownResistanceSufficient: false }, outcome: 'national', motivation: 'Een motivering van voldoende lengte.' } },
  { who: 'besluit', path: `/api/cases/${caseId}/decisions`, valid: { expectedVersion: version, facts: samplePolicyFacts(), factOverrides: [], motivation: 'Een motivering van voldoende lengte.' } },
  { who: 'besluit2', path: `/api/cases/${caseId}/decisions/${decisionId}/approve`, valid: { expectedVersion: version, note: 'Akkoord.' } },
  { who: 'besluit2', path: `/api/cases/${caseId}/decisions/${decisionId}/reject`, valid: { expectedVersion: version, reason: 'Niet akkoord met de motivering.' } },
  { who: 'besluit', path: `/api/cases/${caseId}/end`, valid: { expectedVersion: version, reason: 'Beëindigd want getest.' } },
];

const BAD = { wrong: wrongValue({ maxInt: 0, strings: BAD_STRINGS }), fewerKeysThan: 3, optional: ['note'] };

describe('bad input on every write route', () => {
  it('is answered with a clear 4xx, writes no event, and logs exactly the failed attempt', async () => {
    for (const route of routes()) {
      await fc.assert(
        fc.asyncProperty(badBody(route.valid, BAD), async (body) => {
          const who = await f.session(route.who);
          const events = await countCaseEvents(f.database.db);
          const audits = await countAuditEntries(f.database.db);
          const reply = await f.api(who, 'POST', route.path, body);
          expect(reply.status, `${route.path} ${JSON.stringify(body).slice(0, 200)}`).toBeGreaterThanOrEqual(400);
          expect(reply.status).toBeLessThan(500);
          const error = (reply.body as { error: { code: string; message: string } }).error;
          expect(error.message.length).toBeGreaterThan(0);
          expect(await countCaseEvents(f.database.db)).toBe(events);
          expect(await countAuditEntries(f.database.db)).toBe(audits + 1);
        }),
        { numRuns: 25 },
      );
    }
    expect(await f.deps.audit.verify(f.database.db)).toMatchObject({ ok: true });
  });

  it('refuses a control character or lone surrogate in every text position with a 400 naming the field', async () => {
    const routesWithBreakGlass = [...routes(), { who: 'lcc', path: `/api/cases/${caseId}/break-glass`, valid: { justification: 'Spoed: dreiging vannacht.' } }];
    for (const route of routesWithBreakGlass) {
      const who = await f.session(route.who);
      for (const { field, body } of unsafeTextPositions(route.valid)) {
        const [events, audits] = [await countCaseEvents(f.database.db), await countAuditEntries(f.database.db)];
        const reply = await f.api(who, 'POST', route.path, body);
        expect(reply.status, `${route.path} ${field}`).toBe(400);
        const error = (reply.body as { error: { code: string; details: { issues: { field: string }[] } } }).error;
        expect(error.details.issues.map((i) => i.field), `${route.path} ${field}`).toContain(field);
        expect(await countCaseEvents(f.database.db)).toBe(events);
        expect(await countAuditEntries(f.database.db)).toBe(audits + 1);
      }
    }
  });

  it('refuses bodies that are not JSON, too large, or malformed', async () => {
    const who = await f.session('triage');
    const send = (body: string, contentType: string) =>
      fetch(new URL('/api/cases', f.baseUrl), { method: 'POST', headers: { cookie: who.cookie, 'x-csrf-token': who.csrfToken, 'content-type': contentType }, body });
    const events = await countCaseEvents(f.database.db);
    expect((await send('{"referralSource":', 'application/json')).status).toBe(400);
    expect((await send('referralSource=mayor', 'text/plain')).status).toBe(415);
    expect((await send(JSON.stringify({ firstInformation: 'x'.repeat(300_000) }), 'application/json')).status).toBe(413);
    expect(await countCaseEvents(f.database.db)).toBe(events);
  });

  it('gives the second of two writers on the same version a 409, and loses nothing', async () => {
    const view = await f.api(await f.session('triage'), 'GET', `/api/cases/${caseId}`);
    const current = (view.body as { version: number }).version;
    const events = await countCaseEvents(f.database.db);
    const [a, b] = await Promise.all(
      ['politie', 'lcc'].map(async (u) => f.api(await f.session('triage'), 'POST', `/api/cases/${caseId}/members`, { expectedVersion: current, userId: userIdOf(u) })),
    );
    expect([a!.status, b!.status].sort()).toEqual([200, 409]);
    const loser = [a!, b!].find((r) => r.status === 409)!;
    expect((loser.body as { error: { code: string } }).error.code).toBe('VERSION_CONFLICT');
    expect(await countCaseEvents(f.database.db)).toBe(events + 1);
  });
});
