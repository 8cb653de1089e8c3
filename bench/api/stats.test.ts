import { describe, expect, it } from 'vitest';
import { auditMatches, median, percentile, ratio, ratioGoal, type HttpRow } from './stats';
import { growthTable, resultsMarkdown, type ApiBenchResult } from './table';

const row = (route: HttpRow['route'], reqPerSec: number, p99Ms: number, connections = 50): HttpRow => ({
  database: 'postgresql', route, path: `/api/${route}`, connections, seconds: 10, reqPerSec, p50Ms: p99Ms / 2, p99Ms, ok: reqPerSec * 10, errors: 0, non2xx: 0, auditEntries: null, load: '1.00, 1.00, 1.00',
});

const run = (over: Partial<ApiBenchResult> = {}): ApiBenchResult => ({
  command: 'npm run bench:api', date: '2026-11-30T11:00:00.000Z', commit: 'abc1234', node: 'v22.23.3', loadAtStart: '1.00, 1.00, 1.00',
  http: [row('me', 2400, 49), row('case-view', 229, 409), row('case-list', 1000, 100), row('case-view', 200, 900, 200)],
  auditCheck: { requests: 1000, ok: 1000, errors: 0, auditBefore: 10, auditAfter: 1010 },
  growth: [
    { items: 13, operation: 'daf-view', medianMs: 21, samples: [21] },
    { items: 2003, operation: 'daf-view', medianMs: 2174, samples: [2174] },
    { items: 2003, operation: 'append-item', medianMs: 15, samples: [15] },
  ],
  ...over,
});

describe('statistics', () => {
  it('takes the median of odd and even counts, unsorted', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(() => median([])).toThrow();
  });
  it('takes nearest-rank percentiles', () => {
    const xs = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(xs, 50)).toBe(50);
    expect(percentile(xs, 99)).toBe(99);
    expect(percentile([7], 99)).toBe(7);
  });
  it('compares throughput, infinite when the other route served nothing', () => {
    expect(ratio(2392, 229)).toBeCloseTo(10.45, 2);
    expect(ratio(1, 0)).toBe(Number.POSITIVE_INFINITY);
  });
  it('holds the ratio goal to both at most 3× and p99 under 150 ms', () => {
    expect(ratioGoal(row('me', 2400, 49), row('case-view', 229, 409)).met).toBe(false);
    expect(ratioGoal(row('me', 2400, 49), row('case-view', 900, 120)).met).toBe(true);
    expect(ratioGoal(row('me', 2400, 49), row('case-view', 900, 150)).met).toBe(false);
    expect(ratioGoal(undefined, row('case-view', 900, 120)).met).toBe(false);
  });
  it('demands one audit entry per read served and no errors', () => {
    expect(auditMatches({ requests: 10, ok: 10, errors: 0, auditBefore: 5, auditAfter: 15 })).toBe(true);
    expect(auditMatches({ requests: 10, ok: 10, errors: 0, auditBefore: 5, auditAfter: 14 })).toBe(false);
    expect(auditMatches({ requests: 10, ok: 9, errors: 1, auditBefore: 5, auditAfter: 14 })).toBe(false);
  });
});

describe('tables', () => {
  it('renders the goals with today’s values and whether they are met', () => {
    const md = resultsMarkdown(run(), 50);
    expect(md).toContain('| PostgreSQL, 50 conn.: /api/me ÷ case-view throughput (p99) | 10.5× (409 ms) | ≤ 3× and p99 < 150 ms | no |');
    expect(md).toContain('| audit entries = case views served (1000 views) | 1000 entries, 1000 served | equal, no errors | yes |');
    expect(md).toContain('| PGlite, 2003 items: daf-view | 2174 ms | ≤ 100 ms at 2,000 items | no |');
    expect(md).toContain('| PGlite, 2003 items: append-item | 15 ms | ≤ 20 ms whatever the history | yes |');
    expect(md).toContain('| postgresql | 200 | `/api/case-view` |');
    expect(md).toContain('| PostgreSQL, 200 conn.: errors (all routes) | 0 errors, 2000 served | 0 errors, every route served | yes |');
  });
  it('puts a baseline run beside this one', () => {
    const after = run({ growth: [{ items: 2003, operation: 'daf-view', medianMs: 80, samples: [80] }] });
    expect(growthTable(after, run())).toContain('| 2003 | 2174 → 80 |');
    expect(resultsMarkdown(after, 50, run())).toContain('| Goal | Before | Now | Target | Met |');
  });
});
