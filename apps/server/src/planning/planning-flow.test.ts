import { findJob } from '@hoeder/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openHttpFixture, type HttpFixture } from '../testing/http-fixture';
import { demoPlanningInputSource } from './planning-input';
import { auditOfRequest } from '../testing/access-matrix';
import { waitForRun, type RunBody } from './testing';

/**
 * Planning end to end over HTTP on the real job queue: the LCC starts a run, it runs in a worker
 * thread, reports progress, stores a roster version; publishing shows the unit leads their rows.
 */
let f: HttpFixture;
beforeAll(async () => {
  f = await openHttpFixture({ env: { HOEDER_JOB_POLL_MS: '100', HOEDER_PLAN_TIME_LIMIT_MS: '1500' }, planning: { source: demoPlanningInputSource({ persons: 12, officerScale: 0.08 }), useMip: false, progressMs: 100 } });
}, 120_000);
afterAll(() => f?.close());

interface Overview {
  version: { versionId: string; publishedAt: string | null; diff: { changedCells: number; moves: { unitId: string }[] } | null };
  view: { cases: { caseId: string }[]; units: { unitId: string; assignments: number }[]; shortfalls: { explanation: string; domain: string }[]; domains: { rows: { domain: string; posts: number; unstaffed: number }[] } | null; visibleAssignments: number };
}

let versionId = '';
let run: RunBody;

describe('a planning run', () => {
  it('is started by the LCC, runs as a job with progress and ends with a stored roster version', async () => {
    const lcc = await f.session('lcc');
    const started = await f.api(lcc, 'POST', '/api/planning/runs', { startDate: '2026-03-09', days: 7 });
    expect(started.status).toBe(202);
    const runId = (started.body as RunBody).runId;
    const seen = new Set<string>();
    run = await waitForRun(f, runId, (r) => seen.add(r.status));
    expect(run.status).toBe('done');
    expect(run.failure).toBeNull();
    expect(run.progress).toBe(1);
    expect(run.quality!.totalPosts).toBeGreaterThan(50);
    expect(run.quality!.coveredPosts).toBeGreaterThan(0);
    expect(seen.has('running') || seen.has('queued')).toBe(true);
    versionId = run.versionId!;
    const job = await f.database.db.selectFrom('planning_run').select('job_id').where('run_id', '=', runId).executeTakeFirstOrThrow();
    expect(await findJob(f.database.db, job.job_id)).toMatchObject({ status: 'done', attempts: 1 });
  }, 60_000);

  it('shows the LCC every case, unit and shortfall, explained in Dutch, private first', async () => {
    const reply = await f.api(await f.session('lcc'), 'GET', `/api/roster/versions/${versionId}`);
    expect(reply.status).toBe(200);
    const o = reply.body as Overview;
    expect(o.view.cases.length).toBeGreaterThan(0);
    expect(o.view.units.length).toBe(30);
    for (const s of o.view.shortfalls) expect(s.explanation).toMatch(/tekort/);
    const domains = o.view.domains!.rows;
    expect(domains.map((d) => d.domain)).toEqual(['home', 'transport', 'work', 'private']);
  });

  it('is not visible to unit leads before publication, and after it only their unit rows', async () => {
    const politie = await f.session('politie');
    expect((await f.api(politie, 'GET', `/api/roster/versions/${versionId}`)).status).toBe(404);
    expect(((await f.api(politie, 'GET', '/api/roster/versions')).body as { versions: unknown[] }).versions).toEqual([]);
    expect((await f.api(await f.session('lcc'), 'POST', `/api/roster/versions/${versionId}/publish`)).status).toBe(200);
    const o = (await f.api(politie, 'GET', `/api/roster/versions/${versionId}`)).body as Overview;
    expect(o.view.units.map((u) => u.unitId)).toEqual(['be-1']);
    expect(o.view.shortfalls).toEqual([]);
    expect(o.view.domains).toBeNull();
    const full = (await f.api(await f.session('lcc'), 'GET', `/api/roster/versions/${versionId}`)).body as Overview;
    expect(o.view.visibleAssignments).toBe(full.view.units.find((u) => u.unitId === 'be-1')?.assignments ?? 0);
    expect((await f.api(politie, 'GET', `/api/roster/versions/${versionId}/units/be-1`)).status).toBe(200);
    expect((await f.api(politie, 'GET', `/api/roster/versions/${versionId}/units/bsb-1`)).status).toBe(404);
    expect((await f.api(await f.session('kmar'), 'GET', `/api/roster/versions/${versionId}/units/bsb-1`)).status).toBe(200);
  });

  it('replans an officer reporting sick as a new version with the diff of who moves, everything else kept', async () => {
    const lcc = await f.session('lcc');
    const unit = (await f.api(lcc, 'GET', `/api/roster/versions/${versionId}/units/be-1`)).body as { view: { officers: { officerId: string; cells: { kind: string; date?: string }[] }[] } };
    const busy = unit.view.officers.find((o) => o.cells.some((c) => c.kind === 'post'))!;
    const dates = busy.cells.filter((c) => c.kind === 'post').map((c) => c.date!);
    const t0 = performance.now();
    const reply = await f.api(lcc, 'POST', `/api/roster/versions/${versionId}/disruptions`, { kind: 'officer-sick', officerId: busy.officerId, dates });
    // Not in the request (ADR 0027): a replan run on the queue, followed like a planning run.
    expect(reply.status).toBe(202);
    expect(reply.body).toMatchObject({ kind: 'replan', parentVersionId: versionId, status: 'queued', versionId: null });
    const phases = new Set<string | null>();
    const replanRun = await waitForRun(f, (reply.body as RunBody).runId, (r) => phases.add(r.phase));
    const ms = performance.now() - t0;
    expect(replanRun).toMatchObject({ status: 'done', progress: 1, failure: null });
    const overview = (await f.api(lcc, 'GET', `/api/roster/versions/${replanRun.versionId}`)).body as { version: { parentVersionId: string; diff: { changedShare: number; moves: { officerId: string; to: unknown }[] } } };
    const body = { version: { versionId: replanRun.versionId!, parentVersionId: overview.version.parentVersionId }, diff: overview.version.diff };
    expect(body.version.parentVersionId).toBe(versionId);
    expect(body.diff.moves.filter((m) => m.officerId === busy.officerId && m.to === null).length).toBe(dates.length);
    expect(body.diff.changedShare).toBeLessThan(0.1);
    expect(ms).toBeLessThan(3_000);
    const officer = (await f.api(lcc, 'GET', `/api/roster/versions/${body.version.versionId}/officers/${busy.officerId}`)).body as { view: { cells: { kind: string }[] } };
    expect(officer.view.cells.filter((c) => c.kind === 'post')).toEqual([]);
  });
});

describe('posts moved, removed and added by the LCC (ADR 0027)', () => {
  it('each is a replan run ending in a new version, audited with its kind', async () => {
    const lcc = await f.session('lcc');
    const overview = (await f.api(lcc, 'GET', `/api/roster/versions/${versionId}`)).body as Overview;
    const caseId = overview.view.cases[0]!.caseId;
    const posts = ((await f.api(lcc, 'GET', `/api/roster/versions/${versionId}/cases/${caseId}`)).body as { view: { posts: { postId: string }[] } }).view.posts;
    const changes = [
      { kind: 'post-moved', postId: posts[0]!.postId, date: '2026-03-11', shiftTypeId: 'late' },
      { kind: 'post-removed', postId: posts[1]!.postId },
      { kind: 'post-added', caseId, date: '2026-03-12', shiftTypeId: 'day', domain: 'private', qualification: 'close-protection', count: 1 },
    ];
    for (const change of changes) {
      const reply = await f.api(lcc, 'POST', `/api/roster/versions/${versionId}/disruptions`, change);
      expect(reply.status).toBe(202);
      const run = await waitForRun(f, (reply.body as RunBody).runId);
      expect({ kind: change.kind, status: run.status }).toEqual({ kind: change.kind, status: 'done' });
      const entries = await auditOfRequest(f.database.db, reply.requestId);
      expect(entries).toEqual([expect.objectContaining({ operation: 'roster.version.replan', status: 'ok', object_id: versionId })]);
      const detail = await f.database.db.selectFrom('audit_entry').select('details').where('trace_id', '=', reply.requestId).executeTakeFirstOrThrow();
      expect(detail.details).toMatchObject({ kind: change.kind });
    }
  }, 60_000);
});

describe('scenarios', () => {
  it('are computed on a copy, saved beside the version and never change the live roster', async () => {
    const lcc = await f.session('lcc');
    const live = await f.database.db.selectFrom('roster_version').select(['plan', 'input']).where('version_id', '=', versionId).executeTakeFirstOrThrow();
    const versionsBefore = (await f.database.db.selectFrom('roster_version').select('version_id').execute()).length;
    const lose = await f.api(lcc, 'POST', `/api/roster/versions/${versionId}/scenarios`, { kind: 'unit-loses-officers', unitId: 'be-1', count: 4 });
    expect(lose.status).toBe(200);
    const r = (lose.body as { result: { coverage: { before: number; after: number }; domains: { domain: string; before: number; after: number }[]; newlyUnstaffedCount: number; unitsChanged: { unitId: string }[] } }).result;
    expect(r.coverage.after).toBeLessThanOrEqual(r.coverage.before);
    expect(r.domains.map((d) => d.domain)).toEqual(['home', 'transport', 'work', 'private']);
    const grow = await f.api(lcc, 'POST', `/api/roster/versions/${versionId}/scenarios`, { kind: 'new-cases', count: 10 });
    expect(grow.status).toBe(200);
    expect((grow.body as { result: { coverage: { totalAfter: number; totalBefore: number } } }).result.coverage.totalAfter).toBeGreaterThan((grow.body as { result: { coverage: { totalBefore: number } } }).result.coverage.totalBefore);
    const saved = (await f.api(lcc, 'GET', `/api/roster/versions/${versionId}/scenarios`)).body as { scenarios: { kind: string }[] };
    expect(saved.scenarios.map((x) => x.kind).sort()).toEqual(['new-cases', 'unit-loses-officers']);
    const after = await f.database.db.selectFrom('roster_version').select(['plan', 'input']).where('version_id', '=', versionId).executeTakeFirstOrThrow();
    expect(after).toEqual(live);
    expect((await f.database.db.selectFrom('roster_version').select('version_id').execute()).length).toBe(versionsBefore);
  }, 60_000);
});

describe('a cancelled run', () => {
  it('stops a running search: the worker thread ends, no roster version is stored', async () => {
    const lcc = await f.session('lcc');
    const started = await f.api(lcc, 'POST', '/api/planning/runs', { startDate: '2026-03-09', days: 28 });
    const runId = (started.body as RunBody).runId;
    for (let r = started.body as RunBody; r.phase !== 'search'; await new Promise((res) => setTimeout(res, 50))) {
      r = (await f.api(lcc, 'GET', `/api/planning/runs/${runId}`)).body as RunBody;
      expect(['queued', 'running']).toContain(r.status);
    }
    expect((await f.api(lcc, 'POST', `/api/planning/runs/${runId}/cancel`)).status).toBe(200);
    const end = await waitForRun(f, runId);
    expect(end.status).toBe('cancelled');
    expect(end.versionId).toBeNull();
  }, 60_000);

  it('ends a queued run at once', async () => {
    const lcc = await f.session('lcc');
    const started = await f.api(lcc, 'POST', '/api/planning/runs', { startDate: '2026-03-09', days: 28 });
    const runId = (started.body as RunBody).runId;
    expect((await f.api(lcc, 'POST', `/api/planning/runs/${runId}/cancel`)).status).toBe(200);
    const end = await waitForRun(f, runId);
    expect(end.status).toBe('cancelled');
    expect(end.versionId).toBeNull();
    expect((await f.api(lcc, 'POST', `/api/planning/runs/${runId}/cancel`)).status).toBe(409);
  }, 60_000);
});

describe('the capacity dashboard', () => {
  it('shows demand against available hours per organisation for twelve weeks, with the cases behind each bar', async () => {
    const reply = await f.api(await f.session('lcc'), 'GET', '/api/capacity?startDate=2026-03-09');
    expect(reply.status).toBe(200);
    const body = reply.body as { weeks: { startDate: string; groups: { group: string; demandHours: number; availableHours: number; bottleneck: boolean; cases: { caseReference: string | null; hours: number }[] }[] }[] };
    expect(body.weeks.map((w) => w.startDate).slice(0, 2)).toEqual(['2026-03-09', '2026-03-16']);
    expect(body.weeks.length).toBe(12);
    const police = body.weeks[0]!.groups.find((g) => g.group === 'police')!;
    expect(police.demandHours).toBeGreaterThan(0);
    expect(police.availableHours).toBeGreaterThan(0);
    expect(police.bottleneck).toBe(police.demandHours > 0.9 * police.availableHours);
    expect(police.cases.reduce((n, c) => n + c.hours, 0)).toBeLessThanOrEqual(police.demandHours + police.cases.length);
    // Weeks differ: each has its own agenda.
    expect(new Set(body.weeks.map((w) => w.groups[0]!.demandHours)).size).toBeGreaterThan(1);
  });

  it('refuses a window beyond twelve weeks or not on a Monday, naming the field', async () => {
    const lcc = await f.session('lcc');
    expect((await f.api(lcc, 'GET', '/api/capacity?weeks=13')).body).toMatchObject({ error: { message: expect.stringMatching(/^weeks:/) } });
    expect((await f.api(lcc, 'GET', '/api/capacity?startDate=2026-03-10')).body).toMatchObject({ error: { message: expect.stringMatching(/^startDate:/) } });
  });
});
