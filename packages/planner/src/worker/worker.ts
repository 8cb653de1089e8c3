import { parentPort } from 'node:worker_threads';
import { highsMipSolver } from '../mip/highs';
import { columnPartner, highsPartner } from '../portfolio/partner';
import { solve } from '../solve';
import type { PlanRequest, WorkerMessage } from './protocol';

// Worker entry: one request per worker, so the server thread stays responsive.
parentPort?.once('message', (req: PlanRequest) => {
  void handle(req);
});

async function handle(req: PlanRequest): Promise<void> {
  const post = (m: WorkerMessage) => parentPort?.postMessage(m);
  try {
    const mip = req.useMip ? await highsMipSolver() : undefined;
    const partner = req.partner === 'columns' ? columnPartner() : req.partner === 'highs' ? highsPartner() : undefined;
    const result = solve(req.problem, {
      seed: req.seed,
      timeLimitMs: req.timeLimitMs,
      maxIterations: req.maxIterations,
      baseline: req.baseline,
      mip,
      partner,
      onProgress: (progress) => post({ type: 'progress', progress }),
    });
    post({ type: 'done', result });
  } catch (e) {
    post({ type: 'done', result: { ok: false, error: { code: 'worker-failed', message: (e as Error).message } } });
  }
}
