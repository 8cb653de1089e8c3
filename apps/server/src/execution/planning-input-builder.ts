import { agendasAsOf, assignmentRefs, listAbsences, listCaseIdsInPhases, listOfficers, listUnits, loadCaseStreams, type Db } from '@hoeder/db';
import {
  absenceDays,
  contractInEffect,
  decisionMeasures,
  derivePosts,
  fail,
  ok,
  periodContract,
  postRulesetInEffect,
  projectCase,
  type DerivedPost,
  type Result,
} from '@hoeder/domain';
import { SHIFT_TYPES, type Officer, type Post, type Unit } from '@hoeder/planner';
import type { PlanningCaseFilter, PlanningInputGrants } from '../platform/guard/planning-input-check';
import type { OfficerMeta, PlanningInput, PlanningPeriod } from '../planning/planning-input';

// The planning side's types (ADR 0019): this builder is the real `PlanningInputSource` behind them.
export type { OfficerMeta, PlanningInput, PlanningInputSource, PlanningPeriod, PostMeta } from '../planning/planning-input';

export const MAX_PERIOD_DAYS = 56;

/** Every case with active measures; later: those with an accepted security assignment. */
export const casesWithActiveMeasures: PlanningCaseFilter = (trx) => listCaseIdsInPhases(trx, ['measures_active']);

interface Issue {
  field: string;
  message: string;
}

function periodIssues(period: PlanningPeriod): Issue[] {
  const issues: Issue[] = [];
  const start = new Date(`${period.startDate}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(period.startDate) || Number.isNaN(start.getTime())) issues.push({ field: 'startDate', message: 'must be a date YYYY-MM-DD' });
  else if (start.getUTCDay() !== 1) issues.push({ field: 'startDate', message: 'must be a Monday (the planner counts weekends from day 0)' });
  if (!Number.isInteger(period.days) || period.days < 1 || period.days > MAX_PERIOD_DAYS) issues.push({ field: 'days', message: `a whole number of days, 1 to ${MAX_PERIOD_DAYS}` });
  return issues;
}

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

async function officersOf(trx: Db, grants: PlanningInputGrants, period: PlanningPeriod, issues: Issue[]): Promise<{ officers: Officer[]; meta: Record<string, OfficerMeta> }> {
  const until = addDays(period.startDate, period.days - 1);
  const rows = (await listOfficers(trx, grants.officers)).filter((o) => o.active);
  const absences = await listAbsences(trx, grants.officers, { from: period.startDate, until });
  const leave = new Map<string, Set<number>>();
  for (const a of absences) for (const d of absenceDays(period.startDate, period.days, a.from, a.until)) leave.set(a.officerId, (leave.get(a.officerId) ?? new Set()).add(d));
  const officers: Officer[] = [];
  for (const o of rows) {
    const template = o.contractCode ? contractInEffect(o.contractCode, period.startDate) : undefined;
    if (!template) {
      issues.push({ field: `officers.${o.officerId}.contract`, message: `no working-time contract in effect on ${period.startDate} (${o.contractCode ?? 'none'})` });
      continue;
    }
    officers.push({ id: o.officerId, unitId: o.unitId, qualifications: o.qualifications, contract: periodContract(template, period.days), leaveDays: [...(leave.get(o.officerId) ?? [])].sort((x, y) => x - y), requests: [] });
  }
  return { officers, meta: Object.fromEntries(rows.map((o) => [o.officerId, { displayName: o.displayName, unitId: o.unitId }])) };
}

async function postsOf(trx: Db, grants: PlanningInputGrants, period: PlanningPeriod, at: Date): Promise<{ posts: DerivedPost[]; references: Map<string, string> }> {
  const ruleset = postRulesetInEffect(period.startDate);
  if (!ruleset) return { posts: [], references: new Map() };
  const [streams, agendas] = [await loadCaseStreams(trx, grants.cases), await agendasAsOf(trx, grants.agendas, at)];
  // The LCC's tasking: a live assignment's posts are its tasked units' alone (none tasked: nobody's).
  const tasked = new Map((await assignmentRefs(trx, { caseIds: grants.cases.caseIds })).filter((a) => a.live).map((a) => [a.caseId, a.taskedUnits]));
  const posts: DerivedPost[] = [];
  const references = new Map<string, string>();
  for (const caseId of grants.cases.caseIds) {
    const state = projectCase(streams.get(caseId) ?? []);
    const decision = state?.activeDecision;
    if (!state || !decision) continue;
    references.set(caseId, state.reference);
    const measures = decisionMeasures(decision).map((m) => m.measure);
    const activities = agendas.get(caseId)?.activities ?? [];
    const taskedUnitIds = tasked.get(caseId);
    posts.push(...derivePosts({ caseId, resistanceLevel: decision.resistanceLevel, measures, activities, periodStart: period.startDate, days: period.days, shiftTypes: SHIFT_TYPES, ...(taskedUnitIds ? { taskedUnitIds } : {}) }, ruleset));
  }
  return { posts, references };
}

/**
 * The planner's input for a period from the database (issue 11): officers with their contract in
 * effect and leave as days; posts from agenda × measures of the granted cases under the post rules
 * in effect; and the metadata the roster views need. Bad input (an officer without a contract, a
 * post no unit may staff) is a failure per item; nothing is written either way.
 */
export async function buildPlanningInput(trx: Db, grants: PlanningInputGrants, period: PlanningPeriod, at: Date): Promise<Result<PlanningInput>> {
  const bad = periodIssues(period);
  if (bad.length > 0) return fail('VALIDATION_FAILED', `${bad[0]!.field}: ${bad[0]!.message}`, { issues: bad });
  const issues: Issue[] = [];
  const units: Unit[] = (await listUnits(trx)).map((u) => ({ id: u.unitId, name: u.name, kind: u.kind, organisation: u.organisation }));
  const { officers, meta: officerMeta } = await officersOf(trx, grants, period, issues);
  const { posts: derived, references } = await postsOf(trx, grants, period, at);
  const kinds = new Set(units.map((u) => u.kind));
  for (const p of derived) {
    if (!p.allowedUnitKinds.some((k) => kinds.has(k))) issues.push({ field: `posts.${p.id}`, message: `no active unit of the kinds ${p.allowedUnitKinds.join(', ')} may staff it` });
  }
  if (issues.length > 0) return fail('VALIDATION_FAILED', `${issues.length} problem(s) in the planning input; first: ${issues[0]!.field}: ${issues[0]!.message}`, { issues });
  const posts: Post[] = derived.map(({ labelNl: _l, ruleId: _r, activityIds: _a, ...p }) => p);
  const postMeta = Object.fromEntries(derived.map((p) => [p.id, { caseId: p.protectedPersonId, caseReference: references.get(p.protectedPersonId) ?? null, label: p.labelNl, domain: p.priority }]));
  return ok({
    period,
    problem: { name: `lcc-${period.startDate}-${period.days}d`, days: period.days, shiftTypes: SHIFT_TYPES, units, officers, posts },
    posts: postMeta,
    officers: officerMeta,
    source: 'master-data',
  });
}
