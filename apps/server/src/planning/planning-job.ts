import { randomUUID } from 'node:crypto';
import { availableParallelism, loadavg } from 'node:os';
import {
  findPlanningRun, findRunWork, finishPlanningRun, insertRunVersion, saveRunCheckpoint, saveRunInput, updateRunProgress,
  type Database, type Db, type Quality,
} from '@hoeder/db';
import { compile, nationalScale, type Compiled } from '@hoeder/planner';
import type { Kysely } from 'kysely';
import type { JobContext, JobHandler } from '../platform/jobs/job-runner';
import { checkPlanningInput } from './input-check';
import { runPlanInWorker, type PlanThreadRequest } from './plan-worker';
import type { PlanningInput, PlanningInputSource } from './planning-input';
import { qualityOf, type RosterPlan, type ThreadRoster } from './roster-document';

export const PLANNING_JOB = 'planning.run';

export interface PlanningJobOptions {
  db: Kysely<Database>;
  source: PlanningInputSource;
  /** The search's budget (wall time); the national week's is 12 s by default (ADR 0044, bench). */
  timeLimitMs: number;
  useMip?: boolean;
  /** How often progress is written and a cancel is looked for. */
  progressMs?: number;
  seed?: number;
  failFullStep?: string;
  /** Search threads; default two on national weeks from four cores with one to spare, else one (ADR 0044 and its addendum). */
  threads?: number;
}

interface Payload {
  runId: string;
}

const QUICK_SHARE = 0.1;

/** A second search thread only where cores are left beyond the API's and the database's. */
const SECOND_THREAD_CORES = 4;

/**
 * A national week gets a second search from another seed when the machine has cores to spare
 * (ADR 0044, from four cores on): the better roster wins. Both threads run at a lower priority than the API
 * (plan-thread.ts); on a busy machine (load average ≥ cores) the two would only halve each other.
 */
function searchThreads(c: Compiled | undefined): number {
  const cores = availableParallelism();
  // Not on two cores: there the API, the database and the stored-roster path share the cores, and
  // two threads stored worse rosters than one (98.52 / 98.71 % against 99.04 / 98.95 % of the LP
  // bound, alternating runs on a quiet machine; ADR 0044, measured by the coordinator).
  return c && nationalScale(c) && cores >= SECOND_THREAD_CORES && (loadavg()[0] ?? 0) < cores ? 2 : 1;
}

/**
 * Candidates per greedy insertion: a national week's construction takes ≈0.15 s of CPU with 16
 * against ≈1.1 s with 256, and the search makes more of that second (ADR 0044); smaller problems
 * keep the careful construction, which costs them little.
 */
function candidateLimit(c: Compiled | undefined): number {
  return c && nationalScale(c) ? 16 : 256;
}

/** A roster version from a run's best plan (its stored text and quality), and the run ended with it; in the job's completing transaction. */
async function storeVersion(trx: Db, runId: string, input: PlanningInput, plan: Pick<ThreadRoster, 'doc' | 'quality'>, failure: string | null, createdBy: string, now: Date): Promise<void> {
  const current = await findPlanningRun(trx, runId);
  // Cancelled meanwhile: nothing is stored.
  if (!current || (current.status !== 'queued' && current.status !== 'running')) return;
  const versionId = randomUUID();
  const stored = await insertRunVersion(trx, runId, { versionId, startDate: input.period.startDate, days: input.period.days, plan: plan.doc, failure, quality: plan.quality, createdBy, now });
  if (!stored) throw new Error('the run has no input snapshot');
  await finishPlanningRun(trx, runId, { status: 'done', versionId, failure, progress: 1, now });
}

/** The planning job (ADR 0019): input snapshot, plan in a worker thread, progress and cancel, a stored roster. */
export function createPlanningJob(options: PlanningJobOptions): JobHandler {
  const { db } = options;

  /** The run's input and its stored text (the planning thread parses the text itself: no clone on the event loop). */
  async function inputOf(runId: string, period: { startDate: string; days: number }): Promise<{ input: PlanningInput; text: string }> {
    const work = await findRunWork(db, runId);
    if (work?.input) return { input: JSON.parse(work.input) as PlanningInput, text: work.input };
    // Taken once: a run resumed after a restart plans the same input.
    const input = await options.source(db, period);
    const text = JSON.stringify(input);
    await saveRunInput(db, runId, text);
    return { input, text };
  }

  async function run(payload: unknown, ctx: JobContext): Promise<void> {
    const { runId } = payload as Payload;
    const run = await findPlanningRun(db, runId);
    if (!run || (run.status !== 'queued' && run.status !== 'running')) return;
    const now = () => new Date();
    if (run.cancelRequested) {
      await ctx.complete((trx) => finishPlanningRun(trx, runId, { status: 'cancelled', now: now() }).then(() => {}));
      return;
    }
    await updateRunProgress(db, runId, { phase: 'input', progress: 0, now: now() });
    const { input, text: inputText } = await inputOf(runId, { startDate: run.startDate, days: run.days });
    const compiled = compile(input.problem);
    const problems = [...checkPlanningInput(input), ...(compiled.ok ? [] : [compiled.error.message])];
    if (problems.length > 0) {
      const failure = `input: ${problems.slice(0, 20).join('; ')}${problems.length > 20 ? `; and ${problems.length - 20} more` : ''}`;
      await ctx.complete((trx) => finishPlanningRun(trx, runId, { status: 'failed', failure, now: now() }).then(() => {}));
      return;
    }
    // Compiled once the input passed its checks; the search's size decides candidates and threads.
    const problemShape = compiled.ok ? compiled.value : undefined;
    const cancel = new AbortController();
    const stop = () => cancel.abort();
    ctx.signal.addEventListener('abort', stop);
    let latest: { phase: string; progress: number; quality?: Quality } = { phase: 'construction', progress: 0 };
    let checkpointQuality: Quality | undefined;
    const tick = setInterval(() => {
      void updateRunProgress(db, runId, { ...latest, now: now() })
        .then(({ cancelRequested }) => cancelRequested && cancel.abort())
        .catch(() => {});
    }, options.progressMs ?? 500);
    const req: PlanThreadRequest = {
      problem: { inputText }, seed: options.seed ?? 1, timeLimitMs: options.timeLimitMs, candidateLimit: candidateLimit(problemShape), useMip: options.useMip ?? true,
      ...(options.failFullStep ? { failFullStep: options.failFullStep } : {}),
    };
    let outcome;
    try {
      outcome = await runPlanInWorker(req, {
        signal: cancel.signal,
        threads: options.threads ?? searchThreads(problemShape),
        onCheckpoint: (roster: ThreadRoster) => {
          // Serialised and rated in the planning thread (ADR 0046): here only the text is written.
          checkpointQuality = roster.quality;
          // Later checkpoints (every few seconds of the search) must not move the progress bar back.
          latest = { phase: 'search', progress: Math.max(QUICK_SHARE, latest.progress), quality: checkpointQuality };
          void saveRunCheckpoint(db, runId, roster.doc, checkpointQuality, now()).catch(() => {});
        },
        onProgress: (p) => {
          const quality = checkpointQuality && { ...checkpointQuality, scoreSoft: p.bestSoft, scoreHard: p.bestHard };
          latest = { phase: 'search', progress: QUICK_SHARE + (1 - QUICK_SHARE) * p.fraction, ...(quality ? { quality } : {}) };
        },
      });
    } finally {
      clearInterval(tick);
      ctx.signal.removeEventListener('abort', stop);
    }
    // Shutdown or a lost lease: the runner hands the job back (or another instance has it).
    if (ctx.signal.aborted) throw new Error(`planning interrupted: ${String((ctx.signal.reason as Error | undefined)?.message ?? 'aborted')}`);
    if (outcome.cancelled) {
      await ctx.complete((trx) => finishPlanningRun(trx, runId, { status: 'cancelled', now: now() }).then(() => {}));
      return;
    }
    const failure = outcome.failures.length > 0 ? outcome.failures.join('; ') : null;
    const plan = outcome.plan;
    if (!plan) {
      await ctx.complete((trx) => finishPlanningRun(trx, runId, { status: 'failed', failure: failure ?? 'no roster', now: now() }).then(() => {}));
      return;
    }
    await ctx.complete((trx) => storeVersion(trx, runId, input, plan, failure, run.requestedBy, now()).then(() => {}));
  }

  /** Attempts spent: the run ends with its checkpoint roster when it has one, else as failed, with the reason. */
  async function onGiveUp(trx: Db, payload: unknown, reason: string): Promise<void> {
    const { runId } = payload as Payload;
    const run = await findPlanningRun(trx, runId);
    if (!run) return;
    const work = await findRunWork(trx, runId);
    if (work?.input && work.checkpoint) {
      const input = JSON.parse(work.input) as PlanningInput;
      const quality = qualityOf(input, JSON.parse(work.checkpoint) as RosterPlan);
      await storeVersion(trx, runId, input, { doc: work.checkpoint, quality }, `search: ${reason}`, run.requestedBy, new Date());
    } else {
      await finishPlanningRun(trx, runId, { status: 'failed', failure: reason, now: new Date() });
    }
  }

  return { kind: PLANNING_JOB, maxAttempts: 2, run, onGiveUp };
}
