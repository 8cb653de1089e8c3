import type { Baseline } from '../compile';
import type { Plan, PlanningProblem, Result } from '../model';
import type { Progress } from '../search';
import type { SolveStats } from '../solve';

/** Serializable request to the planner worker. */
export interface PlanRequest {
  problem: PlanningProblem;
  seed?: number;
  timeLimitMs?: number;
  maxIterations?: number;
  baseline?: Baseline;
  /** Use HiGHS for large-neighbourhood repair (benchmark-size problems). */
  useMip?: boolean;
}

export type WorkerMessage =
  | { type: 'progress'; progress: Progress }
  | { type: 'done'; result: Result<Plan & { stats: SolveStats }> };
