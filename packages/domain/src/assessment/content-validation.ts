import { fail, ok, type Result } from '../shared/result';
import { CLASSIFICATIONS, RESISTANCE_LEVELS, THREAT_LEVELS } from '../shared/vocabulary';
import { EFFECTIVENESS, IMPACTS, JUDGEMENT_FIELDS, LIKELIHOODS, OWN_RESISTANCE, type AssessmentContent, type IntegratedJudgement } from './assessment-content';
import { isDate } from './information';
import { findTemplate, validateRatings, type MethodTemplate } from './method-templates';

const invalid = (field: string, message: string, details: Record<string, unknown> = {}) => fail('VALIDATION_FAILED', message, { field, ...details });
const text = (v: string | undefined) => typeof v === 'string' && v.trim().length > 0;
const unique = (ids: readonly string[]) => new Set(ids).size === ids.length;
const inList = (list: readonly string[], v: string) => list.includes(v);

const LEVELS: Record<(typeof JUDGEMENT_FIELDS)[number], readonly string[]> = {
  threat: THREAT_LEVELS,
  ownResistance: OWN_RESISTANCE,
  employerResistance: OWN_RESISTANCE,
  requiredResistance: RESISTANCE_LEVELS,
  measuresEffectiveness: EFFECTIVENESS,
  residualRisk: THREAT_LEVELS,
};

function checkJudgement(j: IntegratedJudgement | undefined, complete: boolean): Result<true> {
  if (!j) return complete ? invalid('judgement', 'a submitted assessment has an integrated judgement') : ok(true);
  for (const field of JUDGEMENT_FIELDS) {
    const part = j[field];
    if (!part || !inList(LEVELS[field], part.level)) return invalid(`judgement.${field}`, `${field} has a level from its scale`);
    if (!text(part.motivation)) return invalid(`judgement.${field}`, `${field} is motivated`);
  }
  return ok(true);
}

function checkScenarios(c: AssessmentContent, complete: boolean): Result<true> {
  if (!unique(c.scenarios.map((s) => s.scenarioId))) return invalid('scenarios', 'scenario ids are unique');
  if (complete && c.scenarios.length === 0) return invalid('scenarios', 'a submitted assessment has at least one scenario');
  for (const s of c.scenarios) {
    if (![s.scenarioId, s.actor, s.intent, s.capability, s.target].every(text)) {
      return invalid('scenarios', 'a scenario names actor, intent, capability and target', { scenarioId: s.scenarioId });
    }
    if (!inList(LIKELIHOODS, s.likelihood) || !inList(IMPACTS, s.impact)) return invalid('scenarios', 'likelihood and impact come from their scales');
    if (complete && (s.indicators.length === 0 || s.counterMeasures.length === 0)) {
      return invalid('scenarios', 'a submitted scenario has indicators to watch and counter-measures', { scenarioId: s.scenarioId });
    }
  }
  return ok(true);
}

function checkAssumptions(c: AssessmentContent, today: string, complete: boolean): Result<true> {
  if (!unique(c.assumptions.map((a) => a.assumptionId))) return invalid('assumptions', 'assumption ids are unique');
  for (const a of c.assumptions) {
    const id = { assumptionId: a.assumptionId };
    if (![a.assumptionId, a.statement, a.basis].every(text)) return invalid('assumptions', 'an assumption states what and on what basis', id);
    if (!a.retestOn && !text(a.trigger)) return invalid('assumptions', 'an assumption has a re-test date or a trigger', id);
    if (a.retestOn !== undefined && !isDate(a.retestOn)) return invalid('assumptions', 'the re-test date is a date', id);
    if (complete && a.retestOn !== undefined && a.retestOn <= today) return invalid('assumptions', 'the re-test date lies in the future', id);
  }
  return ok(true);
}

function checkGapsAndItems(c: AssessmentContent, knownItemIds: ReadonlySet<string>): Result<true> {
  if (!unique(c.gaps.map((g) => g.gapId))) return invalid('gaps', 'gap ids are unique');
  if (!c.gaps.every((g) => [g.gapId, g.description, g.meaningForJudgement].every(text))) {
    return invalid('gaps', 'a gap says what is missing and what that means for the judgement');
  }
  if (!unique(c.basedOnItemIds)) return invalid('basedOnItemIds', 'each item is referenced once');
  const unknown = c.basedOnItemIds.filter((id) => !knownItemIds.has(id));
  if (unknown.length > 0) return invalid('basedOnItemIds', 'the assessment rests on registered items only', { unknown });
  return ok(true);
}

/**
 * The invariants of assessment content. A draft may be incomplete; `complete` (at submission for
 * challenge) requires a full judgement, scenarios with indicators and every template item rated.
 */
export function validateContent(
  c: AssessmentContent,
  catalogue: readonly MethodTemplate[],
  knownItemIds: ReadonlySet<string>,
  today: string,
  complete: boolean,
): Result<AssessmentContent> {
  const template = findTemplate(catalogue, c.template);
  if (!template) return invalid('template', `no template ${c.template.templateId} v${c.template.version}`);
  if (!inList(CLASSIFICATIONS, c.classification)) return invalid('classification', 'unknown classification');
  const checks = [
    () => checkJudgement(c.judgement, complete),
    () => checkScenarios(c, complete),
    () => checkAssumptions(c, today, complete),
    () => checkGapsAndItems(c, knownItemIds),
    () => validateRatings(template, c.ratings, complete),
  ];
  for (const check of checks) {
    const result = check();
    if (!result.ok) return result;
  }
  return ok(c);
}
