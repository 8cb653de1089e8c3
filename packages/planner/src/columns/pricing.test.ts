import { describe, expect, it } from 'vitest';
import { allowedSlots, compile, OFF, type Compiled } from '../compile';
import { curtoisToProblem } from '../curtois/convert';
import { parseCurtois } from '../curtois/parse';
import { Rng } from '../rng';
import { rowCost } from '../row';
import { priceRow } from './pricing';

/** Ten days, run rules on both sides, a per-type maximum, a weekend limit and requests. */
const TEN_DAYS = [
  'SECTION_HORIZON', '10', '',
  'SECTION_SHIFTS', 'D,480,', 'N,480,D', '',
  'SECTION_STAFF', 'A,D=10|N=3,3840,2400,4,2,2,1', 'B,D=10|N=0,2880,1440,3,2,1,2', '',
  'SECTION_DAYS_OFF', 'A,4', 'B,8', '',
  'SECTION_SHIFT_ON_REQUESTS', 'A,0,D,2', 'B,5,D,3', '',
  'SECTION_SHIFT_OFF_REQUESTS', 'A,6,N,3', 'B,2,D,1', '',
  'SECTION_COVER',
  ...Array.from({ length: 10 }, (_, d) => `${d},D,1,100,1`),
  ...Array.from({ length: 10 }, (_, d) => `${d},N,1,100,1`),
].join('\r\n');

function compiled(): Compiled {
  const inst = parseCurtois(TEN_DAYS);
  if (!inst.ok) throw new Error(inst.error.message);
  const c = compile(curtoisToProblem(inst.value, 'ten'));
  if (!c.ok) throw new Error(c.error.message);
  return c.value;
}

/** Every row of officer `o` (3^10 of them) within its allowed slots (leave), scored with the engine's own rules. */
function bruteForce(c: Compiled, o: number, dual: Float64Array): number {
  const cells = new Int32Array(c.officers * c.days).fill(OFF);
  const slotOf = (d: number, t: number) => {
    for (let s = 0; s < c.slots; s++) if (c.slotDay[s] === d && c.slotType[s] === t) return s;
    throw new Error('no slot');
  };
  const out = { hard: 0, requests: 0, disruption: 0 };
  let best = Number.POSITIVE_INFINITY;
  for (let code = 0; code < 3 ** c.days; code++) {
    let x = code;
    let duals = 0;
    let allowed = true;
    for (let d = 0; d < c.days; d++) {
      const choice = x % 3;
      x = Math.floor(x / 3);
      const s = choice === 0 ? OFF : slotOf(d, choice - 1);
      cells[o * c.days + d] = s;
      if (s !== OFF) duals += dual[s] ?? 0;
      if (s !== OFF && !allowedSlots(c, o * c.days + d).includes(s)) allowed = false;
    }
    const r = rowCost(c, cells, o, out);
    if (allowed && r.hard === 0) best = Math.min(best, r.requests - duals);
  }
  return best;
}

describe('column pricing', () => {
  it('finds the cheapest valid row under random duals, as enumerating all rows does', () => {
    const c = compiled();
    const rng = new Rng(7);
    for (let trial = 0; trial < 6; trial++) {
      const dual = Float64Array.from({ length: c.slots }, () => Math.round(rng.next() * 12 - 3));
      for (let o = 0; o < c.officers; o++) {
        const row = priceRow(c, o, dual);
        expect(row).not.toBeNull();
        const cells = new Int32Array(c.officers * c.days).fill(OFF);
        cells.set(row?.cells ?? [], o * c.days);
        const check = rowCost(c, cells, o, { hard: 0, requests: 0, disruption: 0 });
        expect(check.hard).toBe(0);
        expect(row?.cost).toBeCloseTo(check.requests, 9);
        expect(row?.reduced).toBeCloseTo(bruteForce(c, o, dual), 9);
      }
    }
  });

  it('returns nothing below the threshold it is given', () => {
    const c = compiled();
    const dual = new Float64Array(c.slots);
    const free = priceRow(c, 0, dual);
    expect(free).not.toBeNull();
    expect(priceRow(c, 0, dual, (free?.reduced ?? 0) - 1e-6)).toBeNull();
  });
});
