import { describe, expect, it } from 'vitest';
import { allowedSlots, compile, OFF } from '../compile';
import { generateLccWeek } from '../lcc/generate';
import { Rng } from '../rng';
import { rowCost, type RowCost } from '../row';
import { patternFeasible } from './coverage-bound';

/**
 * The bound's pattern rows are valid only if every row the engine scores hard-feasible works on a
 * set of days that `patternFeasible` accepts. Random rows (random slot or off per day, leave
 * included) of a small week: each feasible one's pattern must be accepted, and the check must
 * also reject some patterns (else the rows would add nothing).
 */
describe('work patterns of the coverage bound', () => {
  it('accept the days of every hard-feasible row', () => {
    const problem = generateLccWeek({ seed: 4, protectedPersons: 20, officerScale: 0.05 });
    const compiled = compile(problem);
    if (!compiled.ok) throw new Error(compiled.error.message);
    const c = compiled.value;
    const rng = new Rng(7);
    const cells = new Int32Array(c.officers * c.days).fill(OFF);
    const out: RowCost = { hard: 0, requests: 0, disruption: 0 };
    let feasible = 0;
    for (let i = 0; i < 40_000; i++) {
      const o = rng.int(c.officers);
      let mask = 0;
      for (let d = 0; d < c.days; d++) {
        const list = allowedSlots(c, o * c.days + d);
        const s = list.length > 0 && rng.next() < 0.6 ? (list[rng.int(list.length)] ?? OFF) : OFF;
        cells[o * c.days + d] = s;
        if (s !== OFF) mask |= 1 << d;
      }
      if (rowCost(c, cells, o, out).hard === 0) {
        feasible++;
        expect(patternFeasible(c, o, mask), `officer ${o} pattern ${mask.toString(2)}`).toBe(true);
      }
    }
    expect(feasible).toBeGreaterThan(1_000);
    let rejected = 0;
    for (let m = 0; m < 1 << c.days; m++) if (!patternFeasible(c, 0, m)) rejected++;
    expect(rejected).toBeGreaterThan(0);
  });
});
