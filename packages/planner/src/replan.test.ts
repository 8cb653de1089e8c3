import { describe, expect, it } from 'vitest';
import { generateLccWeek } from './lcc/generate';
import { applyChange, replan, REPLAN_ITERATIONS } from './replan';
import { solve } from './solve';

const problem = generateLccWeek({ seed: 11, protectedPersons: 15, officerScale: 0.06 });

function basePlan() {
  const r = solve(problem, { seed: 11, maxIterations: 40_000 });
  if (!r.ok) throw new Error(r.error.message);
  return r.value.assignments.map((a) => (a.day === 0 ? { ...a, pinned: true } : a));
}

describe('replan', () => {
  const previous = basePlan();

  it('takes a sick officer off, keeps other pins, and changes little', () => {
    const victim = previous.find((a) => a.day === 2);
    if (!victim) throw new Error('no assignment on day 2');
    const r = replan(problem, previous, { kind: 'officer-sick', officerId: victim.officerId, days: [2] }, { seed: 1, maxIterations: 5_000 });
    if (!r.ok) throw new Error(r.error.message);
    const after = r.value.plan.assignments;
    expect(after.some((a) => a.officerId === victim.officerId && a.day === 2)).toBe(false);
    const keys = new Set(after.map((a) => `${a.officerId}|${a.day}|${a.postId}|${a.needIndex}`));
    for (const a of previous.filter((x) => x.pinned)) expect(keys.has(`${a.officerId}|${a.day}|${a.postId}|${a.needIndex}`)).toBe(true);
    expect(r.value.plan.feasible).toBe(true);
    expect(r.value.changedShare).toBeLessThan(0.1);
  });

  it('staffs an added post from the previous plan', () => {
    const template = problem.posts.find((p) => p.priority === 'work');
    if (!template) throw new Error('no work post');
    const post = { ...template, id: 'extra-work', day: 3 };
    const r = replan(problem, previous, { kind: 'post-added', post }, { seed: 1, maxIterations: 5_000 });
    if (!r.ok) throw new Error(r.error.message);
    const filled = r.value.plan.assignments.filter((a) => a.postId === 'extra-work').length;
    const short = r.value.plan.shortfalls.filter((s) => s.postId === 'extra-work').reduce((k, s) => k + s.missing, 0);
    expect(filled + short).toBe(post.needs.reduce((k, n) => k + n.count, 0));
  });

  it('is bounded by moves, not only by time, so a replan is reproducible for a seed', () => {
    const victim = previous.find((a) => a.day === 4);
    if (!victim) throw new Error('no assignment on day 4');
    const change = { kind: 'officer-sick' as const, officerId: victim.officerId, days: [4] };
    const runs = [1, 2].map(() => {
      const r = replan(problem, previous, change, { seed: 3, timeLimitMs: 60_000 });
      if (!r.ok) throw new Error(r.error.message);
      return r.value;
    });
    expect(runs[0]?.plan.stats.iterations).toBeLessThanOrEqual(REPLAN_ITERATIONS);
    expect(runs[0]?.plan.assignments).toEqual(runs[1]?.plan.assignments);
  });

  it('rejects changes to unknown things as values', () => {
    expect(applyChange(problem, { kind: 'post-removed', postId: 'nope' })).toMatchObject({ ok: false, error: { code: 'post-not-found' } });
    expect(applyChange(problem, { kind: 'officer-sick', officerId: 'nope', days: [1] })).toMatchObject({ ok: false });
  });
});
