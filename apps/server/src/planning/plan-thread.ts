import { parentPort } from 'node:worker_threads';
import { compile, highsMipSolver, nationalScale, solve, type Compiled, type MipSolver, type PlanningProblem } from '@hoeder/planner';
import { checkPlanningInput } from './input-check';
import type { PlanThreadMessage, PlanThreadRequest } from './plan-worker';
import type { PlanningInput } from './planning-input';
import { threadRoster } from './roster-document';

/**
 * One planning run in a worker thread, one search (ADR 0019, ADR 0044): the search's roster after
 * construction is handed back at once as the checkpoint, and its better rosters every few seconds
 * after; if the search or anything it loads fails later, the run still has the last checkpoint,
 * and the failure is reported by name. Until ADR 0044 a separate quick solve made the first
 * checkpoint and the search built its roster again: on the national week ≈ 1.3 s of the 15 s.
 * The input is parsed, checked and compiled here, not on the server's event loop (ADR 0049).
 */
parentPort?.once('message', (req: PlanThreadRequest) => {
  void handle(req);
});

/**
 * Candidates per greedy insertion: a national week's construction takes ≈0.15 s of CPU with 16
 * against ≈1.1 s with 256, and the search makes more of that second (ADR 0044); smaller problems
 * keep the careful construction, which costs them little.
 */
const candidateLimit = (c: Compiled): number => (nationalScale(c) ? 16 : 256);

/**
 * A checkpoint with less than this much of the budget left is marked `tail` (ADR 0049): the final
 * roster follows within about a second, so the job keeps it in memory instead of writing it (a
 * national checkpoint costs the server's thread ≈20 ms in PGlite). The exact phase sends one at
 * most every 5 s, so the last one usually falls in this window.
 */
const TAIL_MS = 3000;

/** The problem, or the input's problems item by item (issue 11: bad input gets a clear error per item). */
function checked(req: PlanThreadRequest): { problem: PlanningProblem; compiled: Compiled } | { problems: string[] } {
  if (!('inputText' in req.problem)) {
    const compiled = compile(req.problem);
    return compiled.ok ? { problem: req.problem, compiled: compiled.value } : { problems: [compiled.error.message] };
  }
  const input = JSON.parse(req.problem.inputText) as PlanningInput;
  const compiled = compile(input.problem);
  const problems = [...checkPlanningInput(input), ...(compiled.ok ? [] : [compiled.error.message])];
  return compiled.ok && problems.length === 0 ? { problem: input.problem, compiled: compiled.value } : { problems };
}

async function handle(req: PlanThreadRequest): Promise<void> {
  const post = (m: PlanThreadMessage) => parentPort?.postMessage(m);
  let problem: PlanningProblem;
  let limit: number;
  try {
    const input = checked(req);
    if ('problems' in input) return post({ type: 'invalid', problems: input.problems });
    problem = input.problem;
    limit = req.candidateLimit ?? candidateLimit(input.compiled);
    post({ type: 'shape', shape: { national: nationalScale(input.compiled) } });
  } catch (e) {
    return post({ type: 'error', message: `input: ${(e as Error).message}` });
  }
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
    const deadline = performance.now() + req.timeLimitMs;
    const full = solve(problem, {
      seed: req.seed, timeLimitMs: req.timeLimitMs, candidateLimit: limit, mip,
      onProgress: (progress) => post({ type: 'progress', progress }),
      onCheckpoint: (plan) => {
        post({ type: 'checkpoint', roster: threadRoster(problem, plan), tail: deadline - performance.now() < TAIL_MS });
        // Tests: the search fails right after its first checkpoint (the construction's roster).
        if (req.failFullStep) throw new Error(req.failFullStep);
      },
    });
    post(full.ok ? { type: 'done', roster: threadRoster(problem, full.value) } : { type: 'error', message: full.error.message });
  } catch (e) {
    post({ type: 'failed', step: 'search', message: (e as Error).message });
  }
}
