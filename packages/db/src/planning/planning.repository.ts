import { sql } from 'kysely';
import type { RosterReadGrant, RosterWriteGrant } from '../access/grants';
import type { Db, PlanningRunStatus } from '../schema';

/** A calendar date as YYYY-MM-DD, whatever the driver returned (PGlite and pg differ). */
const day = (v: Date | string): string => (typeof v === 'string' ? v.slice(0, 10) : `${v.getFullYear()}-${String(v.getMonth() + 1).padStart(2, '0')}-${String(v.getDate()).padStart(2, '0')}`);

export interface Quality {
  totalPosts: number;
  coveredPosts: number;
  shortfalls: number;
  scoreSoft: number;
  scoreHard: number;
}

export interface PlanningRunRow {
  runId: string;
  jobId: string;
  startDate: string;
  days: number;
  status: PlanningRunStatus;
  phase: string | null;
  progress: number;
  quality: Quality | null;
  cancelRequested: boolean;
  failure: string | null;
  versionId: string | null;
  requestedBy: string;
  requestedAt: Date;
  updatedAt: Date;
  finishedAt: Date | null;
  /** A full plan, or a replan of `parentVersionId` after a disruption (migration 0020). */
  kind: 'plan' | 'replan';
  parentVersionId: string | null;
  /** How long the replan itself took, in the worker (not the queue wait). */
  elapsedMs: number | null;
}

const RUN_COLUMNS = [
  'run_id', 'job_id', 'start_date', 'days', 'status', 'phase', 'progress', 'total_posts', 'covered_posts', 'shortfalls', 'score_soft', 'score_hard',
  'cancel_requested', 'failure', 'version_id', 'requested_by', 'requested_at', 'updated_at', 'finished_at', 'kind', 'parent_version_id', 'elapsed_ms',
] as const;

type RunRecord = Record<(typeof RUN_COLUMNS)[number], unknown>;

function toRun(r: RunRecord): PlanningRunRow {
  const quality = r.total_posts === null ? null : {
    totalPosts: Number(r.total_posts), coveredPosts: Number(r.covered_posts), shortfalls: Number(r.shortfalls), scoreSoft: Number(r.score_soft), scoreHard: Number(r.score_hard),
  };
  return {
    runId: r.run_id as string, jobId: r.job_id as string, startDate: day(r.start_date as Date | string), days: Number(r.days), status: r.status as PlanningRunStatus,
    phase: r.phase as string | null, progress: Number(r.progress), quality, cancelRequested: Boolean(r.cancel_requested), failure: r.failure as string | null,
    versionId: r.version_id as string | null, requestedBy: r.requested_by as string, requestedAt: new Date(r.requested_at as Date), updatedAt: new Date(r.updated_at as Date),
    finishedAt: r.finished_at ? new Date(r.finished_at as Date) : null,
    kind: r.kind as 'plan' | 'replan', parentVersionId: r.parent_version_id as string | null, elapsedMs: r.elapsed_ms === null ? null : Number(r.elapsed_ms),
  };
}

const qualityColumns = (q: Quality) => ({ total_posts: q.totalPosts, covered_posts: q.coveredPosts, shortfalls: q.shortfalls, score_soft: q.scoreSoft, score_hard: q.scoreHard });

export async function insertPlanningRun(
  db: Db,
  _grant: RosterWriteGrant,
  run: { runId: string; jobId: string; startDate: string; days: number; requestedBy: string; now: Date; replan?: { parentVersionId: string; change: string } },
): Promise<void> {
  await db.insertInto('planning_run').values({
    run_id: run.runId, job_id: run.jobId, start_date: run.startDate, days: run.days, status: 'queued', requested_by: run.requestedBy, requested_at: run.now, updated_at: run.now,
    ...(run.replan ? { kind: 'replan' as const, parent_version_id: run.replan.parentVersionId, change: run.replan.change } : {}),
  }).execute();
}

/** A replan run's parent version and change (JSON text), for its job. */
export async function findReplanWork(db: Db, runId: string): Promise<{ parentVersionId: string; change: string } | undefined> {
  const r = await db.selectFrom('planning_run').select(['parent_version_id', 'change']).where('run_id', '=', runId).where('kind', '=', 'replan').executeTakeFirst();
  return r?.parent_version_id && r.change ? { parentVersionId: r.parent_version_id, change: r.change } : undefined;
}

export async function findPlanningRun(db: Db, runId: string): Promise<PlanningRunRow | undefined> {
  const r = await db.selectFrom('planning_run').select(RUN_COLUMNS).where('run_id', '=', runId).executeTakeFirst();
  return r && toRun(r);
}

export async function listPlanningRuns(db: Db, limit: number): Promise<PlanningRunRow[]> {
  const rows = await db.selectFrom('planning_run').select(RUN_COLUMNS).orderBy('requested_at', 'desc').orderBy('run_id').limit(limit).execute();
  return rows.map(toRun);
}

/** Progress of a running run; returns whether a cancel was asked for meanwhile. */
export async function updateRunProgress(db: Db, runId: string, p: { phase: string; progress: number; quality?: Quality; now: Date }): Promise<{ cancelRequested: boolean }> {
  const r = await db
    .updateTable('planning_run')
    .set({ status: 'running', phase: p.phase, progress: Math.min(1, Math.max(0, p.progress)), updated_at: p.now, ...(p.quality ? qualityColumns(p.quality) : {}) })
    .where('run_id', '=', runId)
    .where('status', 'in', ['queued', 'running'])
    .returning('cancel_requested')
    .executeTakeFirst();
  return { cancelRequested: r ? Boolean(r.cancel_requested) : true };
}

export async function requestRunCancel(db: Db, _grant: RosterWriteGrant, runId: string, now: Date): Promise<PlanningRunStatus | undefined> {
  const r = await db.updateTable('planning_run').set({ cancel_requested: true, updated_at: now }).where('run_id', '=', runId).returning('status').executeTakeFirst();
  return r?.status;
}

/** The input snapshot of a run (taken once, at its first attempt) and its best valid roster so far. */
export async function findRunWork(db: Db, runId: string): Promise<{ input: string | null; checkpoint: string | null } | undefined> {
  return db.selectFrom('planning_run').select(['input', 'checkpoint']).where('run_id', '=', runId).executeTakeFirst();
}

export async function saveRunInput(db: Db, runId: string, input: string): Promise<void> {
  await db.updateTable('planning_run').set({ input }).where('run_id', '=', runId).execute();
}

export async function saveRunCheckpoint(db: Db, runId: string, checkpoint: string, quality: Quality, now: Date): Promise<void> {
  await db.updateTable('planning_run').set({ checkpoint, updated_at: now, ...qualityColumns(quality) }).where('run_id', '=', runId).execute();
}

/** Ends a run; only one that has not ended (a second attempt's late finish changes nothing). */
export async function finishPlanningRun(db: Db, runId: string, end: { status: 'done' | 'failed' | 'cancelled'; versionId?: string; failure?: string | null; progress?: number; elapsedMs?: number; now: Date }): Promise<boolean> {
  const r = await db
    .updateTable('planning_run')
    .set({
      status: end.status, version_id: end.versionId ?? null, failure: end.failure ?? null, finished_at: end.now, updated_at: end.now,
      ...(end.progress === undefined ? {} : { progress: end.progress }), ...(end.elapsedMs === undefined ? {} : { elapsed_ms: end.elapsedMs }),
    })
    .where('run_id', '=', runId)
    .where('status', 'in', ['queued', 'running'])
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export interface NewRosterVersion {
  versionId: string;
  startDate: string;
  days: number;
  origin: 'plan' | 'replan';
  parentVersionId: string | null;
  input: string;
  plan: string;
  change: string | null;
  diff: string | null;
  failure: string | null;
  quality: Quality;
  createdBy: string;
  now: Date;
}

export async function insertRosterVersion(db: Db, v: NewRosterVersion): Promise<number> {
  const r = await db
    .insertInto('roster_version')
    .values({
      version_id: v.versionId, start_date: v.startDate, days: v.days, origin: v.origin, parent_version_id: v.parentVersionId, input: v.input, plan: v.plan,
      change: v.change, diff: v.diff, failure: v.failure, ...qualityColumns(v.quality), created_by: v.createdBy, created_at: v.now,
    })
    .returning('version_no')
    .executeTakeFirstOrThrow();
  return Number(r.version_no);
}

/**
 * A run's version, its input copied from the run's snapshot inside the database: a national input
 * is megabytes of JSON that need not pass through the server's thread twice.
 */
export async function insertRunVersion(db: Db, runId: string, v: Omit<NewRosterVersion, 'input' | 'origin' | 'parentVersionId' | 'change' | 'diff'>): Promise<boolean> {
  const q = v.quality;
  const r = await sql`
    INSERT INTO roster_version (version_id, start_date, days, origin, parent_version_id, input, plan, change, diff, failure,
      total_posts, covered_posts, shortfalls, score_soft, score_hard, created_by, created_at)
    SELECT ${v.versionId}, ${v.startDate}, ${v.days}, 'plan', NULL, input, ${v.plan}, NULL, NULL, ${v.failure},
      ${q.totalPosts}, ${q.coveredPosts}, ${q.shortfalls}, ${q.scoreSoft}, ${q.scoreHard}, ${v.createdBy}, ${v.now}
    FROM planning_run WHERE run_id = ${runId} AND input IS NOT NULL`.execute(db);
  return Number(r.numAffectedRows ?? 0) === 1;
}

export interface RosterVersionMeta {
  versionId: string;
  versionNo: number;
  startDate: string;
  days: number;
  origin: 'plan' | 'replan';
  parentVersionId: string | null;
  failure: string | null;
  quality: Quality;
  createdBy: string;
  createdAt: Date;
  publishedBy: string | null;
  publishedAt: Date | null;
}

const META = ['version_id', 'version_no', 'start_date', 'days', 'origin', 'parent_version_id', 'failure', 'total_posts', 'covered_posts', 'shortfalls', 'score_soft', 'score_hard', 'created_by', 'created_at', 'published_by', 'published_at'] as const;

function toMeta(r: Record<(typeof META)[number], unknown>): RosterVersionMeta {
  return {
    versionId: r.version_id as string, versionNo: Number(r.version_no), startDate: day(r.start_date as Date | string), days: Number(r.days), origin: r.origin as 'plan' | 'replan',
    parentVersionId: r.parent_version_id as string | null, failure: r.failure as string | null,
    quality: { totalPosts: Number(r.total_posts), coveredPosts: Number(r.covered_posts), shortfalls: Number(r.shortfalls), scoreSoft: Number(r.score_soft), scoreHard: Number(r.score_hard) },
    createdBy: r.created_by as string, createdAt: new Date(r.created_at as Date), publishedBy: r.published_by as string | null, publishedAt: r.published_at ? new Date(r.published_at as Date) : null,
  };
}

/** Versions the grant may read, newest first: unit leads see published versions only. */
export async function listRosterVersions(db: Db, grant: RosterReadGrant, limit: number): Promise<RosterVersionMeta[]> {
  let q = db.selectFrom('roster_version').select(META).orderBy('version_no', 'desc').limit(limit);
  if (grant.publishedOnly) q = q.where('published_at', 'is not', null);
  return (await q.execute()).map(toMeta);
}

/** One version with its input and plan (JSON text), or undefined when missing or not readable. */
export async function findRosterVersion(db: Db, grant: RosterReadGrant | RosterWriteGrant, versionId: string): Promise<(RosterVersionMeta & { input: string; plan: string; change: string | null; diff: string | null }) | undefined> {
  let q = db.selectFrom('roster_version').select([...META, 'input', 'plan', 'change', 'diff']).where('version_id', '=', versionId);
  if ('publishedOnly' in grant && grant.publishedOnly) q = q.where('published_at', 'is not', null);
  const r = await q.executeTakeFirst();
  return r && { ...toMeta(r), input: r.input, plan: r.plan, change: r.change, diff: r.diff };
}

export async function publishRosterVersion(db: Db, grant: RosterWriteGrant, versionId: string, now: Date): Promise<boolean> {
  const r = await db.updateTable('roster_version').set({ published_by: grant.userId, published_at: now }).where('version_id', '=', versionId).where('published_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** How many versions exist for a run (the exactly-once test counts them). */
export async function countRunVersions(db: Db, runId: string): Promise<number> {
  const r = await sql<{ n: string }>`SELECT count(*) AS n FROM planning_run p JOIN roster_version v ON v.version_id = p.version_id WHERE p.run_id = ${runId}`.execute(db);
  return Number(r.rows[0]?.n ?? 0);
}

export interface ScenarioRow {
  scenarioId: string;
  versionId: string;
  kind: 'unit-loses-officers' | 'case-escalates' | 'new-cases';
  params: string;
  result: string;
  createdAt: Date;
}

export async function insertScenario(db: Db, grant: RosterWriteGrant, s: Omit<ScenarioRow, 'createdAt'> & { now: Date }): Promise<void> {
  await db.insertInto('roster_scenario').values({ scenario_id: s.scenarioId, version_id: s.versionId, kind: s.kind, params: s.params, result: s.result, created_by: grant.userId, created_at: s.now }).execute();
}

export async function listScenarios(db: Db, _grant: RosterWriteGrant, versionId: string): Promise<ScenarioRow[]> {
  const rows = await db.selectFrom('roster_scenario').select(['scenario_id', 'version_id', 'kind', 'params', 'result', 'created_at']).where('version_id', '=', versionId).orderBy('created_at').orderBy('scenario_id').execute();
  return rows.map((r) => ({ scenarioId: r.scenario_id, versionId: r.version_id, kind: r.kind, params: r.params, result: r.result, createdAt: new Date(r.created_at) }));
}
