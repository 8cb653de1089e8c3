import type { FailedStep, FailureLog } from '../failures';
import { messageOf } from '../failures';
import type { MipSolver } from './lns';

/** After this many errors in a row the solver is not called again in this run. */
export const MAX_CONSECUTIVE_ERRORS = 3;

/**
 * The engine's only door to an exact solver. A solver that throws (HiGHS error
 * status, numerical trouble, a WASM module that aborted) or returns nothing is
 * recorded and answered with "no solution", which every caller already treats as
 * "keep the roster"; after repeated errors in a row the solver is switched off and
 * the caller's budget goes to annealing instead.
 */
export class SafeSolver {
  disabled = false;
  private errorsInRow = 0;

  constructor(private readonly solver: MipSolver, private readonly failures: FailureLog) {}

  /** A `MipSolver` view for one step, so failures name where they happened. */
  for(step: FailedStep): MipSolver {
    return { solve: (lp, seconds, start) => this.solve(step, lp, seconds, start) };
  }

  solve(step: FailedStep, lp: string, seconds: number, start?: string[]): ReturnType<MipSolver['solve']> {
    if (this.disabled) return null;
    let out: ReturnType<MipSolver['solve']>;
    try {
      out = this.solver.solve(lp, seconds, start);
    } catch (e) {
      this.failures.record('solver-error', step, messageOf(e));
      if (++this.errorsInRow >= MAX_CONSECUTIVE_ERRORS) {
        this.disabled = true;
        this.failures.record('solver-disabled', step, `${MAX_CONSECUTIVE_ERRORS} solver errors in a row; exact repair off for the rest of the run`);
      }
      return null;
    }
    this.errorsInRow = 0;
    if (!out) this.failures.record('solver-no-solution', step, 'no solution within the time limit');
    return out;
  }
}
