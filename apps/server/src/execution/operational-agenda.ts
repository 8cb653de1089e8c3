import { agendasAsOf, findUnit } from '@hoeder/db';
import { applicableRules, postRulesetInEffect, type ActivityDomain } from '@hoeder/domain';
import type { OperationalAgendaSource } from '../assignments/operational-extract';
import { operationalAgendaGrant } from '../platform/guard/agenda-check';

/**
 * The agenda in a unit's operational extract (issue 11, need-to-know for execution): the person's
 * activities as they stand now, only in the domains where the assignment's measures make posts
 * under the post rules in effect, and (for a unit) posts this kind of unit may staff. The LCC
 * (no unit) sees every domain with posts; a camera team only the domains its cameras watch.
 */
export const operationalAgenda: OperationalAgendaSource = async (trx, { caseId, unitId, measures, now }) => {
  const unit = unitId ? await findUnit(trx, unitId) : undefined;
  const ruleset = postRulesetInEffect(now.toISOString().slice(0, 10));
  if ((unitId && !unit) || !ruleset) return [];
  const rules = applicableRules(ruleset, new Set(measures)).filter((r) => !unit || r.allowedUnitKinds.includes(unit.kind));
  const domains = new Set<ActivityDomain>(rules.flatMap((r) => r.domains));
  const agenda = (await agendasAsOf(trx, operationalAgendaGrant(caseId), now)).get(caseId);
  return (agenda?.activities ?? [])
    .filter((a) => domains.has(a.domain))
    .map((a) => ({ activityId: a.activityId, domain: a.domain, title: a.label, placeCategory: a.placeCategory, start: a.start, end: a.end }));
};
