// npm run bench:planning -- [--trace] [--seed 1] [--seconds 12] [--threads auto|1|2] [--replans 20] [--idle-requests 1000] [--persons 250] [--officer-scale 1] [--out bench/results/planning.json]
// The national demo week (250 persons, ≈1,200 officers) through the real service path: the LCC
// starts a run over HTTP, the job queue plans it in a worker thread, the roster version is
// stored; the clock runs from the POST to the stored version (database to database). Then the
// stored plan's weighted coverage against the LP bound, and sick reports replanned through the
// API as jobs on the queue, POST to stored version (median latency, share of assignments changed). PGlite by default; PostgreSQL when
// TEST_PG_ADMIN_URL is set. Not part of `npm test`: tests never fail on time.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { buildCoverageBound, compile, solveLp, totalDemandWeight, weightedCoverage } from '@hoeder/planner';
import { takeTrace } from '../../apps/server/src/platform/step-trace';
import { demoPlanningInputSource, type PlanningInput } from '../../apps/server/src/planning/planning-input';
import type { RosterPlan } from '../../apps/server/src/planning/roster-document';
import { openHttpFixture } from '../../apps/server/src/testing/http-fixture';
import { driveCase } from '../../apps/server/src/testing/http-flows';
import { benchLog, gitCommit, loadAverages } from '../api/load';
import { slotCounts } from '../planner/lcc';
import { sampleBlocking, summariseBlocking, type BlockingSampler } from './blocking';
import { planningMarkdown, type PlanningBench } from './table';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '12' }, replans: { type: 'string', default: '20' }, out: { type: 'string', default: 'bench/results/planning.json' },
    // A smaller demo for a smoke run on a shared machine (the committed table uses the defaults).
    persons: { type: 'string', default: '250' }, 'officer-scale': { type: 'string', default: '1' },
    // The demo week's generator seed: the planner must not be tuned to one instance.
    seed: { type: 'string', default: '1' },
    // Search threads of the planning job: `auto` lets the job decide (two on a national week when a core is free; ADR 0044).
    threads: { type: 'string', default: 'auto' },
    // Idle case views: half before the plan, half right after it (after a warm-up that is not counted),
    // so the idle p99 is not the second-worst of 200 (ADR 0046).
    'idle-requests': { type: 'string', default: '1000' },
    // The event loop's blocking spans (idle and during the plan) and the job's steps on the server's
    // thread (HOEDER_PLAN_TRACE), in the JSON and the table; off by default (a 2 ms timer runs beside the views).
    trace: { type: 'boolean', default: false },
  },
});
if (values.trace) process.env.HOEDER_PLAN_TRACE = '1';
const persons = Number(values.persons);
const seconds = Number(values.seconds);
const replans = Number(values.replans);
const log = benchLog;
const commit = gitCommit();

const loadAtStart = loadAverages();
const f = await openHttpFixture({
  env: { HOEDER_JOB_POLL_MS: '100', HOEDER_PLAN_TIME_LIMIT_MS: String(seconds * 1000), HOEDER_AUDIT_SEAL_INTERVAL_MS: '0' },
  planning: { source: demoPlanningInputSource({ seed: Number(values.seed), persons, officerScale: Number(values['officer-scale']) }), ...(values.threads === 'auto' ? {} : { threads: Number(values.threads) }) },
});
try {
  const lcc = await f.session('lcc');
  // A case view to time while idle and while the national plan runs (the plan must not starve the API).
  const caseId = await driveCase(f, 'dep_confidential', ['analist', 'besluit', 'besluit2'], 'measures_active');
  const reader = await f.session('besluit');
  const caseView = async () => {
    const c0 = performance.now();
    const r = await f.api(reader, 'GET', `/api/cases/${caseId}`);
    if (r.status !== 200) throw new Error(`case view ${r.status}`);
    return performance.now() - c0;
  };
  const idleCount = Number(values['idle-requests']);
  for (let i = 0; i < 50; i++) await caseView();
  const idleBefore: number[] = [];
  const idle0 = performance.now();
  let sampler0: BlockingSampler | null = values.trace ? sampleBlocking(idle0) : null;
  for (let i = 0; i < Math.ceil(idleCount / 2); i++) idleBefore.push(await caseView());
  const idleSpans = sampler0?.stop() ?? { spans: [], gc: [] };
  const idleSeconds = (performance.now() - idle0) / 1000;
  takeTrace();
  // The job picks its threads by the load average when the run starts (ADR 0044): recorded here.
  const loadAtPost = loadAverages();
  const t0 = performance.now();
  sampler0 = values.trace ? sampleBlocking(t0) : null;
  const started = await f.api(lcc, 'POST', '/api/planning/runs', { startDate: '2026-03-09', days: 7 });
  const runId = (started.body as { runId: string }).runId;
  let run: { status: string; versionId: string | null; failure: string | null; progress: number; phase: string | null };
  const progressSeen: number[] = [];
  let checkpointAt: number | null = null;
  const during: number[] = [];
  const duringAt: number[] = [];
  let planning = true;
  const sampler = (async () => {
    while (planning) {
      duringAt.push((performance.now() - t0) / 1000);
      during.push(await caseView());
    }
  })();
  for (;;) {
    run = (await f.api(lcc, 'GET', `/api/planning/runs/${runId}`)).body as typeof run;
    progressSeen.push(run.progress);
    if (checkpointAt === null && run.phase === 'search') checkpointAt = (performance.now() - t0) / 1000;
    if (!['queued', 'running'].includes(run.status)) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const toStored = (performance.now() - t0) / 1000;
  planning = false;
  await sampler;
  const duringSpans = sampler0?.stop() ?? { spans: [], gc: [] };
  const steps = takeTrace().map((m) => ({ step: m.step, at: Math.round(((m.at - m.ms - t0) / 1000) * 1000) / 1000, ms: Math.round(m.ms * 10) / 10, ...(m.chars === undefined ? {} : { chars: m.chars }) }));
  const idleAfter: number[] = [];
  for (let i = 0; i < Math.floor(idleCount / 2); i++) idleAfter.push(await caseView());
  const idle = [...idleBefore, ...idleAfter];
  // The slowest views during the plan and when they started (s after the POST): where the event loop was busy.
  const slowest = during.map((ms, i) => ({ ms: Math.round(ms * 10) / 10, at: Math.round((duringAt[i] ?? 0) * 100) / 100 })).sort((a, b) => b.ms - a.ms).slice(0, 12);
  const p99 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.99))] ?? 0;
  if (!run.versionId) throw new Error(`run ended ${run.status}: ${run.failure}`);
  log(`stored roster after ${toStored.toFixed(2)} s (${run.status}${run.failure ? `, ${run.failure}` : ''})`);
  const row = await f.database.db.selectFrom('roster_version').select(['input', 'plan']).where('version_id', '=', run.versionId).executeTakeFirstOrThrow();
  const input = JSON.parse(row.input) as PlanningInput;
  const plan = JSON.parse(row.plan) as RosterPlan;
  const compiled = compile(input.problem);
  if (!compiled.ok) throw new Error(compiled.error.message);
  const bound = await solveLp(buildCoverageBound(compiled.value));
  const covered = weightedCoverage(compiled.value, slotCounts(compiled.value, plan.assignments));

  // Sick reports through the API, each on the stored version: officers with the most posts first.
  const posts = new Map<string, number[]>();
  for (const a of plan.assignments) posts.set(a.officerId, [...(posts.get(a.officerId) ?? []), a.day]);
  const officers = [...posts.entries()].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0])).slice(0, replans);
  const replanRows: { ms: number; serverMs: number; changed: number; share: number }[] = [];
  for (const [officerId, days] of officers) {
    const dates = days.slice(0, 2).map((d) => new Date(Date.parse('2026-03-09T00:00:00Z') + d * 86_400_000).toISOString().slice(0, 10));
    // A replan is a job (ADR 0027): the clock runs from the POST until the new version is stored.
    const r0 = performance.now();
    const reply = await f.api(lcc, 'POST', `/api/roster/versions/${run.versionId}/disruptions`, { kind: 'officer-sick', officerId, dates });
    if (reply.status !== 202) throw new Error(`replan ${reply.status}: ${JSON.stringify(reply.body)}`);
    const replanId = (reply.body as { runId: string }).runId;
    let done: { status: string; versionId: string | null; failure: string | null; elapsedMs: number | null };
    for (;;) {
      done = (await f.api(lcc, 'GET', `/api/planning/runs/${replanId}`)).body as typeof done;
      if (!['queued', 'running'].includes(done.status)) break;
      await new Promise((r) => setTimeout(r, 10));
    }
    const ms = performance.now() - r0;
    if (done.status !== 'done' || !done.versionId) throw new Error(`replan ended ${done.status}: ${done.failure}`);
    const diff = await f.database.db.selectFrom('roster_version').select('diff').where('version_id', '=', done.versionId).executeTakeFirstOrThrow();
    const body = { diff: JSON.parse(diff.diff ?? '{}') as { changedCells: number; changedShare: number }, replanMs: done.elapsedMs ?? 0 };
    replanRows.push({ ms, serverMs: body.replanMs, changed: body.diff.changedCells, share: body.diff.changedShare });
  }
  const sorted = replanRows.map((r) => r.ms).sort((a, b) => a - b);
  const median = (xs: number[]) => (xs.length % 2 ? xs[(xs.length - 1) / 2]! : (xs[xs.length / 2 - 1]! + xs[xs.length / 2]!) / 2);
  const result: PlanningBench = {
    command: `npm run bench:planning -- ${process.argv.slice(2).join(' ')}`.trim(),
    date: new Date().toISOString(),
    commit,
    node: process.version,
    database: process.env.TEST_PG_ADMIN_URL ? 'PostgreSQL 15' : 'PGlite',
    loadAtStart,
    loadAtPost,
    threads: values.threads,
    plan: {
      persons, posts: input.problem.posts.length, officers: input.problem.officers.length, units: input.problem.units.length, searchSeconds: seconds,
      secondsToStoredRoster: Math.round(toStored * 100) / 100, secondsToCheckpoint: checkpointAt === null ? null : Math.round(checkpointAt * 100) / 100, status: run.status, failure: run.failure, feasible: plan.feasible, hardViolations: plan.score.hard,
      weightedCoverage: covered, lpBound: bound.objective, lpStatus: bound.status, demand: totalDemandWeight(compiled.value),
      coverageOfBound: Math.round((covered / bound.objective) * 10_000) / 10_000, progressPolls: progressSeen.length,
      shortfalls: plan.shortfalls.reduce((n, s) => n + s.missing, 0), assignments: plan.assignments.length,
    },
    caseView: {
      idleRequests: idle.length, idleP99Ms: Math.round(p99(idle) * 10) / 10, duringRequests: during.length, duringP99Ms: Math.round(p99(during) * 10) / 10, ratio: Math.round((p99(during) / p99(idle)) * 100) / 100,
      idleBeforeP99Ms: Math.round(p99(idleBefore) * 10) / 10, idleAfterP99Ms: Math.round(p99(idleAfter) * 10) / 10, idleMedianMs: Math.round(median([...idle].sort((a, b) => a - b)) * 10) / 10,
      duringMedianMs: Math.round(median([...during].sort((a, b) => a - b)) * 10) / 10, slowestDuring: slowest,
    },
    ...(values.trace ? { blocking: { idleSeconds: Math.round(idleSeconds * 100) / 100, idle: summariseBlocking(idleSpans), duringSeconds: Math.round(toStored * 100) / 100, during: summariseBlocking(duringSpans), steps } } : {}),
    replan: {
      count: replanRows.length, medianMs: Math.round(median(sorted)), p90Ms: Math.round(sorted[Math.floor(sorted.length * 0.9)] ?? 0), maxMs: Math.round(sorted.at(-1) ?? 0),
      medianServerMs: Math.round(median(replanRows.map((r) => r.serverMs).sort((a, b) => a - b))),
      medianChangedShare: Math.round(median(replanRows.map((r) => r.share).sort((a, b) => a - b)) * 10_000) / 10_000,
      maxChangedShare: Math.round(Math.max(...replanRows.map((r) => r.share)) * 10_000) / 10_000,
    },
  };
  mkdirSync(dirname(values.out), { recursive: true });
  writeFileSync(values.out, `${JSON.stringify(result, null, 2)}\n`);
  writeFileSync(values.out.replace(/\.json$/, '.md'), planningMarkdown(result));
  log(planningMarkdown(result));
} finally {
  await f.close();
}
