import { Worker } from 'node:worker_threads';
import type { Plan, PlanningProblem, Progress, Result } from '@hoeder/planner';

export interface PlanThreadRequest {
  problem: PlanningProblem;
  seed: number;
  timeLimitMs: number;
  quickIterations: number;
  useMip: boolean;
  /** Tests only: make the full search fail with this message, to show the checkpoint is kept. */
  failFullStep?: string;
}

export type PlanThreadMessage =
  | { type: 'checkpoint'; result: Result<Plan> }
  | { type: 'progress'; progress: Progress }
  | { type: 'done'; result: Result<Plan> }
  | { type: 'failed'; step: 'construction' | 'search'; message: string };

/** What a run produced: the best valid roster (if any) and every step that failed. */
export interface PlanOutcome {
  plan: Plan | null;
  failures: string[];
  cancelled: boolean;
}

export interface PlanWorkerHooks {
  onCheckpoint?(plan: Plan): void;
  onProgress?(progress: Progress): void;
  /** Aborting terminates the thread at once (cancel, shutdown, lost lease). */
  signal?: AbortSignal;
}

const better = (a: Plan | null, b: Plan): boolean => !a || (b.feasible && !a.feasible) || (b.feasible === a.feasible && (b.score.hard < a.score.hard || (b.score.hard === a.score.hard && b.score.soft < a.score.soft)));

/**
 * Runs a plan in a worker thread outside the request path. Unlike the planner's `planInWorker`
 * it can be cancelled (the thread is terminated) and it keeps the construction's roster, so a
 * crash of the search still leaves a valid roster (issue 11: the engine must not fall over).
 */
export function runPlanInWorker(req: PlanThreadRequest, hooks: PlanWorkerHooks = {}): Promise<PlanOutcome> {
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./plan-thread-entry.mjs', import.meta.url));
    let best: Plan | null = null;
    const failures: string[] = [];
    let settled = false;
    const finish = (cancelled = false) => {
      if (settled) return;
      settled = true;
      hooks.signal?.removeEventListener('abort', onAbort);
      void worker.terminate();
      resolve({ plan: best, failures, cancelled });
    };
    const onAbort = () => finish(true);
    if (hooks.signal?.aborted) return finish(true);
    hooks.signal?.addEventListener('abort', onAbort);
    const take = (result: Result<Plan>, step: string) => {
      if (!result.ok) failures.push(`${step}: ${result.error.message}`);
      else if (better(best, result.value)) best = result.value;
    };
    worker.on('message', (m: PlanThreadMessage) => {
      if (m.type === 'progress') hooks.onProgress?.(m.progress);
      else if (m.type === 'checkpoint') {
        take(m.result, 'construction');
        if (m.result.ok) hooks.onCheckpoint?.(m.result.value);
      } else if (m.type === 'failed') {
        failures.push(`${m.step}: ${m.message}`);
        if (m.step === 'search') finish();
      } else {
        take(m.result, 'search');
        finish();
      }
    });
    worker.on('error', (e) => {
      failures.push(`worker: ${e.message}`);
      finish();
    });
    worker.on('exit', (code) => {
      if (!settled) failures.push(`worker: exited with code ${code}`);
      finish();
    });
    worker.postMessage(req);
  });
}
