import { describe, expect, it } from 'vitest';
import { compile } from '../compile';
import { generateLccWeek } from '../lcc/generate';
import { highsMipSolver } from '../mip/highs';
import { Rng } from '../rng';
import { construct } from '../search/construct';
import { State } from '../state';
import { solveDayFlow, type DayFlowEdge } from './day-flow';
import { repairDay, repairDayByFlow } from './day-repair';

/** The LP of the same transportation problem, as HiGHS gets it from the day repair. */
function lpText(officers: number, cap: number[], edges: DayFlowEdge[]): string {
  const obj = edges.map((e) => `+ ${e.gain} z_${e.officer}_${e.cls}`);
  const rows: string[] = [];
  for (let o = 0; o < officers; o++) {
    const t = edges.filter((e) => e.officer === o).map((e) => `z_${o}_${e.cls}`);
    if (t.length) rows.push(`${t.join(' + ')} <= 1`);
  }
  cap.forEach((n, k) => {
    const t = edges.filter((e) => e.cls === k).map((e) => `z_${e.officer}_${k}`);
    if (t.length) rows.push(`${t.join(' + ')} <= ${n}`);
  });
  return ['Maximize', ` obj: ${obj.join(' ')}`, 'Subject To', ...rows.map((r, i) => ` r${i}: ${r}`), 'End'].join('\n');
}

function value(assign: Int32Array, edges: DayFlowEdge[]): number {
  return edges.reduce((v, e) => v + (assign[e.officer] === e.cls ? e.gain : 0), 0);
}

describe('solveDayFlow', () => {
  it('finds the LP optimum of random transportation problems, within every capacity', async () => {
    const mip = await highsMipSolver();
    const rng = new Rng(7);
    for (let trial = 0; trial < 40; trial++) {
      const officers = 5 + rng.int(40);
      const K = 1 + rng.int(8);
      const cap = Array.from({ length: K }, () => rng.int(6));
      const edges: DayFlowEdge[] = [];
      for (let o = 0; o < officers; o++) {
        for (let k = 0; k < K; k++) if (rng.next() < 0.5) edges.push({ officer: o, cls: k, gain: 1 + rng.int(20) + (rng.next() < 0.3 ? rng.next() : 0) });
      }
      const assign = solveDayFlow(officers, cap, edges);
      const load = new Array<number>(K).fill(0);
      assign.forEach((k, o) => {
        if (k < 0) return;
        load[k] = (load[k] ?? 0) + 1;
        // Only along an edge.
        expect(edges.some((e) => e.officer === o && e.cls === k)).toBe(true);
      });
      load.forEach((n, k) => expect(n).toBeLessThanOrEqual(cap[k] ?? 0));
      const lp = edges.length ? mip.solve(lpText(officers, cap, edges), 10) : null;
      const best = lp ? edges.reduce((v, e) => v + e.gain * lp.primal(`z_${e.officer}_${e.cls}`), 0) : 0;
      expect(value(assign, edges)).toBeCloseTo(best, 6);
    }
  });

  it('re-solves a day of a national-like week as well as HiGHS does, and never breaks a hard rule', async () => {
    const c = compile(generateLccWeek({ seed: 3, protectedPersons: 30, officerScale: 0.15 }));
    if (!c.ok) throw new Error(c.error.message);
    const start = new State(c.value);
    construct(start, new Rng(3), 4);
    const mip = await highsMipSolver();
    for (let d = 0; d < 7; d++) {
      const byHighs = new State(c.value, start.cells);
      const byFlow = new State(c.value, start.cells);
      repairDay(byHighs, mip, d, 10);
      repairDayByFlow(byFlow, d, new Rng(d));
      expect(byFlow.score).toBeCloseTo(byHighs.score, 6);
      expect(byFlow.hard).toBe(0);
      expect(new State(c.value, byFlow.cells).score).toBeCloseTo(byFlow.score, 6);
    }
  });
});
