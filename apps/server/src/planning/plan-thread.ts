import { platform, setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { highsMipSolver, solve } from '@hoeder/planner';
import type { PlanThreadMessage, PlanThreadRequest } from './plan-worker';

/**
 * One planning run in a worker thread, in two steps (ADR 0019): a quick construction whose valid
 * roster is handed back at once as the checkpoint, then the full search. If the full search or
 * anything it loads fails, the run still has the checkpoint; the failure is reported by name.
 */
/**
 * The plan must not starve the API (issue 11): on Linux the nice value is per thread, so this
 * lowers only the planning thread, and the server's event loop wins the core when both want it.
 */
if (platform() === 'linux') {
  try {
    setPriority(10);
  } catch {
    // Not permitted here: the plan runs at normal priority.
  }
}

parentPort?.once('message', (req: PlanThreadRequest) => {
  void handle(req);
});

async function handle(req: PlanThreadRequest): Promise<void> {
  const post = (m: PlanThreadMessage) => parentPort?.postMessage(m);
  try {
    const quick = solve(req.problem, { seed: req.seed, maxIterations: req.quickIterations, candidateLimit: 256 });
    post({ type: 'checkpoint', result: quick });
  } catch (e) {
    post({ type: 'failed', step: 'construction', message: (e as Error).message });
  }
  try {
    if (req.failFullStep) throw new Error(req.failFullStep);
    const mip = req.useMip ? await highsMipSolver() : undefined;
    const full = solve(req.problem, { seed: req.seed, timeLimitMs: req.timeLimitMs, candidateLimit: 256, mip, onProgress: (progress) => post({ type: 'progress', progress }) });
    post({ type: 'done', result: full });
  } catch (e) {
    post({ type: 'failed', step: 'search', message: (e as Error).message });
  }
}
