import type { DisruptionRequest } from '@hoeder/contracts';
import { DOMAIN_LABELS, fail, ok, type Result } from '@hoeder/domain';
import { replan, type Assignment, type Change, type Post } from '@hoeder/planner';
import type { PlanningInput } from './planning-input';
import { dateOf, dayIndex, toRosterPlan, type RosterPlan } from './roster-document';

const UNDER_WEIGHT = { home: 150, transport: 130, work: 100, private: 40 } as const;

const invalid = (field: string, message: string): Result<never> => fail('VALIDATION_FAILED', `${field}: ${message}`, { issues: [{ field, message }] });

/** A disruption in the planner's terms, checked against the version's input: unknown ids and dates outside the period are refused by field. */
export function toChange(input: PlanningInput, req: DisruptionRequest): Result<{ change: Change; meta?: PlanningInput['posts'] }> {
  const { startDate, days } = input.period;
  const dayOf = (field: string, date: string): Result<number> => {
    const d = dayIndex(startDate, days, date);
    return d === null ? invalid(field, `outside the roster's period (${startDate}, ${days} days)`) : ok(d);
  };
  const hasPost = (id: string) => input.problem.posts.some((p) => p.id === id);
  switch (req.kind) {
    case 'officer-sick': {
      if (!input.problem.officers.some((o) => o.id === req.officerId)) return invalid('officerId', 'unknown officer in this roster');
      const list: number[] = [];
      for (const [i, date] of req.dates.entries()) {
        const d = dayOf(`dates.${i}`, date);
        if (!d.ok) return d;
        list.push(d.value);
      }
      return ok({ change: { kind: 'officer-sick', officerId: req.officerId, days: list } });
    }
    case 'post-removed':
      return hasPost(req.postId) ? ok({ change: { kind: 'post-removed', postId: req.postId } }) : invalid('postId', 'unknown post in this roster');
    case 'post-moved': {
      if (!hasPost(req.postId)) return invalid('postId', 'unknown post in this roster');
      const d = dayOf('date', req.date);
      return d.ok ? ok({ change: { kind: 'post-moved', postId: req.postId, day: d.value, shiftTypeId: req.shiftTypeId } }) : d;
    }
    case 'post-added': {
      const d = dayOf('date', req.date);
      if (!d.ok) return d;
      const reference = Object.values(input.posts).find((m) => m.caseId === req.caseId)?.caseReference ?? null;
      const n = input.problem.posts.filter((p) => p.id.startsWith(`${req.caseId}-added-`)).length + 1;
      const post: Post = {
        id: `${req.caseId}-added-${n}`, day: d.value, shiftTypeId: req.shiftTypeId, protectedPersonId: req.caseId, activity: 'added', priority: req.domain,
        needs: [{ qualification: req.qualification, count: req.count, underWeight: UNDER_WEIGHT[req.domain], overWeight: 1 }],
      };
      return ok({ change: { kind: 'post-added', post }, meta: { [post.id]: { caseId: req.caseId, caseReference: reference, label: `Toegevoegde opdracht (${DOMAIN_LABELS[req.domain]})`, domain: req.domain } } });
    }
  }
}

/** Who moves: per officer and day, the post before and after (only the cells that changed). */
export function rosterDiff(input: PlanningInput, before: readonly Assignment[], after: readonly Assignment[]) {
  const cell = (list: readonly Assignment[]) => new Map(list.map((a) => [`${a.officerId}|${a.day}`, a]));
  const [b, a] = [cell(before), cell(after)];
  const keys = [...new Set([...b.keys(), ...a.keys()])].filter((k) => b.get(k)?.postId !== a.get(k)?.postId || b.get(k)?.needIndex !== a.get(k)?.needIndex);
  const label = (x: Assignment | undefined) => {
    if (!x) return null;
    const meta = input.posts[x.postId];
    return { postId: x.postId, label: meta?.label ?? x.postId, caseReference: meta?.caseReference ?? null };
  };
  const moves = keys
    .map((k) => {
      const [officerId, day] = k.split('|') as [string, string];
      return { officerId, displayName: input.officers[officerId]?.displayName ?? officerId, unitId: input.officers[officerId]?.unitId ?? '', day: Number(day), date: dateOf(input.period.startDate, Number(day)), from: label(b.get(k)), to: label(a.get(k)) };
    })
    .sort((x, y) => x.day - y.day || x.officerId.localeCompare(y.officerId));
  return { changedCells: moves.length, changedShare: before.length === 0 ? 0 : moves.length / before.length, moves };
}

export type RosterDiff = ReturnType<typeof rosterDiff>;

/** The replan of one disruption: everything else pinned, a ceiling of one second (issue 11). */
export function replanDisruption(input: PlanningInput, plan: RosterPlan, change: Change, meta: PlanningInput['posts'] = {}, timeLimitMs = 1_000): Result<{ input: PlanningInput; plan: RosterPlan; diff: RosterDiff }> {
  const pinned = plan.assignments.map((a) => ({ ...a, pinned: true }));
  const result = replan(input.problem, pinned, change, { seed: 1, timeLimitMs, candidateLimit: 256 });
  if (!result.ok) return fail('VALIDATION_FAILED', result.error.message);
  const next: PlanningInput = { ...input, problem: result.value.problem, posts: { ...input.posts, ...meta } };
  const nextPlan = toRosterPlan({ ...result.value.plan, assignments: result.value.plan.assignments.map(({ pinned: _p, ...a }) => a) });
  return ok({ input: next, plan: nextPlan, diff: rosterDiff(next, plan.assignments, nextPlan.assignments) });
}
