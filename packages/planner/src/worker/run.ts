import { Worker } from 'node:worker_threads';
import type { FailureCode, StepFailure } from '../failures';
import type { Progress } from '../search/anneal';
import type { PlanRequest, PlanResult, WorkerMessage } from './protocol';

const ENTRY = new URL('./entry.mjs', import.meta.url);
const DEFAULT_HEAP_MB = 2048;
/** A fallback run gets at least this long, even when the first attempt used up the budget. */
const MIN_FALLBACK_MS = 1000;

type Plan = Extract<PlanResult, { ok: true }>['value'];
type Attempt = { kind: 'done'; result: PlanResult } | { kind: 'died'; failure: StepFailure; legacyCode: string; checkpoint: Plan | null };

/**
 * Run the planner in a worker thread. Sources are TypeScript, so the worker is
 * bootstrapped by entry.mjs, which registers tsx's loader in the thread; progress
 * events are forwarded for a progress bar.
 *
 * Never crashes the caller: the worker has a heap ceiling, and if it dies (out of
 * memory, an exit, an uncaught error) the result is its last checkpoint, or else one
 * fallback run (annealing only, no HiGHS, no partner) in a fresh worker, with the
 * failure listed in `stats.failures`. Only when both die is the result an error.
 */
export function planInWorker(req: PlanRequest, onProgress?: (p: Progress) => void): Promise<PlanResult> {
  return planInWorkerFrom(ENTRY, req, onProgress);
}

/** As `planInWorker`, with the first attempt's entry (and its workerData) given: tests inject failing workers. */
export async function planInWorkerFrom(entry: URL, req: PlanRequest, onProgress?: (p: Progress) => void, workerData?: unknown): Promise<PlanResult> {
  const t0 = performance.now();
  const first = await attempt(entry, req, onProgress, workerData);
  if (first.kind === 'done') return first.result;
  if (first.checkpoint) return { ok: true, value: withFailures(first.checkpoint, [first.failure]) };
  const spent = performance.now() - t0;
  const left = (limit?: number) => (limit === undefined ? undefined : Math.max(MIN_FALLBACK_MS, limit - spent));
  const fallback: PlanRequest = {
    ...req, useMip: false, partner: undefined, timeLimitMs: left(req.timeLimitMs), cpuTimeLimitMs: left(req.cpuTimeLimitMs),
  };
  const second = await attempt(ENTRY, fallback, onProgress);
  if (second.kind === 'done') return second.result.ok ? { ok: true, value: withFailures(second.result.value, [first.failure]) } : second.result;
  if (second.checkpoint) return { ok: true, value: withFailures(second.checkpoint, [first.failure, second.failure]) };
  return { ok: false, error: { code: second.legacyCode, message: `${first.failure.message}; fallback: ${second.failure.message}` } };
}

function withFailures(plan: Plan, failures: StepFailure[]): Plan {
  return { ...plan, stats: { ...plan.stats, failures: [...plan.stats.failures, ...failures] } };
}

function attempt(entry: URL, req: PlanRequest, onProgress: ((p: Progress) => void) | undefined, workerData?: unknown): Promise<Attempt> {
  return new Promise((resolve) => {
    const worker = new Worker(entry, { workerData, resourceLimits: { maxOldGenerationSizeMb: req.memoryLimitMb ?? DEFAULT_HEAP_MB } });
    let checkpoint: Plan | null = null;
    let settled = false;
    const finish = (a: Attempt) => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      resolve(a);
    };
    const died = (code: FailureCode, legacyCode: string, message: string) =>
      finish({ kind: 'died', failure: { code, step: 'worker', message, count: 1 }, legacyCode, checkpoint });
    worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'progress') onProgress?.(m.progress);
      else if (m.type === 'checkpoint') checkpoint = m.plan;
      else finish({ kind: 'done', result: m.result });
    });
    worker.on('error', (e: Error & { code?: string }) => {
      if (e.code === 'ERR_WORKER_OUT_OF_MEMORY') died('worker-out-of-memory', 'worker-error', e.message);
      else died('worker-exited', 'worker-error', e.message);
    });
    worker.on('exit', (code) => died('worker-exited', 'worker-exit', `worker exited with ${code}`));
    worker.postMessage(req);
  });
}
