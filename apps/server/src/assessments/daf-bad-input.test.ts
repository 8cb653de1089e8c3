import fc from 'fast-check';
import { badBody, BAD_STRINGS, unsafeTextPositions, wrongValue } from '../testing/bad-bodies';
import { countAssessmentEvents, countAuditEntries, countCaseEvents } from '@hoeder/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openHttpFixture, type HttpFixture } from '../testing/http-fixture';
import { sampleRegistration, userIdOf } from '../testing/service-fixture';
import { completeContent, productInput, TEMPLATE_REF } from './daf-samples';

/**
 * Bad input on every DAF write route: a clear 4xx, never a 5xx; no event in either stream; exactly
 * one audit entry for the attempt. Plus the 409 for two analysts writing on the same version.
 */
let f: HttpFixture;
let caseId: string;
let version: number;
let today: string;

beforeAll(async () => {
  f = await openHttpFixture();
  today = f.clock.now().toISOString().slice(0, 10);
  const triage = await f.session('triage');
  caseId = ((await f.api(triage, 'POST', '/api/cases', sampleRegistration())).body as { caseId: string }).caseId;
  let v = 1;
  for (const u of ['analist', 'analist2']) v = ((await f.api(triage, 'POST', `/api/cases/${caseId}/members`, { expectedVersion: v, userId: userIdOf(u) })).body as { version: number }).version;
  const facts = { phenomenon: 'organised_crime', onLimitedList: false, inWitnessProtectionTrack: false, ownResistanceSufficient: false };
  await f.api(triage, 'POST', `/api/cases/${caseId}/triage`, { expectedVersion: v, facts, outcome: 'national', motivation: 'Georganiseerde criminaliteit, nationaal.' });
  const analyst = await f.session('analist');
  const item = await f.api(analyst, 'POST', `/api/cases/${caseId}/assessment/items`, { expectedVersion: 0, item: productInput(today) });
  version = (item.body as { version: number }).version;
}, 120_000);
afterAll(() => f.close());

const routes = (): { path: string; valid: Record<string, unknown> }[] => {
  const base = `/api/cases/${caseId}/assessment`;
  return [
    { path: `${base}/items`, valid: { expectedVersion: version, item: productInput(today) } },
    { path: `${base}/drafts`, valid: { expectedVersion: version, template: TEMPLATE_REF, classification: 'stg_confidential' } },
    { path: `${base}/draft`, valid: { expectedVersion: version, content: completeContent([], today) } },
    { path: `${base}/submit`, valid: { expectedVersion: version } },
    { path: `${base}/challenges`, valid: { expectedVersion: version, verdict: 'dissent', reasons: 'Onvoldoende onderbouwd scenario.' } },
    { path: `${base}/return-to-draft`, valid: { expectedVersion: version, reason: 'Terug om te herzien.' } },
    { path: `${base}/finalise`, valid: { expectedVersion: version, validUntil: '2026-12-01', responseToDissent: 'Een reactie op de tegenspraak.' } },
    { path: `${base}/assumption-tests`, valid: { expectedVersion: version, assumptionId: 'a-1', outcome: 'holds', note: 'Aanname houdt stand.', nextRetestOn: '2026-12-01' } },
  ];
};

const BAD = { wrong: wrongValue({ maxInt: -1, strings: BAD_STRINGS }), fewerKeysThan: 1, optional: ['responseToDissent'] };

describe('bad input on every DAF write route', () => {
  it('is answered with a clear 4xx, writes nothing, and logs exactly the failed attempt', async () => {
    const who = await f.session('analist');
    for (const route of routes()) {
      await fc.assert(
        fc.asyncProperty(badBody(route.valid, BAD), async (body) => {
          const events = (await countAssessmentEvents(f.database.db)) + (await countCaseEvents(f.database.db));
          const audits = await countAuditEntries(f.database.db);
          const reply = await f.api(who, 'POST', route.path, body);
          expect(reply.status, `${route.path} ${JSON.stringify(body).slice(0, 200)}`).toBeGreaterThanOrEqual(400);
          expect(reply.status).toBeLessThan(500);
          expect((reply.body as { error: { message: string } }).error.message.length).toBeGreaterThan(0);
          expect((await countAssessmentEvents(f.database.db)) + (await countCaseEvents(f.database.db))).toBe(events);
          expect(await countAuditEntries(f.database.db)).toBe(audits + 1);
        }),
        { numRuns: 20 },
      );
    }
    expect(await f.deps.audit.verify(f.database.db)).toMatchObject({ ok: true });
  });

  it('refuses a control character or lone surrogate in every text position (items, drafts, content) with a 400 naming the field', async () => {
    const who = await f.session('analist');
    const common = Object.fromEntries(Object.entries(productInput(today)).filter(([k]) => !['originator', 'legalBasis', 'partnerReference'].includes(k)));
    const soft = { expectedVersion: version, item: { ...common, kind: 'soft_information', sourceDescription: 'Een informant uit de omgeving.' } };
    for (const route of [...routes(), { path: `/api/cases/${caseId}/assessment/items`, valid: soft }]) {
      for (const { field, body } of unsafeTextPositions(route.valid)) {
        const events = (await countAssessmentEvents(f.database.db)) + (await countCaseEvents(f.database.db));
        const audits = await countAuditEntries(f.database.db);
        const reply = await f.api(who, 'POST', route.path, body);
        expect(reply.status, `${route.path} ${field}`).toBe(400);
        const error = (reply.body as { error: { details: { issues: { field: string }[] } } }).error;
        expect(error.details.issues.map((i) => i.field), `${route.path} ${field}`).toContain(field);
        expect((await countAssessmentEvents(f.database.db)) + (await countCaseEvents(f.database.db))).toBe(events);
        expect(await countAuditEntries(f.database.db)).toBe(audits + 1);
      }
    }
  });

  it('gives the second of two analysts on the same version a 409, and loses nothing', async () => {
    const before = await countAssessmentEvents(f.database.db);
    const [a, b] = await Promise.all(
      ['analist', 'analist2'].map(async (u) => f.api(await f.session(u), 'POST', `/api/cases/${caseId}/assessment/items`, { expectedVersion: version, item: productInput(today) })),
    );
    expect([a!.status, b!.status].sort()).toEqual([200, 409]);
    expect(([a!, b!].find((r) => r.status === 409)!.body as { error: { code: string } }).error.code).toBe('VERSION_CONFLICT');
    expect(await countAssessmentEvents(f.database.db)).toBe(before + 1);
  });
});
