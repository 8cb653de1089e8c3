import type { AgendaPostsView } from '@hoeder/contracts';
import { applicableRules, decisionMeasures, derivePosts, postRulesetInEffect, type ActiveDecision, type AgendaActivity } from '@hoeder/domain';
import { SHIFT_TYPES } from '@hoeder/planner';

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** The Monday on or after a date: the planner's weeks start on Monday. */
export function mondayOnOrAfter(date: string): string {
  const weekday = (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
  return weekday === 0 ? date : addDays(date, 7 - weekday);
}

/** One week of posts from the agenda and the active decision's measures, with the rules that made them. */
export function agendaPosts(caseId: string, startDate: string, activities: readonly AgendaActivity[], decision: ActiveDecision | undefined): AgendaPostsView {
  const ruleset = postRulesetInEffect(startDate);
  const measures = decision ? decisionMeasures(decision).map((m) => m.measure) : [];
  if (!ruleset || !decision) return { caseId, startDate, ruleset: ruleset?.version ?? null, posts: [], rules: [], withoutPosts: [] };
  const posts = derivePosts({ caseId, resistanceLevel: decision.resistanceLevel, measures, activities, periodStart: startDate, days: 7, shiftTypes: SHIFT_TYPES }, ruleset);
  return {
    caseId,
    startDate,
    ruleset: ruleset.version,
    posts: posts.map((p) => ({ date: addDays(startDate, p.day), shiftTypeId: p.shiftTypeId, label: p.labelNl, domain: p.priority, ruleId: p.ruleId, needs: p.needs.map((n) => ({ qualification: n.qualification, count: n.count })), allowedUnitKinds: p.allowedUnitKinds })),
    rules: applicableRules(ruleset, new Set(measures)).map((r) => ({ id: r.id, explanationNl: r.explanationNl })),
    withoutPosts: measures.filter((m) => ruleset.withoutPosts[m]).map((m) => ({ measure: m, reasonNl: ruleset.withoutPosts[m]! })),
  };
}
