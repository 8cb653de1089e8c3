import { randomUUID } from 'node:crypto';
import { availableParallelism, loadavg } from 'node:os';
import {
  findPlanningRun, findRunWork, finishPlanningRun, insertRunVersion, saveRunCheckpoint, saveRunInput, updateRunProgress,
  type Database, type Db, type Quality,
} from '@hoeder/db';
import type { Kysely } from 'kysely';
import type { JobContext, JobHandler } from '../platform/jobs/job-runner';
import { runPlanInWorker, type PlanOutcome, type PlanThreadRequest, type ProblemShape } from './plan-worker';
import type { PlanningInput, PlanningInputSource, PlanningPeriod } from './planning-input';
import { traceStep } from '../platform/step-trace';
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
 * Decided when the first thread has checked the input and reports its shape (ADR 0049).
 */
function searchThreads(shape: ProblemShape): number {
  const cores = availableParallelism();
  // Not on two cores: there the API, the database and the stored-roster path share the cores, and
  // two threads stored worse rosters than one (98.52 / 98.71 % against 99.04 / 98.95 % of the LP
  // bound, alternating runs on a quiet machine; ADR 0044, measured by the coordinator).
  return shape.national && cores >= SECOND_THREAD_CORES && (loadavg()[0] ?? 0) < cores ? 2 : 1;
}

/** A roster version from a run's best plan (its stored text and quality), and the run ended with it; in the job's completing transaction. */
async function storeVersion(trx: Db, runId: string, period: PlanningPeriod, plan: Pick<ThreadRoster, 'doc' | 'quality'>, failure: string | null, createdBy: string, now: Date): Promise<void> {
  const current = await findPlanningRun(trx, runId);
  // Cancelled meanwhile: nothing is stored.
  if (!current || (current.status !== 'queued' && current.status !== 'running')) return;
  const versionId = randomUUID();
  const stored = await insertRunVersion(trx, runId, { versionId, startDate: period.startDate, days: period.days, plan: plan.doc, failure, quality: plan.quality, createdBy, now });
  if (!stored) throw new Error('the run has no input snapshot');
  await finishPlanningRun(trx, runId, { status: 'done', versionId, failure, progress: 1, now });
}

/**
 * The run's checkpoint roster in the database (ADR 0049). A checkpoint from the search's last
 * seconds (`tail`) is kept in memory only: the final roster follows at once and is stored itself,
 * and writing both held the event loop (PGlite runs on it) for ≈20 ms plus the final store. It is
 * written after all when the job is handed back (shutdown, lost lease), for the next attempt or the
 * give-up; only a crash of the whole process in those seconds falls back to the checkpoint before.
 */
function checkpointWriter(write: (roster: ThreadRoster) => Promise<void>) {
  let held: ThreadRoster | undefined;
  let writing: Promise<void> = Promise.resolve();
  const save = (roster: ThreadRoster) => {
    writing = writing.then(() => write(roster)).catch(() => {});
  };
  return {
    offer: (roster: ThreadRoster, tail: boolean) => {
      held = tail ? roster : undefined;
      if (!tail) save(roster);
    },
    /** The run is handed back: a held checkpoint is written now. */
    flush: (): Promise<void> => {
      if (held) save(held);
      held = undefined;
      return writing;
    },
    /** The run ends here (with a stored roster or without one): a held checkpoint is not needed; a write under way is awaited. */
    drop: (): Promise<void> => {
      held = undefined;
      return writing;
    },
  };
}

/** The planning job (ADR 0019): input snapshot, plan in a worker thread, progress and cancel, a stored roster. */
export function createPlanningJob(options: PlanningJobOptions): JobHandler {
  const { db } = options;

  /**
   * The run's input as its stored text: the planning thread parses, checks and compiles it (ADR
   * 0046, 0049), so the event loop never holds the parsed input. Taken once: a run resumed after a
   * restart plans the same input. Source, JSON and write run in one turn of the event loop on
   * purpose: the source (≈70–110 ms) and PGlite's write of 2.6 MB (≈90–160 ms) cannot be cut
   * smaller, and each piece of ≥ 20 ms delays one case view, so three pieces cost the p99 more than
   * one (ADR 0049, measured).
   */
  async function inputText(runId: string, period: PlanningPeriod): Promise<string> {
    let t = performance.now();
    const work = await findRunWork(db, runId);
    traceStep('input: find stored', t, work?.input?.length ?? 0);
    if (work?.input) return work.input;
    t = performance.now();
    const input = await options.source(db, period);
    traceStep('input: source', t);
    t = performance.now();
    const text = JSON.stringify(input);
    traceStep('input: stringify', t, text.length);
    t = performance.now();
    await saveRunInput(db, runId, text);
    traceStep('input: save', t, text.length);
    return text;
  }

  /** The search in its threads, with progress written and a cancel looked for every `progressMs`. */
  async function search(runId: string, text: string, ctx: JobContext): Promise<PlanOutcome> {
    const cancel = new AbortController();
    const stop = () => cancel.abort();
    ctx.signal.addEventListener('abort', stop);
    let latest: { phase: string; progress: number; quality?: Quality } = { phase: 'construction', progress: 0 };
    let checkpointQuality: Quality | undefined;
    const tick = setInterval(() => {
      const t0 = performance.now();
      void updateRunProgress(db, runId, { ...latest, now: new Date() })
        .then(({ cancelRequested }) => (traceStep('progress: write', t0), cancelRequested && cancel.abort()))
        .catch(() => {});
    }, options.progressMs ?? 500);
    const checkpoints = checkpointWriter(async (roster) => {
      const t0 = performance.now();
      await saveRunCheckpoint(db, runId, roster.doc, roster.quality, new Date());
      traceStep('checkpoint: save', t0, roster.doc.length);
    });
    const req: PlanThreadRequest = {
      problem: { inputText: text }, seed: options.seed ?? 1, timeLimitMs: options.timeLimitMs, useMip: options.useMip ?? true,
      ...(options.failFullStep ? { failFullStep: options.failFullStep } : {}),
    };
    try {
      const outcome = await runPlanInWorker(req, {
        signal: cancel.signal,
        threads: options.threads ?? searchThreads,
        onCheckpoint: (roster: ThreadRoster, tail: boolean) => {
          // Serialised and rated in the planning thread (ADR 0046): here only the text is written.
          checkpointQuality = roster.quality;
          // Later checkpoints (every few seconds of the search) must not move the progress bar back.
          latest = { phase: 'search', progress: Math.max(QUICK_SHARE, latest.progress), quality: checkpointQuality };
          checkpoints.offer(roster, tail);
        },
        onProgress: (p) => {
          const quality = checkpointQuality && { ...checkpointQuality, scoreSoft: p.bestSoft, scoreHard: p.bestHard };
          latest = { phase: 'search', progress: QUICK_SHARE + (1 - QUICK_SHARE) * p.fraction, ...(quality ? { quality } : {}) };
        },
      });
      // Handed back (shutdown, lost lease): the newest checkpoint is kept for the next attempt.
      await (ctx.signal.aborted ? checkpoints.flush() : checkpoints.drop());
      return outcome;
    } finally {
      clearInterval(tick);
      ctx.signal.removeEventListener('abort', stop);
    }
  }

  async function run(payload: unknown, ctx: JobContext): Promise<void> {
    const { runId } = payload as Payload;
    const run = await findPlanningRun(db, runId);
    if (!run || (run.status !== 'queued' && run.status !== 'running')) return;
    const now = () => new Date();
    const end = (status: 'failed' | 'cancelled', failure?: string) => ctx.complete((trx) => finishPlanningRun(trx, runId, { status, failure: failure ?? null, now: now() }).then(() => {}));
    if (run.cancelRequested) return void (await end('cancelled'));
    await updateRunProgress(db, runId, { phase: 'input', progress: 0, now: now() });
    const period = { startDate: run.startDate, days: run.days };
    const outcome = await search(runId, await inputText(runId, period), ctx);
    // Shutdown or a lost lease: the runner hands the job back (or another instance has it).
    if (ctx.signal.aborted) throw new Error(`planning interrupted: ${String((ctx.signal.reason as Error | undefined)?.message ?? 'aborted')}`);
    if (outcome.invalid) {
      const problems = outcome.invalid;
      return void (await end('failed', `input: ${problems.slice(0, 20).join('; ')}${problems.length > 20 ? `; and ${problems.length - 20} more` : ''}`));
    }
    if (outcome.cancelled) return void (await end('cancelled'));
    const failure = outcome.failures.length > 0 ? outcome.failures.join('; ') : null;
    const plan = outcome.plan;
    if (!plan) return void (await end('failed', failure ?? 'no roster'));
    const t = performance.now();
    await ctx.complete((trx) => storeVersion(trx, runId, period, plan, failure, run.requestedBy, now()).then(() => {}));
    traceStep('store version', t, plan.doc.length);
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
      await storeVersion(trx, runId, input.period, { doc: work.checkpoint, quality }, `search: ${reason}`, run.requestedBy, new Date());
    } else {
      await finishPlanningRun(trx, runId, { status: 'failed', failure: reason, now: new Date() });
    }
  }

  return { kind: PLANNING_JOB, maxAttempts: 2, run, onGiveUp };
}
