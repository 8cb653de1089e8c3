/**
 * What went wrong during a run without stopping it. Every sub-step that can fail
 * (an exact solver, a partner thread, a search phase, the worker) falls back and
 * records a failure here; the run still returns its best valid roster. Codes are
 * machine-readable and stable; messages are English for logs (the server translates
 * codes for people).
 */
export type FailureCode =
  /** The exact solver threw (HiGHS error status, numerical trouble, a WASM abort). */
  | 'solver-error'
  /** The exact solver returned no usable solution (infeasible, or no incumbent in its time). */
  | 'solver-no-solution'
  /** After repeated errors the exact solver was not used for the rest of the run. */
  | 'solver-disabled'
  /** The portfolio partner threw or reported a failure; the run continued without it. */
  | 'partner-error'
  /** A search phase threw; the run continued from the best roster found before it. */
  | 'phase-error'
  /** The worker thread exited or crashed; the result is its last checkpoint or a fallback run. */
  | 'worker-exited'
  /** The worker thread ran out of memory. */
  | 'worker-out-of-memory';

export type FailedStep = 'construction' | 'annealing' | 'lns' | 'day-repair' | 'row-repair' | 'work-before-private' | 'partner' | 'worker';

export interface StepFailure {
  code: FailureCode;
  step: FailedStep;
  /** The first message seen for this code and step (English, for logs). */
  message: string;
  /** How often it happened. */
  count: number;
}

/** Failures of one run, one entry per (code, step) with a count. */
export class FailureLog {
  private readonly entries = new Map<string, StepFailure>();

  record(code: FailureCode, step: FailedStep, message: string): void {
    const key = `${code}|${step}`;
    const known = this.entries.get(key);
    if (known) known.count++;
    else this.entries.set(key, { code, step, message: message.slice(0, 300), count: 1 });
  }

  list(): StepFailure[] {
    return [...this.entries.values()].map((f) => ({ ...f }));
  }
}

export function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
