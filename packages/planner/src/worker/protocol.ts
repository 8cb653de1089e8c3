import type { Baseline } from '../compile';
import type { Plan, PlanningProblem, Result } from '../model';
import type { Progress } from '../search/anneal';
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
  /**
   * A partner on another core for problems small enough for a full model (ADR 0101):
   * column generation (`columns`) or HiGHS on the full MIP (`highs`). Needs a time limit.
   */
  partner?: 'columns' | 'highs';
}

export type WorkerMessage =
  | { type: 'progress'; progress: Progress }
  | { type: 'done'; result: Result<Plan & { stats: SolveStats }> };
