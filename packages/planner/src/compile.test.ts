import { describe, expect, it } from 'vitest';
import { allowedSlots, canTake, compile, officersFor } from './compile';
import { generateLccWeek } from './lcc/generate';

const plain = generateLccWeek({ seed: 5, protectedPersons: 12, officerScale: 0.05 });
// The same week with every third person's posts tasked to two units (the LCC's tasking).
const tasked = { ...plain, posts: plain.posts.map((p, i) => (i % 3 === 0 ? { ...p, allowedUnitIds: [plain.units[i % plain.units.length]!.id, plain.units[(i + 7) % plain.units.length]!.id] } : p)) };

describe.each([['untasked', plain], ['partly tasked', tasked]])('eligibility lists shared per officer group and slot class (%s)', (_name, problem) => {
  const compiled = compile(problem);
  if (!compiled.ok) throw new Error(compiled.error.message);
  const c = compiled.value;

  it('equal the pairwise check for every cell and every slot', () => {
    for (let cell = 0; cell < c.officers * c.days; cell++) {
      const o = Math.floor(cell / c.days);
      const expected = (c.daySlots[cell % c.days] ?? new Int32Array(0)).filter((s) => canTake(c, o, s));
      expect([...allowedSlots(c, cell)]).toEqual([...expected]);
    }
    for (let s = 0; s < c.slots; s++) {
      const expected = Array.from({ length: c.officers }, (_, o) => o).filter((o) => canTake(c, o, s));
      expect([...officersFor(c, s)]).toEqual(expected);
    }
  });

  it('are built once per group or class and day', () => {
    expect(c.groupDaySlots.size).toBeLessThan(c.officers * c.days);
    expect(c.classDayOfficers.size).toBeLessThan(c.slots);
  });
});
