import { describe, expect, it } from 'vitest';
import { curtoisToProblem, planToRoster } from './curtois/convert';
import { evaluateCurtois } from './curtois/evaluate';
import type { CurtoisInstance } from './curtois/parse';
import { generateLccWeek } from './lcc/generate';
import type { Plan } from './model';
import { threadPartner } from './portfolio/partner';
import type { MipPartner } from './portfolio/portfolio';
import type { MipSolver } from './repair/lns';
import { highsMipSolver } from './mip/highs';
import { solve, type SolveStats } from './solve';
import { loadCurtois } from './testing/fixtures';

/** A MIP solver that throws like HiGHS did on instance 19, on every call or only on some. */
function throwingSolver(inner?: MipSolver, failEvery = 1): MipSolver & { calls: number } {
  const s = {
    calls: 0,
    solve(lp: string, seconds: number, start?: string[]) {
      s.calls++;
      if (!inner || s.calls % failEvery === 0) throw new Error('Unable to solve the problem. HiGHS error -1');
      return inner.solve(lp, seconds, start);
    },
  };
  return s;
}

function expectValid(inst: CurtoisInstance, plan: Plan): void {
  const ev = evaluateCurtois(inst, planToRoster(inst, plan));
  expect(plan.feasible).toBe(true);
  expect(ev.violations).toEqual([]);
  expect(ev.penalty).toBeCloseTo(plan.score.soft, 6);
}

const codes = (stats: SolveStats) => stats.failures.map((f) => `${f.code}@${f.step}`);

describe('fallbacks: a failing exact solver', () => {
  it('LNS path (benchmark size): errors are recorded, the solver is switched off, the run returns its best valid roster', () => {
    const inst = loadCurtois(2);
    const mip = throwingSolver();
    const r = solve(curtoisToProblem(inst, 'i2'), { seed: 1, maxIterations: 200_000, mip });
    if (!r.ok) throw new Error(r.error.message);
    expectValid(inst, r.value);
    expect(codes(r.value.stats)).toEqual(['solver-error@lns', 'solver-disabled@lns']);
    expect(mip.calls).toBe(3);
    // Not worse than annealing alone with the same seed and budget share.
    const alone = solve(curtoisToProblem(inst, 'i2'), { seed: 1, maxIterations: Math.ceil(200_000 * 0.85) });
    expect(alone.ok && r.value.score.soft <= alone.value.score.soft).toBe(true);
  });

  it('day-repair path (national week) with HiGHS for the days: the run completes with a valid plan and says what failed', () => {
    const problem = generateLccWeek({ seed: 3, protectedPersons: 40, officerScale: 0.3 });
    const r = solve(problem, { seed: 3, maxIterations: 60_000, mip: throwingSolver(), dayFlow: false });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.feasible).toBe(true);
    expect(codes(r.value.stats)).toEqual(['solver-error@day-repair', 'solver-disabled@day-repair']);
  });

  it('day-repair path (national week) with the direct day solver (ADR 0046): a failing MIP solver is never asked', () => {
    const problem = generateLccWeek({ seed: 3, protectedPersons: 40, officerScale: 0.3 });
    const r = solve(problem, { seed: 3, maxIterations: 60_000, mip: throwingSolver() });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.feasible).toBe(true);
    expect(codes(r.value.stats)).toEqual([]);
  });

  it('an occasional error is recorded and the solver stays in use', async () => {
    const inst = loadCurtois(1);
    const mip = throwingSolver(await highsMipSolver(), 2);
    const r = solve(curtoisToProblem(inst, 'i1'), { seed: 1, maxIterations: 200_000, mip });
    if (!r.ok) throw new Error(r.error.message);
    expectValid(inst, r.value);
    const errors = r.value.stats.failures.find((f) => f.code === 'solver-error');
    expect(errors?.count).toBe(Math.floor(mip.calls / 2));
    expect(codes(r.value.stats)).not.toContain('solver-disabled@lns');
  });
});

describe('fallbacks: a failing phase', () => {
  it('a phase that throws (here a progress callback) is recorded; the best roster before it is returned', () => {
    const inst = loadCurtois(2);
    let calls = 0;
    const r = solve(curtoisToProblem(inst, 'i2'), {
      seed: 1, maxIterations: 200_000,
      onProgress: (p) => {
        if (++calls > 35 && p.fraction < 0.9) throw new Error('progress sink failed');
      },
    });
    if (!r.ok) throw new Error(r.error.message);
    expectValid(inst, r.value);
    expect(codes(r.value.stats)).toEqual(['phase-error@annealing']);
    expect(r.value.stats.failures[0]?.message).toBe('progress sink failed');
  });
});

describe('fallbacks: a failing partner', () => {
  function throwingPartner(where: 'start' | 'poll'): MipPartner & { stopped: number } {
    const p = {
      stopped: 0,
      start() {
        if (where === 'start') throw new Error('partner could not start');
      },
      poll(): string[] | null {
        throw new Error('partner channel broken');
      },
      stop() {
        p.stopped++;
      },
    };
    return p;
  }

  it.each(['start', 'poll'] as const)('a partner that throws in %s is recorded and ignored; its thread is still stopped', (where) => {
    const inst = loadCurtois(1);
    const partner = throwingPartner(where);
    const r = solve(curtoisToProblem(inst, 'i1'), { seed: 1, timeLimitMs: 5000, maxIterations: 300_000, partner });
    if (!r.ok) throw new Error(r.error.message);
    expectValid(inst, r.value);
    expect(codes(r.value.stats)).toEqual(['partner-error@partner']);
    expect(partner.stopped).toBe(1);
  });

  it('a partner thread that reports a failure and exits: recorded, the run goes on alone', async () => {
    const inst = loadCurtois(1);
    const partner = threadPartner(new URL('./testing/failing-partner.mjs', import.meta.url), () => ({}), { data: { how: 'report' } });
    // Time for the thread to start and report before the first exchange.
    await new Promise((r) => setTimeout(r, 300));
    const r = solve(curtoisToProblem(inst, 'i1'), { seed: 1, timeLimitMs: 2500, partner });
    if (!r.ok) throw new Error(r.error.message);
    expectValid(inst, r.value);
    expect(codes(r.value.stats)).toEqual(['partner-error@partner']);
    expect(r.value.stats.failures[0]?.message).toBe('partner failed on purpose');
    await partner.closed();
  });

  it('a partner thread that runs out of memory ends alone; the run returns a valid roster', async () => {
    const inst = loadCurtois(1);
    const partner = threadPartner(new URL('./testing/failing-partner.mjs', import.meta.url), () => ({}), { data: { how: 'oom' }, heapMb: 32 });
    const r = solve(curtoisToProblem(inst, 'i1'), { seed: 1, timeLimitMs: 2500, partner });
    if (!r.ok) throw new Error(r.error.message);
    expectValid(inst, r.value);
    await partner.closed();
  });
});
