/**
 * The search budget in work done rather than wall time. A run given a CPU-time limit
 * measures its progress on this thread's CPU clock, with the wall-clock limit (if any)
 * as a ceiling: on a busy machine the run takes longer but does the same work, until
 * the ceiling; on a quiet one it is unchanged. Every phase reads one clock, `now`,
 * in budget milliseconds, so annealing, exact repairs and their time limits follow it.
 */
export interface Budget {
  /** Budget milliseconds spent since the run began. */
  now: () => number;
  /** The budget in the same unit; undefined when only an iteration limit is set. */
  limitMs?: number;
}

/** This thread's CPU time (ms) where the runtime offers it (`process.threadCpuUsage`, Node ≥ 22.19); else undefined. */
export function threadCpuClock(): (() => number) | undefined {
  const usage = (globalThis.process as { threadCpuUsage?: () => { user: number; system: number } } | undefined)?.threadCpuUsage;
  if (typeof usage !== 'function') return undefined;
  return () => {
    const u = usage.call(globalThis.process);
    return (u.user + u.system) / 1000;
  };
}

/**
 * Budget clock: without a CPU limit (or a CPU clock) it is the wall clock; with one,
 * the larger of the CPU time used and the wall time scaled so the wall limit maps to
 * the CPU limit.
 */
export function makeBudget(wallNow: () => number, wallLimitMs?: number, cpuLimitMs?: number, cpuNow?: () => number): Budget {
  if (cpuLimitMs === undefined) return { now: wallNow, limitMs: wallLimitMs };
  if (!cpuNow) return { now: wallNow, limitMs: Math.min(cpuLimitMs, wallLimitMs ?? Number.POSITIVE_INFINITY) };
  const w0 = wallNow();
  const c0 = cpuNow();
  const scale = wallLimitMs === undefined ? 0 : cpuLimitMs / Math.max(1, wallLimitMs);
  return { now: () => Math.max(cpuNow() - c0, (wallNow() - w0) * scale), limitMs: cpuLimitMs };
}
