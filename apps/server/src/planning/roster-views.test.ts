import { describe, expect, it } from 'vitest';
import { demoProblem } from './planning-input';
import { caseRoster, domainBalance, officerRoster, rosterOverview, unitRoster, visibleAssignments, type OpenRoster } from './roster-views';
import type { PlanningInput } from './planning-input';
import { solve } from '@hoeder/planner';

/** The roster views filter by the reader's scope: a unit lead sees their own unit's rows and nothing else. */
const problem = demoProblem(3, 12, 0.08, 7);
const solved = solve(problem, { seed: 1, maxIterations: 2_000 });
if (!solved.ok) throw new Error(solved.error.message);
const input: PlanningInput = {
  period: { startDate: '2026-03-09', days: 7 },
  problem,
  posts: Object.fromEntries(problem.posts.map((p) => [p.id, { caseId: `case-${p.protectedPersonId}`, caseReference: p.protectedPersonId, label: p.activity, domain: p.priority }])),
  officers: Object.fromEntries(problem.officers.map((o) => [o.id, { displayName: o.id, unitId: o.unitId }])),
  source: 'test',
};
const plan = { assignments: solved.value.assignments, shortfalls: solved.value.shortfalls, score: solved.value.score, feasible: solved.value.feasible };
const open = (scope: OpenRoster['scope']): OpenRoster => ({ input, plan, scope, unitNames: new Map() });
const unitOf = (officerId: string) => input.officers[officerId]!.unitId;

describe('a unit lead', () => {
  const lead = open({ kind: 'unit', unitId: 'be-1' });

  it('sees only the assignments of their own unit’s officers', () => {
    const mine = visibleAssignments(lead);
    expect(mine.length).toBeGreaterThan(0);
    expect(new Set(mine.map((a) => unitOf(a.officerId)))).toEqual(new Set(['be-1']));
    expect(rosterOverview(lead).units.map((u) => u.unitId)).toEqual(['be-1']);
  });

  it('sees no shortfalls or domain balance, and no other unit, officer or case', () => {
    const o = rosterOverview(lead);
    expect(o.shortfalls).toEqual([]);
    expect(o.domains).toBeNull();
    expect(unitRoster(lead, 'bsb-1')).toBeUndefined();
    const other = problem.officers.find((x) => x.unitId !== 'be-1')!;
    expect(officerRoster(lead, other.id)).toBeUndefined();
    const foreignCase = plan.assignments.map((a) => input.posts[a.postId]!.caseId!).find((c) => !o.cases.some((x) => x.caseId === c));
    if (foreignCase) expect(caseRoster(lead, foreignCase)).toBeUndefined();
    for (const c of o.cases) {
      const shown = caseRoster(lead, c.caseId)!;
      expect(new Set(shown.posts.flatMap((p) => p.needs.flatMap((n) => n.officers.map((x) => x.unitId))))).toEqual(new Set(['be-1']));
    }
  });
});

describe('the LCC coordinator', () => {
  it('sees every assignment and every shortfall, private ones listed first', () => {
    const lcc = open({ kind: 'all' });
    expect(visibleAssignments(lcc).length).toBe(plan.assignments.length);
    const s = rosterOverview(lcc).shortfalls;
    expect(s.length).toBe(plan.shortfalls.length);
    const firstOther = s.findIndex((x) => x.domain !== 'private');
    if (firstOther >= 0) expect(s.slice(firstOther).some((x) => x.domain === 'private')).toBe(false);
    expect(domainBalance(lcc).rows.reduce((n, r) => n + r.posts, 0)).toBe(problem.posts.length);
  });
});
