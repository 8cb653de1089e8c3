import { Worker } from 'node:worker_threads';
import type { Plan, Result } from '../model';
import type { Progress } from '../search/anneal';
import type { SolveStats } from '../solve';
import type { PlanRequest, WorkerMessage } from './protocol';

/**
 * Run the planner in a worker thread. Sources are TypeScript, so the worker is
 * bootstrapped by entry.mjs, which registers tsx's loader in the thread; progress events are forwarded for a progress bar.
 */
export function planInWorker(req: PlanRequest, onProgress?: (p: Progress) => void): Promise<Result<Plan & { stats: SolveStats }>> {
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./entry.mjs', import.meta.url));
    let settled = false;
    const finish = (r: Result<Plan & { stats: SolveStats }>) => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      resolve(r);
    };
    worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'progress') onProgress?.(m.progress);
      else finish(m.result);
    });
    worker.on('error', (e) => finish({ ok: false, error: { code: 'worker-error', message: e.message } }));
    worker.on('exit', (code) => finish({ ok: false, error: { code: 'worker-exit', message: `worker exited with ${code}` } }));
    worker.postMessage(req);
  });
}
