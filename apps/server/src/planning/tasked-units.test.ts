import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoAgenda, seedDemoOfficers } from '../demo/demo-master-data';
import { seededRandom } from '../demo/demo-random';
import { openHttpFixture, type HttpFixture } from '../testing/http-fixture';
import { driveCase } from '../testing/http-flows';
import { waitForRun } from './testing';

/**
 * Issue 11: the units the LCC tasks with an assignment staff its posts. Two persons: A tasked to
 * be-1 (police), B tasked to bsb-1 (KMar). The real planning source (accepted assignments, master
 * data) plans the week; once published, the police team lead (be-1) sees A's posts with be-1
 * officers only and nothing of B, the KMar lead the reverse — because the planner never put
 * another unit's officer on a tasked person's post, not because the view hides them.
 */
let f: HttpFixture;
const caseOf: Record<'A' | 'B', string> = { A: '', B: '' };
let versionId = '';

interface CaseRoster { view: { posts: { postId: string; needs: { officers: { unitId: string }[]; shortfall: string | null }[] }[] } }

async function acceptAndTask(caseId: string, unitIds: string[]) {
  const lcc = await f.session('lcc');
  const section = (await f.api(lcc, 'GET', `/api/cases/${caseId}/assignment`)).body as { assignmentId: string; currentVersion: number };
  expect((await f.api(lcc, 'POST', `/api/assignments/${section.assignmentId}/accept`, { version: section.currentVersion })).status).toBe(200);
  expect((await f.api(lcc, 'POST', `/api/assignments/${section.assignmentId}/units`, { unitIds })).status).toBe(200);
}

beforeAll(async () => {
  // No planning override: the composition's own source (accepted assignments × master data).
  f = await openHttpFixture({ env: { HOEDER_JOB_POLL_MS: '100', HOEDER_PLAN_TIME_LIMIT_MS: '1500' } });
  await seedDemoOfficers(f.deps);
  const r = seededRandom(11);
  for (const [key, units] of [['A', ['be-1']], ['B', ['bsb-1']]] as const) {
    const caseId = await driveCase(f, 'dep_confidential', ['analist', 'besluit', 'besluit2', 'liaison', 'lcc'], 'measures_active');
    const saved = await f.api(await f.session('liaison'), 'POST', `/api/cases/${caseId}/agenda`, { expectedVersion: 0, activities: demoAgenda(r) });
    expect(saved.status).toBe(200);
    await acceptAndTask(caseId, [...units]);
    caseOf[key] = caseId;
  }
  const lcc = await f.session('lcc');
  const started = await f.api(lcc, 'POST', '/api/planning/runs', { startDate: '2026-03-09', days: 7 });
  expect(started.status).toBe(202);
  const run = await waitForRun(f, (started.body as { runId: string }).runId);
  expect(run.status).toBe('done');
  versionId = run.versionId!;
  expect((await f.api(lcc, 'POST', `/api/roster/versions/${versionId}/publish`)).status).toBe(200);
}, 240_000);
afterAll(() => f?.close());

const roster = async (who: string, caseId: string) => f.api(await f.session(who), 'GET', `/api/roster/versions/${versionId}/cases/${caseId}`);
const unitsOn = (r: CaseRoster) => new Set(r.view.posts.flatMap((p) => p.needs.flatMap((n) => n.officers.map((o) => o.unitId))));

describe('tasked units staff their posts', () => {
  it('the planner put only officers of the tasked unit on each person\'s posts (the LCC sees every post)', async () => {
    const a = (await roster('lcc', caseOf.A)).body as CaseRoster;
    const b = (await roster('lcc', caseOf.B)).body as CaseRoster;
    expect(a.view.posts.length).toBeGreaterThan(0);
    expect(unitsOn(a)).toEqual(new Set(['be-1']));
    expect(unitsOn(b)).toEqual(new Set(['bsb-1']));
  });

  it('a published roster shows the police team lead (be-1) their unit\'s posts for A and nothing of B', async () => {
    const lcc = (await roster('lcc', caseOf.A)).body as CaseRoster;
    const mine = await roster('politie', caseOf.A);
    expect(mine.status).toBe(200);
    const staffed = lcc.view.posts.filter((p) => p.needs.some((n) => n.officers.length > 0)).map((p) => p.postId);
    expect((mine.body as CaseRoster).view.posts.map((p) => p.postId)).toEqual(staffed);
    expect(unitsOn(mine.body as CaseRoster)).toEqual(new Set(['be-1']));
    expect((await roster('politie', caseOf.B)).status).toBe(404);
  });

  it('the KMar team lead (bsb-1) sees B and not A', async () => {
    expect((await roster('kmar', caseOf.A)).status).toBe(404);
    const theirs = await roster('kmar', caseOf.B);
    expect(theirs.status).toBe(200);
    expect(unitsOn(theirs.body as CaseRoster)).toEqual(new Set(['bsb-1']));
  });

  it('a post the tasked unit may not staff is a shortfall naming the tasking, and the run still stored its roster', async () => {
    // A camera post (watch kinds) cannot go to be-1 (a protection unit): explained, never a crash.
    const overview = (await f.api(await f.session('lcc'), 'GET', `/api/roster/versions/${versionId}`)).body as { view: { shortfalls: { caseId: string; reason: string; explanation: string }[] } };
    for (const s of overview.view.shortfalls.filter((x) => x.reason === 'no-tasked-unit')) {
      expect([caseOf.A, caseOf.B]).toContain(s.caseId);
      expect(s.explanation).toMatch(/de eenheden die de LCC met deze opdracht heeft belast/);
    }
  });
});
