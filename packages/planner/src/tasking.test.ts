import { describe, expect, it } from 'vitest';
import { buildCoverageBound } from './bound/coverage-bound';
import { canTake, compile, officersFor } from './compile';
import { solveLp } from './mip/highs';
import type { Contract, Officer, PlanningProblem, Post, Unit } from './model';
import { solve } from './solve';

/**
 * Issue 11: the posts of a person's assignment are staffed by the executing units the LCC tasked
 * with it, never by another unit of the same kind; when the tasked units cannot staff a post,
 * the shortfall says so ("no-tasked-unit") and the run goes on.
 */
const FREE: Contract = { maxShiftsPerType: {}, minTotalMinutes: 0, maxTotalMinutes: 100_000, maxConsecutiveShifts: 99, minConsecutiveShifts: 1, minConsecutiveDaysOff: 1, maxWeekends: 99 };
const UNITS: Unit[] = [
  { id: 'be-1', name: 'BE 1', kind: 'be', organisation: 'police' },
  { id: 'be-2', name: 'BE 2', kind: 'be', organisation: 'police' },
  { id: 'camera-1', name: 'Camera', kind: 'camera', organisation: 'police' },
];
const officer = (id: string, unitId: string, qualifications = ['close-protection']): Officer => ({ id, unitId, qualifications, contract: FREE, leaveDays: [], requests: [] });
const post = (id: string, day: number, allowedUnitIds: string[] | undefined, kinds: Post['allowedUnitKinds'] = ['be'], qualification = 'close-protection'): Post => ({
  id, day, shiftTypeId: 'day', protectedPersonId: id.split(':')[0]!, activity: 'work', priority: 'work', needs: [{ qualification, count: 2, underWeight: 100, overWeight: 10 }], allowedUnitKinds: kinds, ...(allowedUnitIds ? { allowedUnitIds } : {}),
});

function problem(posts: Post[]): PlanningProblem {
  return {
    name: 'tasking', days: 2, units: UNITS, posts,
    shiftTypes: [{ id: 'day', startMinute: 480, minutes: 480, cannotFollow: [] }],
    officers: [officer('a1', 'be-1'), officer('a2', 'be-1'), officer('b1', 'be-2'), officer('b2', 'be-2'), officer('c1', 'camera-1', ['surveillance'])],
  };
}

const unitOf = (p: PlanningProblem, officerId: string) => p.officers.find((o) => o.id === officerId)!.unitId;

describe('tasked units staff their posts (issue 11)', () => {
  it('only officers of the tasked units are eligible; an untasked post is open to every unit of its kinds', () => {
    const compiled = compile(problem([post('p1:work', 0, ['be-1']), post('p2:work', 0, undefined)]));
    if (!compiled.ok) throw new Error(compiled.error.message);
    const c = compiled.value;
    const ids = (s: number) => [...officersFor(c, s)].map((o) => c.problem.officers[o]!.id);
    expect(ids(0)).toEqual(['a1', 'a2']);
    expect(ids(1)).toEqual(['a1', 'a2', 'b1', 'b2']);
    expect(canTake(c, 2, 0)).toBe(false);
  });

  it('a person tasked to be-1 gets be-1 officers although be-2 is free, and another person tasked to be-2 gets be-2', () => {
    const p = problem([post('p1:work', 0, ['be-1']), post('p1:work2', 1, ['be-1']), post('p2:work', 1, ['be-2'])]);
    const r = solve(p, { seed: 3, maxIterations: 5_000 });
    if (!r.ok) throw new Error(r.error.message);
    const byPost = (id: string) => r.value.assignments.filter((a) => a.postId === id).map((a) => unitOf(p, a.officerId));
    expect(byPost('p1:work')).toEqual(['be-1', 'be-1']);
    expect(byPost('p1:work2')).toEqual(['be-1', 'be-1']);
    expect(byPost('p2:work')).toEqual(['be-2', 'be-2']);
    expect(r.value.shortfalls).toEqual([]);
  });

  it('when the tasked units cannot staff a post, the shortfall names the tasking, not a missing qualification', () => {
    // Tasked to the camera unit only, but the post needs close protection by a BE unit; and one with no unit tasked.
    const p = problem([post('p1:work', 0, ['camera-1']), post('p2:work', 0, []), post('p3:work', 0, ['be-1'], ['be'], 'driver')]);
    const r = solve(p, { seed: 1, maxIterations: 2_000 });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.assignments).toEqual([]);
    const reason = (postId: string) => r.value.shortfalls.find((s) => s.postId === postId);
    expect(reason('p1:work')).toMatchObject({ reason: 'no-tasked-unit', missing: 2 });
    expect(reason('p1:work')!.detail).toContain('camera-1');
    expect(reason('p2:work')).toMatchObject({ reason: 'no-tasked-unit' });
    expect(reason('p2:work')!.detail).toMatch(/^no unit is tasked/);
    // Nobody anywhere has the qualification: that stays the first reason.
    expect(reason('p3:work')).toMatchObject({ reason: 'no-qualified-officer' });
  });

  it('a tasking naming a unit the problem does not know matches no officer (and does not crash)', () => {
    const p = problem([post('p1:work', 0, ['gone-9'])]);
    const r = solve(p, { seed: 1, maxIterations: 500 });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.assignments).toEqual([]);
    expect(r.value.shortfalls[0]).toMatchObject({ reason: 'no-tasked-unit' });
  });

  it('the LP bound counts the tasking: two persons tasked to be-1 cannot both be covered by its two officers', async () => {
    const tasked = compile(problem([post('p1:work', 0, ['be-1']), post('p2:work', 0, ['be-1'])]));
    const open = compile(problem([post('p1:work', 0, undefined), post('p2:work', 0, undefined)]));
    if (!tasked.ok || !open.ok) throw new Error('compile');
    const [t, o] = [await solveLp(buildCoverageBound(tasked.value)), await solveLp(buildCoverageBound(open.value))];
    expect(o.objective).toBeCloseTo(400);
    expect(t.objective).toBeCloseTo(200);
  });
});
