import { describe, expect, it } from 'vitest';
import { compile, OFF, type Compiled } from '../compile';
import { curtoisToProblem, planToRoster } from '../curtois/convert';
import { evaluateCurtois } from '../curtois/evaluate';
import type { CurtoisInstance } from '../curtois/parse';
import { solve, toPlan } from '../solve';
import { State } from '../state';
import { loadCurtois, tiny } from '../testing/fixtures';
import { buildMip, decodeMip, type LpModel } from '../mip/formulation';
import { solveLp } from '../mip/highs';
import { columnPartner, highsPartner } from './partner';
import { columnsOf, exchange, startPortfolio, type MipPartner } from './portfolio';

/** A partner that hands out prepared rosters and counts starts and stops. */
function fakePartner(rosters: string[][]): MipPartner & { started: number; stopped: number; offers: string[][] } {
  const queue = [...rosters];
  const fake = {
    started: 0,
    stopped: 0,
    offers: [] as string[][],
    start() {
      fake.started++;
    },
    offer(columns: string[]) {
      fake.offers.push(columns);
    },
    poll: () => queue.shift() ?? null,
    stop() {
      fake.stopped++;
    },
  };
  return fake;
}

function compiled(problem = curtoisToProblem(tiny(), 'tiny')): Compiled {
  const c = compile(problem);
  if (!c.ok) throw new Error(c.error.message);
  return c.value;
}

async function optimum(c: Compiled): Promise<State> {
  const model = buildMip(c);
  const out = await solveLp(model.text, 20);
  expect(out.status).toBe('Optimal');
  return new State(c, decodeMip(c, model, out.primal));
}

describe('portfolio exchange', () => {
  it('adopts a better roster from the partner, re-scored by the engine', async () => {
    const c = compiled();
    const best = await optimum(c);
    const state = new State(c);
    const before = state.soft;
    const partner = fakePartner([columnsOf(best)]);
    const p = startPortfolio(c, partner, 10);
    expect(exchange(state, p)).toBe(true);
    expect(state.hard).toBe(0);
    expect(state.soft).toBe(best.soft);
    expect(state.soft).toBeLessThan(before);
    expect(p.adopted).toBe(1);
    // Nothing new from the partner: the roster stays.
    expect(exchange(state, p)).toBe(false);
    expect(state.soft).toBe(best.soft);
  });

  it('never adopts a roster that breaks a hard rule, however low its soft cost', async () => {
    const c = compiled();
    const best = await optimum(c);
    const broken = new Int32Array(c.officers * c.days).fill(OFF);
    for (let o = 0; o < c.officers; o++) for (let d = 0; d < c.days; d++) broken[o * c.days + d] = best.cells[d] === OFF ? (best.cells[c.days + d] ?? OFF) : (best.cells[d] ?? OFF);
    const worse = new State(c, broken);
    expect(worse.hard).toBeGreaterThan(0);
    const state = new State(c, best.cells);
    const p = startPortfolio(c, fakePartner([columnsOf(worse)]), 10);
    expect(exchange(state, p)).toBe(false);
    expect(Array.from(state.cells)).toEqual(Array.from(best.cells));
  });

  it('keeps the engine roster when the partner is worse', async () => {
    const c = compiled();
    const best = await optimum(c);
    const partner = fakePartner([columnsOf(new State(c))]);
    const p = startPortfolio(c, partner, 10);
    const state = new State(c, best.cells);
    expect(exchange(state, p)).toBe(false);
    expect(state.soft).toBe(best.soft);
    expect(p.adopted).toBe(0);
  });

  it('offers the engine roster only when it is valid and better than anything exchanged before', async () => {
    const c = compiled();
    const best = await optimum(c);
    const partner = fakePartner([]);
    const p = startPortfolio(c, partner, 10);
    const empty = new State(c);
    expect(empty.hard).toBeGreaterThan(0);
    exchange(empty, p);
    expect(partner.offers).toHaveLength(0);
    const state = new State(c, best.cells);
    exchange(state, p);
    expect(partner.offers).toEqual([columnsOf(state)]);
    exchange(state, p);
    expect(partner.offers).toHaveLength(1);
  });

  it('solve starts and stops the partner, and stops it unused without a time limit', () => {
    const problem = curtoisToProblem(tiny(), 'tiny');
    const used = fakePartner([]);
    const r = solve(problem, { seed: 1, timeLimitMs: 2000, maxIterations: 5000, partner: used });
    expect(r.ok && r.value.feasible).toBe(true);
    expect([used.started, used.stopped]).toEqual([1, 1]);
    const unused = fakePartner([]);
    const r2 = solve(problem, { seed: 1, maxIterations: 5000, partner: unused });
    expect(r2.ok && r2.value.feasible).toBe(true);
    expect([unused.started, unused.stopped]).toEqual([0, 1]);
  });
});

describe('solve with a partner', () => {
  it('returns the partner roster when it beats the search, re-scored and evaluator-checked', async () => {
    const inst = loadCurtois(1);
    const problem = curtoisToProblem(inst, 'i1');
    const best = await optimum(compiled(problem));
    const partner = fakePartner([columnsOf(best)]);
    // A tiny iteration budget: the search alone stays above the optimum; the time limit only enables the partner.
    const r = solve(problem, { seed: 1, timeLimitMs: 60_000, maxIterations: 2000, partner });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.stats.adoptedFromPartner).toBe(1);
    expect(r.value.score.soft).toBe(best.soft);
    const ev = evaluateCurtois(inst, planToRoster(inst, r.value));
    expect(ev.violations).toEqual([]);
    expect(ev.penalty).toBeCloseTo(r.value.score.soft, 6);
    expect(partner.stopped).toBe(1);
  });
});

/** The partner's last roster decodes to a valid one the evaluator agrees with, never below the optimum. */
function expectValidAndAgreed(inst: CurtoisInstance, c: Compiled, model: LpModel, columns: string[] | null, optimal: number): void {
  expect(columns).not.toBeNull();
  const state = new State(c, decodeMip(c, model, (n) => (columns?.includes(n) ? 1 : 0)));
  expect(state.hard).toBe(0);
  const ev = evaluateCurtois(inst, planToRoster(inst, toPlan(state)));
  expect(ev.violations).toEqual([]);
  expect(ev.penalty).toBeCloseTo(state.soft, 6);
  expect(state.soft).toBeGreaterThanOrEqual(optimal);
}

describe('HiGHS partner thread', () => {
  it('returns improving full-MIP solutions that decode to feasible rosters the evaluator agrees with', async () => {
    const inst = loadCurtois(1);
    const c = compiled(curtoisToProblem(inst, 'i1'));
    const model = buildMip(c);
    const partner = highsPartner();
    partner.start({ lp: model.text, problem: c.problem }, 10);
    // Wait for the thread (bounded by HiGHS's own limit, not asserted on time).
    partner.stop(20_000);
    expectValidAndAgreed(inst, c, model, partner.poll(), 607);
  });
});

describe('column-generation partner thread', () => {
  it('dives to a valid roster of the whole instance that the evaluator agrees with, and takes the engine\'s offers', async () => {
    const inst = loadCurtois(2);
    const c = compiled(curtoisToProblem(inst, 'i2'));
    const model = buildMip(c);
    const partner = columnPartner();
    partner.start({ lp: model.text, problem: c.problem }, 4);
    const offered = await optimum(c);
    partner.offer?.(columnsOf(offered));
    // Wait for the thread (bounded by its own budget, not asserted on time).
    partner.stop(30_000);
    expectValidAndAgreed(inst, c, model, partner.poll(), 828);
  });
});
