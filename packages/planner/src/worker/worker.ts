import { parentPort } from 'node:worker_threads';
import { messageOf } from '../failures';
import { highsMipSolver } from '../mip/highs';
import type { Plan } from '../model';
import { columnPartner, highsPartner } from '../portfolio/partner';
import { solve, type SolveStats } from '../solve';
import type { PlanRequest, WorkerMessage } from './protocol';

// Worker entry: one request per worker, so the server thread stays responsive.
parentPort?.once('message', (req: PlanRequest) => {
  void handle(req);
});

async function handle(req: PlanRequest): Promise<void> {
  const post = (m: WorkerMessage) => parentPort?.postMessage(m);
  let last: (Plan & { stats: SolveStats }) | null = null;
  try {
    // Without HiGHS (the WASM module failed to load) the engine anneals only.
    const mip = req.useMip ? await highsMipSolver().catch(() => undefined) : undefined;
    const partner = req.partner === 'columns' ? columnPartner() : req.partner === 'highs' ? highsPartner() : undefined;
    const result = solve(req.problem, {
      seed: req.seed,
      timeLimitMs: req.timeLimitMs,
      cpuTimeLimitMs: req.cpuTimeLimitMs,
      maxIterations: req.maxIterations,
      baseline: req.baseline,
      mip,
      partner,
      onProgress: (progress) => post({ type: 'progress', progress }),
      onCheckpoint: (plan) => {
        last = plan;
        post({ type: 'checkpoint', plan });
      },
    });
    if (result.ok && req.useMip && !mip) {
      result.value.stats.failures.push({ code: 'solver-error', step: 'lns', message: 'HiGHS could not be loaded; annealing only', count: 1 });
    }
    post({ type: 'done', result });
  } catch (e) {
    // The engine falls back inside; this is the last net: the last checkpoint, or the error.
    const failure = { code: 'phase-error' as const, step: 'worker' as const, message: messageOf(e), count: 1 };
    const kept = last as (Plan & { stats: SolveStats }) | null;
    post({
      type: 'done',
      result: kept ? { ok: true, value: { ...kept, stats: { ...kept.stats, failures: [...kept.stats.failures, failure] } } }
        : { ok: false, error: { code: 'worker-failed', message: messageOf(e) } },
    });
  }
}
