import type { ScenarioRequest } from '@hoeder/contracts';
import { DOMAIN_PRIORITY, fail, ok, type ActivityClass, type Result } from '@hoeder/domain';
import { REPLAN_ITERATIONS, solve, type Assignment, type Post } from '@hoeder/planner';
import { demoProblem, type PlanningInput } from './planning-input';
import { dateOf, toRosterPlan, type RosterPlan } from './roster-document';

const invalid = (field: string, message: string): Result<never> => fail('VALIDATION_FAILED', `${field}: ${message}`, { issues: [{ field, message }] });

interface Copy {
  input: PlanningInput;
  baseline: Assignment[];
  touched: Set<string>;
}

/** The scenario applied to a copy of the version's input; the version itself is never changed. */
export function applyScenario(input: PlanningInput, plan: RosterPlan, req: ScenarioRequest): Result<Copy> {
  const all = Array.from({ length: input.period.days }, (_, d) => d);
  switch (req.kind) {
    case 'unit-loses-officers': {
      const officers = input.problem.officers.filter((o) => o.unitId === req.unitId).sort((a, b) => a.id.localeCompare(b.id));
      if (officers.length === 0) return invalid('unitId', 'no officers of this unit in this roster');
      if (req.count > officers.length) return invalid('count', `the unit has ${officers.length} officers`);
      const gone = new Set(officers.slice(0, req.count).map((o) => o.id));
      const problem = { ...input.problem, officers: input.problem.officers.map((o) => (gone.has(o.id) ? { ...o, leaveDays: all } : o)) };
      return ok({ input: { ...input, problem }, baseline: plan.assignments.filter((a) => !gone.has(a.officerId)), touched: new Set(plan.assignments.filter((a) => gone.has(a.officerId)).map((a) => a.postId)) });
    }
    case 'case-escalates': {
      const mine = new Set(input.problem.posts.filter((p) => input.posts[p.id]?.caseId === req.caseId).map((p) => p.id));
      if (mine.size === 0) return invalid('caseId', 'no posts of this case in this roster');
      const posts = input.problem.posts.map((p) => (mine.has(p.id) ? { ...p, needs: p.needs.map((n) => ({ ...n, count: n.count * req.factor })) } : p));
      return ok({ input: { ...input, problem: { ...input.problem, posts } }, baseline: plan.assignments, touched: mine });
    }
    case 'new-cases': {
      const extra: Post[] = demoProblem(1000 + req.count, req.count, 0.01, input.period.days).posts.map((p) => ({ ...p, id: `scenario-${p.id}`, protectedPersonId: `scenario-${p.protectedPersonId}` }));
      const meta = Object.fromEntries(extra.map((p) => [p.id, { caseId: null, caseReference: `NIEUW-${Number(p.protectedPersonId!.replace(/\D/g, ''))}`, label: p.activity, domain: p.priority }]));
      return ok({ input: { ...input, problem: { ...input.problem, posts: [...input.problem.posts, ...extra] }, posts: { ...input.posts, ...meta } }, baseline: plan.assignments, touched: new Set(extra.map((p) => p.id)) });
    }
  }
}

function unitLoad(input: PlanningInput, plan: RosterPlan) {
  const minutes = new Map(input.problem.shiftTypes.map((s) => [s.id, s.minutes]));
  const shift = new Map(input.problem.posts.map((p) => [p.id, minutes.get(p.shiftTypeId) ?? 0]));
  const load = new Map<string, { used: number; available: number }>();
  for (const o of input.problem.officers) {
    const u = load.get(o.unitId) ?? { used: 0, available: 0 };
    u.available += Math.min(o.contract.maxTotalMinutes, (input.period.days - o.leaveDays.length) * 480);
    load.set(o.unitId, u);
  }
  for (const a of plan.assignments) {
    const u = load.get(input.officers[a.officerId]?.unitId ?? '');
    if (u) u.used += shift.get(a.postId) ?? 0;
  }
  return load;
}

const unstaffedPosts = (plan: RosterPlan) => new Set(plan.shortfalls.map((s) => s.postId));

/** Before against after: what becomes unstaffable (private first), per domain, which units run over. */
export function compareScenario(before: { input: PlanningInput; plan: RosterPlan }, after: { input: PlanningInput; plan: RosterPlan }) {
  const [b, a] = [unstaffedPosts(before.plan), unstaffedPosts(after.plan)];
  const domainOf = (input: PlanningInput, p: Post) => (input.posts[p.id]?.domain ?? p.priority) as ActivityClass;
  const domains = DOMAIN_PRIORITY.map((domain) => ({
    domain,
    before: before.input.problem.posts.filter((p) => domainOf(before.input, p) === domain && b.has(p.id)).length,
    after: after.input.problem.posts.filter((p) => domainOf(after.input, p) === domain && a.has(p.id)).length,
  }));
  const order = (d: ActivityClass) => (d === 'private' ? 0 : 1 + DOMAIN_PRIORITY.indexOf(d));
  const newlyUnstaffed = after.input.problem.posts
    .filter((p) => a.has(p.id) && !b.has(p.id))
    .map((p) => ({ postId: p.id, caseReference: after.input.posts[p.id]?.caseReference ?? null, label: after.input.posts[p.id]?.label ?? p.activity, domain: domainOf(after.input, p), date: dateOf(after.input.period.startDate, p.day), shiftTypeId: p.shiftTypeId }))
    .sort((x, y) => order(x.domain) - order(y.domain) || x.date.localeCompare(y.date));
  const [lb, la] = [unitLoad(before.input, before.plan), unitLoad(after.input, after.plan)];
  const units = [...la.entries()]
    .map(([unitId, u]) => ({ unitId, before: lb.get(unitId)!.available ? Math.round((lb.get(unitId)!.used / lb.get(unitId)!.available) * 1000) / 1000 : 0, after: u.available ? Math.round((u.used / u.available) * 1000) / 1000 : 1 }))
    .filter((u) => u.after > 0.9 || Math.abs(u.after - u.before) >= 0.05)
    .sort((x, y) => y.after - x.after);
  const covered = (input: PlanningInput, s: Set<string>) => input.problem.posts.filter((p) => !s.has(p.id)).length;
  return {
    coverage: { before: covered(before.input, b), after: covered(after.input, a), totalBefore: before.input.problem.posts.length, totalAfter: after.input.problem.posts.length },
    domains,
    privateFirst: newlyUnstaffed.length > 0 && newlyUnstaffed[0]!.domain === 'private',
    newlyUnstaffed: newlyUnstaffed.slice(0, 100),
    newlyUnstaffedCount: newlyUnstaffed.length,
    unitsOver: units.filter((u) => u.after > 0.9),
    unitsChanged: units,
  };
}

export type ScenarioResult = ReturnType<typeof compareScenario>;

/** Computes a scenario on a copy: the previous roster as a weighted start, only the touched posts refilled greedily. */
export function runScenario(input: PlanningInput, plan: RosterPlan, req: ScenarioRequest, timeLimitMs = 3_000): Result<ScenarioResult> {
  const copy = applyScenario(input, plan, req);
  if (!copy.ok) return copy;
  const posts = new Set(copy.value.input.problem.posts.map((p) => p.id));
  const solved = solve(copy.value.input.problem, {
    seed: 1, timeLimitMs, maxIterations: REPLAN_ITERATIONS, candidateLimit: 256, initialTemperature: 2, constructPosts: copy.value.touched,
    baseline: { assignments: copy.value.baseline.filter((a) => posts.has(a.postId)), weight: 30 },
  });
  if (!solved.ok) return fail('VALIDATION_FAILED', solved.error.message);
  return ok(compareScenario({ input, plan }, { input: copy.value.input, plan: toRosterPlan(solved.value) }));
}
