// Pure statistics and goal checks for the API benchmark (no I/O; tested in stats.test.ts).

/** The median of a non-empty list (mean of the middle two for an even count). */
export function median(xs: readonly number[]): number {
  if (xs.length === 0) throw new Error('median of nothing');
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Nearest-rank percentile, p in (0, 100]. */
export function percentile(xs: readonly number[], p: number): number {
  if (xs.length === 0) throw new Error('percentile of nothing');
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}

/** How many times more throughput `a` has than `b` (∞ when b served nothing). */
export const ratio = (a: number, b: number): number => (b > 0 ? a / b : Number.POSITIVE_INFINITY);

/** One load-generator run against one route. */
export interface HttpRow {
  database: 'postgresql' | 'pglite';
  route: 'me' | 'case-view' | 'case-list';
  path: string;
  connections: number;
  seconds: number;
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  ok: number;
  /** Connection errors, timeouts and non-2xx answers together. */
  errors: number;
  non2xx: number;
  /** Audit entries written during the run (PostgreSQL only; null where not counted). */
  auditEntries: number | null;
  /** `uptime` load averages when the run ended. */
  load: string;
}

/** The audit check: a fixed number of case views, every answer counted, rows counted around it. */
export interface AuditCheck {
  requests: number;
  ok: number;
  errors: number;
  auditBefore: number;
  auditAfter: number;
}

/** One measurement of the growth suite: the median of `samples` timings (ms). */
export interface GrowthRow {
  items: number;
  operation: 'daf-view' | 'case-view' | 'case-as-of' | 'append-item';
  medianMs: number;
  samples: number[];
}

export interface Goal {
  text: string;
  met: boolean;
}

/** Throughput of `me` over the other route: the goal is at most 3×, with p99 under 150 ms. */
export function ratioGoal(me: HttpRow | undefined, other: HttpRow | undefined): Goal & { ratio: number | null } {
  if (!me || !other) return { ratio: null, text: '≤ 3× and p99 < 150 ms', met: false };
  const r = ratio(me.reqPerSec, other.reqPerSec);
  return { ratio: r, text: '≤ 3× and p99 < 150 ms', met: r <= 3 && other.p99Ms < 150 };
}

/** Goals of the growth table, by operation; only the largest N is held to them. */
export const GROWTH_GOALS: Record<GrowthRow['operation'], { maxMs: number; text: string } | null> = {
  'daf-view': { maxMs: 100, text: '≤ 100 ms at 2,000 items' },
  'case-view': null,
  'case-as-of': { maxMs: 200, text: '≤ 200 ms' },
  'append-item': { maxMs: 20, text: '≤ 20 ms whatever the history' },
};

export const auditMatches = (c: AuditCheck): boolean => c.auditAfter - c.auditBefore === c.ok && c.errors === 0;
