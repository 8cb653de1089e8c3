import { Worker } from 'node:worker_threads';
import type { PlanningProblem, Progress } from '@hoeder/planner';
import { traceStep } from '../platform/step-trace';
import type { ThreadRoster } from './roster-document';

export interface PlanThreadRequest {
  /** The problem, or the run's stored input text (`PlanningInput` JSON): parsed in the thread, not cloned on the event loop (ADR 0046). */
  problem: PlanningProblem | { inputText: string };
  seed: number;
  timeLimitMs: number;
  /** Candidates per greedy insertion of the construction; default: by the problem's size, decided in the thread (ADR 0049). */
  candidateLimit?: number;
  useMip: boolean;
  /** Tests only: make the search fail with this message after its first checkpoint, to show the checkpoint is kept. */
  failFullStep?: string;
}

/** What the thread learnt of the problem before its search: whether it is a national week (candidates and threads, ADR 0044). */
export interface ProblemShape {
  national: boolean;
}

/** Rosters come serialised and rated from the thread (ADR 0046): the event loop only stores the text. */
export type PlanThreadMessage =
  /** The input was checked and compiled in the thread (ADR 0049): a bad input ends the thread with its problems, item by item. */
  | { type: 'shape'; shape: ProblemShape }
  | { type: 'invalid'; problems: string[] }
  /** `tail`: sent in the search's last seconds, when its final roster is about to follow (ADR 0049). */
  | { type: 'checkpoint'; roster: ThreadRoster; tail?: boolean }
  | { type: 'progress'; progress: Progress }
  | { type: 'done'; roster: ThreadRoster }
  | { type: 'error'; message: string }
  /** `solver`: the exact solver could not be loaded (the search goes on without it); `search`: the search ended. */
  | { type: 'failed'; step: 'solver' | 'search'; message: string };

/** What a run produced: the best valid roster (if any) and every step that failed; or the input's problems (no search ran). */
export interface PlanOutcome {
  plan: ThreadRoster | null;
  failures: string[];
  cancelled: boolean;
  invalid?: string[];
}

export interface PlanWorkerHooks {
  onCheckpoint?(roster: ThreadRoster, tail: boolean): void;
  onProgress?(progress: Progress): void;
  /** Aborting terminates the threads at once (cancel, shutdown, lost lease). */
  signal?: AbortSignal;
  /** Searches in parallel, each from its own seed (default 1); or decided by the problem's shape, which the first thread reports (ADR 0049). */
  threads?: number | ((shape: ProblemShape) => number);
}

const better = (a: ThreadRoster | null, b: ThreadRoster): boolean => !a || (b.feasible && !a.feasible) || (b.feasible === a.feasible && (b.score.hard < a.score.hard || (b.score.hard === a.score.hard && b.score.soft < a.score.soft)));

const threadUrl = new URL('./plan-thread-entry.mjs', import.meta.url);

/**
 * Runs a plan in worker threads outside the request path. Unlike the planner's `planInWorker`
 * it can be cancelled (the threads are terminated) and it keeps the search's checkpoint roster,
 * so a crash of the search still leaves a valid roster (issue 11: the engine must not fall over).
 * With several threads (national weeks on a machine with a free core, ADR 0044) each thread searches
 * from its own seed and the best roster wins; the progress is the first thread's. The first thread
 * checks the input before it searches; the others start once it has (they would only repeat it).
 */
export function runPlanInWorker(req: PlanThreadRequest, hooks: PlanWorkerHooks = {}): Promise<PlanOutcome> {
  return new Promise((resolve) => {
    const workers: Worker[] = [];
    let best: ThreadRoster | null = null;
    let invalid: string[] | undefined;
    const failures: string[] = [];
    let running = 0;
    let settled = false;
    const finish = (cancelled = false) => {
      if (settled) return;
      settled = true;
      hooks.signal?.removeEventListener('abort', onAbort);
      for (const w of workers) void w.terminate();
      resolve({ plan: best, failures, cancelled, ...(invalid ? { invalid } : {}) });
    };
    const onAbort = () => finish(true);
    if (hooks.signal?.aborted) return finish(true);
    hooks.signal?.addEventListener('abort', onAbort);
    const take = (roster: ThreadRoster): boolean => {
      if (!better(best, roster)) return false;
      best = roster;
      return true;
    };
    const start = (i: number) => {
      const t0 = performance.now();
      const worker = new Worker(threadUrl);
      workers.push(worker);
      running++;
      // A thread reports its end by message, then exits: only an exit without that report is a failure.
      let over = false;
      const ended = () => {
        if (over) return;
        over = true;
        if (--running === 0) finish();
      };
      worker.on('message', (m: PlanThreadMessage) => {
        // The message's clone was taken off the channel just before: its arrival and size.
        if (m.type !== 'progress') traceStep(`thread ${i}: ${m.type}`, performance.now(), m.type === 'checkpoint' || m.type === 'done' ? m.roster.doc.length : undefined);
        if (m.type === 'progress') {
          if (i === 0) hooks.onProgress?.(m.progress);
        } else if (m.type === 'shape') {
          const more = i === 0 && typeof hooks.threads === 'function' ? hooks.threads(m.shape) : 1;
          for (let k = 1; k < more && !settled; k++) start(k);
        } else if (m.type === 'invalid') {
          invalid = m.problems;
          ended();
        } else if (m.type === 'checkpoint') {
          if (take(m.roster)) hooks.onCheckpoint?.(m.roster, m.tail ?? false);
        } else if (m.type === 'failed') {
          failures.push(`${m.step}: ${m.message}`);
          if (m.step === 'search') ended();
        } else if (m.type === 'error') {
          failures.push(`search: ${m.message}`);
          ended();
        } else {
          take(m.roster);
          ended();
        }
      });
      worker.on('error', (e) => {
        failures.push(`worker: ${e.message}`);
        ended();
      });
      worker.on('exit', (code) => {
        if (!over && !settled) failures.push(`worker: exited with code ${code}`);
        ended();
      });
      worker.postMessage(i === 0 ? req : { ...req, seed: req.seed + i });
      traceStep(`thread ${i}: start`, t0);
    };
    start(0);
    if (typeof hooks.threads === 'number') for (let k = 1; k < hooks.threads; k++) start(k);
  });
}
