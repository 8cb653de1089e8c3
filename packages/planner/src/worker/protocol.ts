import type { Baseline } from '../compile';
import type { Plan, PlanningProblem, Result } from '../model';
import type { Progress } from '../search/anneal';
import type { SolveStats } from '../solve';

/** Serializable request to the planner worker. */
export interface PlanRequest {
  problem: PlanningProblem;
  seed?: number;
  /** Wall-clock limit; with `cpuTimeLimitMs`, the ceiling. */
  timeLimitMs?: number;
  /** Budget in the worker thread's CPU time, so a busy machine slows the run instead of cutting its work (see SolveOptions). */
  cpuTimeLimitMs?: number;
  maxIterations?: number;
  baseline?: Baseline;
  /** Use HiGHS for large-neighbourhood repair (benchmark-size problems). */
  useMip?: boolean;
  /**
   * A partner on another core for problems small enough for a full model (ADR 0101):
   * column generation (`columns`) or HiGHS on the full MIP (`highs`). Needs a time limit.
   */
  partner?: 'columns' | 'highs';
  /** Heap ceiling of the worker (MB, default 2048): running out ends the worker, never the caller's process. */
  memoryLimitMb?: number;
}

export type PlanResult = Result<Plan & { stats: SolveStats }>;

export type WorkerMessage =
  | { type: 'progress'; progress: Progress }
  /** The best plan so far; returned if the worker dies before `done`. */
  | { type: 'checkpoint'; plan: Plan & { stats: SolveStats } }
  | { type: 'done'; result: PlanResult };
