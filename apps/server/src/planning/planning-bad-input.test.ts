import { countAuditEntries } from '@hoeder/db';
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { badBody, wrongValue } from '../testing/bad-bodies';
import { openHttpFixture, type HttpFixture } from '../testing/http-fixture';
import { demoPlanningInputSource } from './planning-input';
import { waitForRun, type RunBody } from './testing';

/**
 * Bad input on the planning and roster write routes: a clear 4xx naming the field, no run, no
 * version and no publication changed, and exactly one audit entry for the refused attempt.
 */
let f: HttpFixture;
let versionId: string;
let officerId: string;

beforeAll(async () => {
  f = await openHttpFixture({ env: { HOEDER_JOB_POLL_MS: '100', HOEDER_PLAN_TIME_LIMIT_MS: '300' }, planning: { source: demoPlanningInputSource({ persons: 6, officerScale: 0.05 }), useMip: false } });
  const lcc = await f.session('lcc');
  const started = await f.api(lcc, 'POST', '/api/planning/runs', { startDate: '2026-03-09', days: 7 });
  const run = await waitForRun(f, (started.body as RunBody).runId);
  versionId = run.versionId!;
  const unit = (await f.api(lcc, 'GET', `/api/roster/versions/${versionId}/units/be-1`)).body as { view: { officers: { officerId: string }[] } };
  officerId = unit.view.officers[0]!.officerId;
}, 120_000);
afterAll(() => f?.close());

const state = async () => {
  const { rows } = await sql<{ runs: string; versions: string; published: string; scenarios: string }>`
    SELECT (SELECT count(*) FROM planning_run) AS runs, (SELECT count(*) FROM roster_version) AS versions, (SELECT count(*) FROM roster_scenario) AS scenarios,
           (SELECT count(*) FROM roster_version WHERE published_at IS NOT NULL) AS published`.execute(f.database.db);
  return rows[0];
};

async function refused(path: string, body: unknown, field?: string) {
  const [before, audits] = [await state(), await countAuditEntries(f.database.db)];
  const reply = await f.api(await f.session('lcc'), 'POST', path, body);
  expect(reply.status, `${path} ${JSON.stringify(body)?.slice(0, 200)}`).toBeGreaterThanOrEqual(400);
  expect(reply.status).toBeLessThan(500);
  const message = (reply.body as { error: { message: string } }).error.message;
  if (field) expect(message.startsWith(`${field}:`), message).toBe(true);
  expect(await state()).toEqual(before);
  expect(await countAuditEntries(f.database.db)).toBe(audits + 1);
  return reply;
}

describe('bad input on the planning routes', () => {
  it('names the field of a bad period', async () => {
    await refused('/api/planning/runs', { startDate: '2026-03-09', days: 0 }, 'days');
    await refused('/api/planning/runs', { startDate: '2026-03-09', days: 29 }, 'days');
    await refused('/api/planning/runs', { startDate: '2026-03-10', days: 7 }, 'startDate');
    await refused('/api/planning/runs', { startDate: '2026-02-30', days: 7 }, 'startDate');
  });

  it('refuses any malformed body', async () => {
    await fc.assert(
      fc.asyncProperty(badBody({ startDate: '2026-03-09', days: 7 }, { wrong: wrongValue({ maxInt: 0, strings: fc.constantFrom('', 'x', '2026-03-10') }), fewerKeysThan: 0 }), (body) => refused('/api/planning/runs', body).then(() => {})),
      { numRuns: 25 },
    );
  });

  it('answers a bad or unknown run id on cancel with 400 or 404', async () => {
    await refused('/api/planning/runs/not-a-uuid/cancel', undefined, 'runId');
    expect((await refused('/api/planning/runs/00000000-0000-4000-8000-00000000dead/cancel', undefined)).status).toBe(404);
  });
});

describe('bad input on the roster routes', () => {
  const path = () => `/api/roster/versions/${versionId}/disruptions`;

  it('names the field of an unknown officer, post or a date outside the period', async () => {
    await refused(path(), { kind: 'officer-sick', officerId: 'o9999', dates: ['2026-03-10'] }, 'officerId');
    await refused(path(), { kind: 'officer-sick', officerId, dates: ['2026-03-10', '2026-04-10'] }, 'dates.1');
    await refused(path(), { kind: 'officer-sick', officerId, dates: [] }, 'dates');
    await refused(path(), { kind: 'post-removed', postId: 'no-such-post' }, 'postId');
    await refused(path(), { kind: 'post-moved', postId: 'no-such-post', date: '2026-03-10', shiftTypeId: 'day' }, 'postId');
    await refused(path(), { kind: 'post-added', caseId: '00000000-0000-4000-8000-000000000001', date: '2026-03-01', shiftTypeId: 'day', domain: 'work', qualification: 'driver', count: 1 }, 'date');
    await refused(path(), { kind: 'post-added', caseId: 'x', date: '2026-03-10', shiftTypeId: 'day', domain: 'work', qualification: 'driver', count: 1 }, 'caseId');
    await refused(path(), { kind: 'holiday', officerId }, 'kind');
  });

  it('names the field of a bad scenario', async () => {
    const scenarios = `/api/roster/versions/${versionId}/scenarios`;
    await refused(scenarios, { kind: 'unit-loses-officers', unitId: 'nope-1', count: 1 }, 'unitId');
    await refused(scenarios, { kind: 'unit-loses-officers', unitId: 'be-1', count: 200 }, 'count');
    await refused(scenarios, { kind: 'unit-loses-officers', unitId: 'be-1', count: 0 }, 'count');
    await refused(scenarios, { kind: 'case-escalates', caseId: '00000000-0000-4000-8000-000000000001', factor: 2 }, 'caseId');
    await refused(scenarios, { kind: 'new-cases', count: 51 }, 'count');
  });

  it('refuses any malformed disruption', async () => {
    await fc.assert(
      fc.asyncProperty(badBody({ kind: 'officer-sick', officerId, dates: ['2026-03-10'] }, { wrong: wrongValue({ maxInt: 3, strings: fc.constantFrom('', 'o9999', '2026-13-01') }), fewerKeysThan: 0 }), (body) => refused(path(), body).then(() => {})),
      { numRuns: 25 },
    );
  });

  it('answers a bad or unknown version id with 400 or 404, and a second publication with 409', async () => {
    await refused('/api/roster/versions/nope/publish', undefined, 'versionId');
    expect((await refused('/api/roster/versions/00000000-0000-4000-8000-00000000dead/publish', undefined)).status).toBe(404);
    expect((await refused(`/api/roster/versions/00000000-0000-4000-8000-00000000dead/disruptions`, { kind: 'post-removed', postId: 'x' })).status).toBe(404);
    expect((await f.api(await f.session('lcc'), 'POST', `/api/roster/versions/${versionId}/publish`)).status).toBe(200);
    expect((await refused(`/api/roster/versions/${versionId}/publish`, undefined)).status).toBe(409);
  });
});
