import { describe, expect, it } from 'vitest';
import { compile } from '../compile';
import { curtoisToProblem, planToRoster } from '../curtois/convert';
import { evaluateCurtois } from '../curtois/evaluate';
import { solve, toPlan } from '../solve';
import { State } from '../state';
import { loadCurtois, tiny } from '../testing/fixtures';
import { buildCoverageBound, weightedCoverage } from '../bound/coverage-bound';
import { decodeMip, buildMip } from './formulation';
import { highsMipSolver, solveLp } from './highs';
import { generateLccWeek } from '../lcc/generate';

describe('MIP formulation (HiGHS)', () => {
  it('solves the tiny instance exactly; evaluator, engine and MIP objective agree', async () => {
    const inst = tiny();
    const c = compile(curtoisToProblem(inst, 'tiny'));
    if (!c.ok) throw new Error(c.error.message);
    const model = buildMip(c.value);
    const out = await solveLp(model.text, 20);
    expect(out.status).toBe('Optimal');
    const plan = toPlan(new State(c.value, decodeMip(c.value, model, out.primal)));
    const ev = evaluateCurtois(inst, planToRoster(inst, plan));
    expect(ev.violations).toEqual([]);
    expect(ev.penalty).toBeCloseTo(out.objective + model.offset, 6);
    expect(plan.score.soft).toBeCloseTo(ev.penalty, 6);
    const heuristic = solve(curtoisToProblem(inst, 'tiny'), { seed: 1, maxIterations: 50_000 });
    expect(heuristic.ok && heuristic.value.score.soft).toBe(ev.penalty);
  });

  it('repairs neighbourhoods with HiGHS (LNS) without losing feasibility on Instance1', async () => {
    const inst = loadCurtois(1);
    const mip = await highsMipSolver();
    const r = solve(curtoisToProblem(inst, 'i1'), { seed: 2, maxIterations: 40_000, mip, annealShare: 0.5 });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.feasible).toBe(true);
    const ev = evaluateCurtois(inst, planToRoster(inst, r.value));
    expect(ev.violations).toEqual([]);
    expect(ev.penalty).toBeGreaterThanOrEqual(607);
  });

  it('bounds the weighted coverage of any plan from above', async () => {
    const problem = generateLccWeek({ seed: 9, protectedPersons: 10, officerScale: 0.05 });
    const c = compile(problem);
    if (!c.ok) throw new Error(c.error.message);
    const bound = await solveLp(buildCoverageBound(c.value));
    expect(bound.status).toBe('Optimal');
    const r = solve(problem, { seed: 9, maxIterations: 30_000 });
    if (!r.ok) throw new Error(r.error.message);
    const state = new State(c.value);
    const starts = new Map<string, number>();
    let s = 0;
    for (const p of problem.posts) { starts.set(p.id, s); s += p.needs.length; }
    for (const a of r.value.assignments) {
      const i = (starts.get(a.postId) ?? 0) + a.needIndex;
      state.count[i] = (state.count[i] ?? 0) + 1;
    }
    expect(weightedCoverage(c.value, state.count)).toBeLessThanOrEqual(bound.objective + 1e-6);
  });
});
