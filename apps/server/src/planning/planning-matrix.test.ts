import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../demo/demo-accounts';
import { auditOfRequest, trackRequests, uncoveredRoutes } from '../testing/access-matrix';
import { openHttpFixture, type HttpFixture } from '../testing/http-fixture';
import { demoPlanningInputSource } from './planning-input';
import { waitForRun, type RunBody } from './testing';

/**
 * The planning and roster access matrix (ADR 0019): every demo account × every route. The LCC
 * coordinator plans and reads everything; a unit lead reads published versions only, and of them
 * only their own unit's rows (another unit, an officer or a case of another unit: 404, as if it
 * did not exist); everyone else is refused. Every request leaves exactly one audit entry.
 */
let f: HttpFixture;
let seen: () => Set<string>;
const fx = { published: '', draft: '', runId: '', beOfficer: '', bsbOfficer: '', beCase: '', bsbOnlyCase: '' };

type Units = { view: { officers: { officerId: string; cells: { kind: string; caseId?: string }[] }[] } };
const casesOf = (u: Units) => new Set(u.view.officers.flatMap((o) => o.cells.map((c) => c.caseId).filter((c): c is string => !!c)));

beforeAll(async () => {
  f = await openHttpFixture({ env: { HOEDER_JOB_POLL_MS: '100', HOEDER_PLAN_TIME_LIMIT_MS: '500' }, planning: { source: demoPlanningInputSource({ persons: 16, officerScale: 0.1 }), useMip: false } });
  const lcc = await f.session('lcc');
  const run = await waitForRun(f, ((await f.api(lcc, 'POST', '/api/planning/runs', { startDate: '2026-03-09', days: 7 })).body as RunBody).runId);
  fx.runId = run.runId;
  fx.published = run.versionId!;
  await f.api(lcc, 'POST', `/api/roster/versions/${fx.published}/publish`);
  const be = (await f.api(lcc, 'GET', `/api/roster/versions/${fx.published}/units/be-1`)).body as Units;
  const bsb = (await f.api(lcc, 'GET', `/api/roster/versions/${fx.published}/units/bsb-1`)).body as Units;
  fx.beOfficer = be.view.officers[0]!.officerId;
  fx.bsbOfficer = bsb.view.officers[0]!.officerId;
  const [beCases, bsbCases] = [casesOf(be), casesOf(bsb)];
  fx.beCase = [...beCases][0]!;
  fx.bsbOnlyCase = [...bsbCases].find((c) => !beCases.has(c))!;
  const draft = await f.api(lcc, 'POST', `/api/roster/versions/${fx.published}/disruptions`, { kind: 'officer-sick', officerId: fx.beOfficer, dates: ['2026-03-10'] });
  // A replan is a job (ADR 0027): the answer is its run; done, the run names the new version.
  fx.draft = (await waitForRun(f, (draft.body as RunBody).runId)).versionId!;
  seen = trackRequests(f);
}, 120_000);
afterAll(() => f?.close());

describe.each(DEMO_ACCOUNTS.map((a) => [a.username, a] as const))('planning and rosters for %s', (username) => {
  it('answers each route by role and unit and audits every request once', async () => {
    expect(fx.beCase && fx.bsbOnlyCase && fx.draft).toBeTruthy();
    const who = await f.session(username);
    const lcc = username === 'lcc';
    const lead = username === 'politie' ? 'be' : username === 'kmar' ? 'bsb' : null;
    const plan = lcc ? 200 : 403;
    const read = lcc || lead ? 200 : 403;
    /** A unit lead's own row answers 200, another unit's 404. */
    const own = (mine: 'be' | 'bsb') => (lcc ? 200 : lead === null ? 403 : lead === mine ? 200 : 404);
    const v = `/api/roster/versions/${fx.published}`;
    const requests: [string, 'GET' | 'POST', string, unknown, number][] = [
      ['start', 'POST', '/api/planning/runs', { startDate: '2026-03-16', days: 1 }, lcc ? 202 : 403],
      ['runs', 'GET', '/api/planning/runs', undefined, plan],
      ['run', 'GET', `/api/planning/runs/${fx.runId}`, undefined, plan],
      ['cancel ended run', 'POST', `/api/planning/runs/${fx.runId}/cancel`, undefined, lcc ? 409 : 403],
      ['versions', 'GET', '/api/roster/versions', undefined, read],
      ['published', 'GET', v, undefined, read],
      ['draft', 'GET', `/api/roster/versions/${fx.draft}`, undefined, lcc ? 200 : lead ? 404 : 403],
      ['case of be-1', 'GET', `${v}/cases/${fx.beCase}`, undefined, own('be')],
      ['case of bsb-1 only', 'GET', `${v}/cases/${fx.bsbOnlyCase}`, undefined, own('bsb')],
      ['unit be-1', 'GET', `${v}/units/be-1`, undefined, own('be')],
      ['unit bsb-1', 'GET', `${v}/units/bsb-1`, undefined, own('bsb')],
      ['officer of be-1', 'GET', `${v}/officers/${fx.beOfficer}`, undefined, own('be')],
      ['officer of bsb-1', 'GET', `${v}/officers/${fx.bsbOfficer}`, undefined, own('bsb')],
      ['publish again', 'POST', `${v}/publish`, undefined, lcc ? 409 : 403],
      ['scenarios', 'GET', `${v}/scenarios`, undefined, plan],
      ['scenario, unknown unit', 'POST', `${v}/scenarios`, { kind: 'unit-loses-officers', unitId: 'nope-1', count: 1 }, lcc ? 400 : 403],
      ['capacity', 'GET', '/api/capacity?weeks=2&startDate=2026-03-09', undefined, plan],
      ['disruption, unknown officer', 'POST', `${v}/disruptions`, { kind: 'officer-sick', officerId: 'o9999', dates: ['2026-03-10'] }, lcc ? 400 : 403],
    ];
    for (const [name, method, path, body, status] of requests) {
      const reply = await f.api(who, method, path, body);
      expect({ name, status: reply.status }).toEqual({ name, status });
      const entries = await auditOfRequest(f.database.db, reply.requestId);
      expect({ name, entries: entries.length, status: entries[0]?.status }).toEqual({ name, entries: 1, status: status < 300 ? 'ok' : status === 403 || status === 404 ? 'denied' : 'error' });
    }
    if (lead) {
      // A unit lead's views hold only their own unit's officers.
      const unitId = `${lead}-1`;
      const overview = (await f.api(who, 'GET', v)).body as { view: { units: { unitId: string }[]; cases: unknown[] } };
      expect(overview.view.units.map((u) => u.unitId)).toEqual([unitId]);
      const c = (await f.api(who, 'GET', `${v}/cases/${lead === 'be' ? fx.beCase : fx.bsbOnlyCase}`)).body as { view: { posts: { needs: { officers: { unitId: string }[] }[] }[] } };
      const units = new Set(c.view.posts.flatMap((p) => p.needs.flatMap((n) => n.officers.map((o) => o.unitId))));
      expect([...units]).toEqual([unitId]);
    }
  });
});

describe('the matrix', () => {
  it('requested every route the access-matrix table gives it (testing/access-matrix.ts)', () => {
    expect(uncoveredRoutes('planning/planning-matrix.test.ts', seen())).toEqual([]);
  });
});
