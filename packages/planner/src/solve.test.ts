import { describe, expect, it } from 'vitest';
import { curtoisToProblem, planToRoster } from './curtois/convert';
import { evaluateCurtois } from './curtois/evaluate';
import { generateLccWeek } from './lcc/generate';
import { solve } from './solve';
import { loadCurtois, tiny } from './testing/fixtures';

// README: values for 1-7 and 9-11 are widely reported as optimal.
const OPTIMAL: Record<number, number> = { 1: 607, 2: 828, 3: 1001, 4: 1716, 5: 1143, 6: 1950, 7: 1056, 9: 439 };

describe('solve on Curtois instances', () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 9])('never beats the optimum of Instance%i, and the evaluator agrees', (n) => {
    const inst = loadCurtois(n);
    const r = solve(curtoisToProblem(inst, `I${n}`), { seed: 1, maxIterations: 60_000 });
    if (!r.ok) throw new Error(r.error.message);
    const ev = evaluateCurtois(inst, planToRoster(inst, r.value));
    expect(ev.penalty).toBe(r.value.score.soft);
    if (r.value.feasible) {
      expect(ev.violations).toEqual([]);
      expect(ev.penalty).toBeGreaterThanOrEqual(OPTIMAL[n] ?? 0);
    } else {
      expect(ev.violations.length).toBeGreaterThan(0);
    }
  });

  it('is deterministic for a seed and an iteration limit', () => {
    const problem = curtoisToProblem(loadCurtois(3), 'i3');
    const a = solve(problem, { seed: 42, maxIterations: 30_000 });
    const b = solve(problem, { seed: 42, maxIterations: 30_000 });
    expect(a.ok && b.ok && a.value.assignments).toEqual(b.ok && b.value.assignments);
  });

  it('asks for a limit', () => {
    const r = solve(curtoisToProblem(tiny(), 'tiny'));
    expect(r.ok).toBe(false);
  });
});

describe('solve on a small LCC week', () => {
  it('breaks no hard rule, respects qualifications and units, and explains every shortfall', () => {
    const problem = generateLccWeek({ seed: 5, protectedPersons: 15, officerScale: 0.06 });
    const r = solve(problem, { seed: 5, maxIterations: 40_000 });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.feasible).toBe(true);
    const officers = new Map(problem.officers.map((o) => [o.id, o]));
    const posts = new Map(problem.posts.map((p) => [p.id, p]));
    const kind = new Map(problem.units.map((u) => [u.id, u.kind]));
    for (const a of r.value.assignments) {
      const o = officers.get(a.officerId);
      const p = posts.get(a.postId);
      const q = p?.needs[a.needIndex]?.qualification;
      if (q) expect(o?.qualifications).toContain(q);
      if (p?.allowedUnitKinds?.length) expect(p.allowedUnitKinds).toContain(kind.get(o?.unitId ?? ''));
      expect(o?.leaveDays).not.toContain(a.day);
    }
    const filled = new Map<string, number>();
    for (const a of r.value.assignments) filled.set(`${a.postId}/${a.needIndex}`, (filled.get(`${a.postId}/${a.needIndex}`) ?? 0) + 1);
    let missing = 0;
    for (const p of problem.posts) p.needs.forEach((n, i) => { missing += Math.max(0, n.count - (filled.get(`${p.id}/${i}`) ?? 0)); });
    expect(r.value.shortfalls.reduce((k, s) => k + s.missing, 0)).toBe(missing);
    for (const s of r.value.shortfalls) expect(s.detail.length).toBeGreaterThan(0);
  });
});
