/**
 * Opt-in timing of a planning job's steps on the server's thread (`HOEDER_PLAN_TRACE=1`, off by
 * default), so the planning bench can set each step beside the event loop's blocking spans (the
 * case views during a plan, issue 11). Only step names, sizes and times: no personal data.
 */
export interface TraceMark {
  /** `performance.now()` when the step ended (the bench's clock: the same process). */
  at: number;
  step: string;
  /** How long the step took on this thread (wall time; with awaits, the database's time included). */
  ms: number;
  /** The size of what the step handled (characters of text), where that is its cost. */
  chars?: number;
}

const marks: TraceMark[] = [];

const enabled = (): boolean => process.env.HOEDER_PLAN_TRACE === '1';

/** Records a step that ended now and began at `start` (`performance.now()`). */
export function traceStep(step: string, start: number, chars?: number): void {
  if (!enabled()) return;
  const at = performance.now();
  marks.push({ at, step, ms: at - start, ...(chars === undefined ? {} : { chars }) });
}

/** The marks so far, and the list emptied (the bench reads them once per run). */
export function takeTrace(): TraceMark[] {
  return marks.splice(0, marks.length);
}
