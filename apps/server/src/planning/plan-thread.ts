import { parentPort } from 'node:worker_threads';
import { highsMipSolver, solve, type MipSolver, type PlanningProblem } from '@hoeder/planner';
import type { PlanThreadMessage, PlanThreadRequest } from './plan-worker';
import { threadRoster } from './roster-document';

/**
 * One planning run in a worker thread, one search (ADR 0019, ADR 0044): the search's roster after
 * construction is handed back at once as the checkpoint, and its better rosters every few seconds
 * after; if the search or anything it loads fails later, the run still has the last checkpoint,
 * and the failure is reported by name. Until ADR 0044 a separate quick solve made the first
 * checkpoint and the search built its roster again: on the national week ≈ 1.3 s of the 15 s.
 */
parentPort?.once('message', (req: PlanThreadRequest) => {
  void handle(req);
});

async function handle(req: PlanThreadRequest): Promise<void> {
  const post = (m: PlanThreadMessage) => parentPort?.postMessage(m);
  let mip: MipSolver | undefined;
  if (req.useMip) {
    try {
      mip = await highsMipSolver();
    } catch (e) {
      // Without the exact solver the search anneals the whole budget: a weaker roster, never none.
      post({ type: 'failed', step: 'solver', message: (e as Error).message });
    }
  }
  try {
    const problem = 'inputText' in req.problem ? (JSON.parse(req.problem.inputText) as { problem: PlanningProblem }).problem : req.problem;
    const full = solve(problem, {
      seed: req.seed, timeLimitMs: req.timeLimitMs, candidateLimit: req.candidateLimit, mip,
      onProgress: (progress) => post({ type: 'progress', progress }),
      onCheckpoint: (plan) => {
        post({ type: 'checkpoint', roster: threadRoster(problem, plan) });
        // Tests: the search fails right after its first checkpoint (the construction's roster).
        if (req.failFullStep) throw new Error(req.failFullStep);
      },
    });
    post(full.ok ? { type: 'done', roster: threadRoster(problem, full.value) } : { type: 'error', message: full.error.message });
  } catch (e) {
    post({ type: 'failed', step: 'search', message: (e as Error).message });
  }
}
