import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Contract, Officer, Plan, PlanningProblem, Post, ShiftRequest, ShiftType } from '../model';
import { solve } from '../solve';

/**
 * Issue 11, DOMAIN §5: shrinking capacity never leaves a work post of a person unstaffed while a
 * private post of the same person, that the same officers could staff, is staffed. Contracts here
 * have no binding limits, so "could staff" is only qualification, unit kind, tasked unit and leave; officers
 * get strong wishes against the work shift, so the search alone would often keep them on private.
 */
const SHIFTS: ShiftType[] = [
  { id: 'day', startMinute: 8 * 60, minutes: 480, cannotFollow: [] },
  { id: 'late', startMinute: 16 * 60, minutes: 480, cannotFollow: [] },
];
const FREE: Contract = { maxShiftsPerType: {}, minTotalMinutes: 0, maxTotalMinutes: 100_000, maxConsecutiveShifts: 99, minConsecutiveShifts: 1, minConsecutiveDaysOff: 1, maxWeekends: 99 };
const QUALS = ['close-protection', 'driver'] as const;

const officerArb = fc.record({
  unit: fc.constantFrom('bb-1', 'bb-2', 'bsb-1'),
  quals: fc.subarray([...QUALS]),
  leave: fc.subarray([0, 1, 2]),
  avoidWork: fc.boolean(),
});

// A person's assignment may be tasked to some units (the LCC's tasking): then only they staff its posts.
const personArb = fc.record({
  workNeed: fc.integer({ min: 1, max: 3 }),
  privateNeed: fc.integer({ min: 1, max: 3 }),
  qual: fc.constantFrom(null, ...QUALS),
  days: fc.subarray([0, 1, 2], { minLength: 1 }),
  tasked: fc.option(fc.subarray(['bb-1', 'bb-2', 'bsb-1']), { nil: undefined }),
});

type Person = { workNeed: number; privateNeed: number; qual: string | null; days: number[]; tasked?: string[] | undefined };

function problemOf(people: Person[], staff: { unit: string; quals: string[]; leave: number[]; avoidWork: boolean }[]): PlanningProblem {
  const posts: Post[] = people.flatMap((p, i) => {
    const units = { allowedUnitKinds: ['bb' as const, 'bsb' as const], ...(p.tasked ? { allowedUnitIds: p.tasked } : {}) };
    return p.days.flatMap((day) => [
      { id: `w${i}-${day}`, day, shiftTypeId: 'day', protectedPersonId: `p${i}`, activity: 'work', priority: 'work' as const, needs: [{ qualification: p.qual, count: p.workNeed, underWeight: 100, overWeight: 50 }], ...units },
      { id: `v${i}-${day}`, day, shiftTypeId: 'late', protectedPersonId: `p${i}`, activity: 'private', priority: 'private' as const, needs: [{ qualification: p.qual, count: p.privateNeed, underWeight: 40, overWeight: 50 }], ...units },
    ]);
  });
  const officers: Officer[] = staff.map((s, i) => {
    const requests: ShiftRequest[] = s.avoidWork ? [0, 1, 2].map((day) => ({ day, shiftTypeId: 'day', kind: 'off' as const, weight: 500 })) : [];
    return { id: `o${i}`, unitId: s.unit, qualifications: s.quals, contract: FREE, leaveDays: s.leave, requests };
  });
  const units = [{ id: 'bb-1', name: 'BB', kind: 'bb' as const, organisation: 'police' as const }, { id: 'bb-2', name: 'BB 2', kind: 'bb' as const, organisation: 'police' as const }, { id: 'bsb-1', name: 'BSB', kind: 'bsb' as const, organisation: 'kmar' as const }];
  return { name: 'work-before-private', days: 3, shiftTypes: SHIFTS, units, officers, posts };
}

/** Work needs left short while an officer who could fill them covers the same person's private post that day. */
function violations(problem: PlanningProblem, plan: Plan): string[] {
  const out: string[] = [];
  const staffed = (postId: string) => plan.assignments.filter((a) => a.postId === postId);
  for (const work of problem.posts.filter((p) => p.priority === 'work')) {
    const need = work.needs[0]!;
    if (staffed(work.id).length >= need.count) continue;
    const privatePost = problem.posts.find((p) => p.priority === 'private' && p.protectedPersonId === work.protectedPersonId && p.day === work.day)!;
    for (const a of staffed(privatePost.id)) {
      const o = problem.officers.find((x) => x.id === a.officerId)!;
      // The same person's posts share the tasking: an officer on the private post is tasked for the work post too.
      if (need.qualification === null || o.qualifications.includes(need.qualification)) out.push(`${o.id} on ${privatePost.id} while ${work.id} is short`);
    }
  }
  for (const a of plan.assignments) {
    const post = problem.posts.find((p) => p.id === a.postId)!;
    const unit = problem.officers.find((x) => x.id === a.officerId)!.unitId;
    if (post.allowedUnitIds && !post.allowedUnitIds.includes(unit)) out.push(`${a.officerId} of ${unit} on ${post.id}, tasked to ${post.allowedUnitIds.join(', ') || 'no unit'}`);
  }
  return out;
}

describe('work goes before private (issue 11, DOMAIN §5)', () => {
  it('never leaves a work post short while an officer who could staff it covers the same person\'s private post', () => {
    fc.assert(
      fc.property(fc.array(personArb, { minLength: 1, maxLength: 3 }), fc.array(officerArb, { maxLength: 8 }), fc.integer({ min: 1, max: 1000 }), (people, staff, seed) => {
        const problem = problemOf(people, staff);
        const r = solve(problem, { seed, maxIterations: 2_000 });
        if (!r.ok) throw new Error(r.error.message);
        expect(violations(problem, r.value)).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });
});
