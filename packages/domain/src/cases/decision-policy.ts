import { recordDeviation, type DeviationRecord } from '../policy/deviation';
import { CARE_MODULE_LABELS_NL, MEASURE_DOMAINS, MEASURE_LABELS_NL, listMeasures, type MeasureDomain, type MeasuresByDomain } from '../policy/measures';
import type { CaseFacts, PackageProposal, PolicyExplanation } from '../policy/propose';
import type { PolicyResult } from '../policy/result';
import { fail, ok, type Result } from '../shared/result';
import type { ResistanceLevel } from '../shared/vocabulary';
import { findPackage } from './package-catalogue';

/**
 * The package policy in effect at the decision time, as the decision needs it. The server loads
 * the version (I/O) and hands in its evaluator, so deciding stays a pure function.
 */
export interface PolicyEvaluator {
  version: string;
  effectiveFrom: string;
  propose(facts: CaseFacts): PolicyResult<PackageProposal>;
}

/** A package as offered: the proposal's shape plus the resistance level. */
export interface DecisionPackage {
  resistanceLevel: ResistanceLevel;
  measures: MeasuresByDomain;
  careModules: string[];
  reviewPeriodMonths: number;
}

/** A deviation from the policy's proposal, always with its written motivation. */
export interface DecisionDeviation extends DeviationRecord {
  deviates: true;
  motivation: string;
  resistanceLevel: { proposed: ResistanceLevel; offered: ResistanceLevel } | null;
}

/** What a decision records about the policy: which version said what, why, and what was chosen. */
export interface DecisionPolicyRecord {
  policyVersion: string;
  effectiveFrom: string;
  facts: CaseFacts;
  proposal: DecisionPackage;
  /** The rules that fired, per decision table (the explanation trace). */
  explanation: PolicyExplanation;
  chosen: DecisionPackage;
  deviation: DecisionDeviation | null;
}

/** The shortest written deviation motivation, like every other motivation. */
const MIN_DEVIATION_MOTIVATION = 10;

export const packageOf = (p: PackageProposal): DecisionPackage => ({
  resistanceLevel: p.resistanceLevel,
  measures: p.measures,
  careModules: p.careModules,
  reviewPeriodMonths: p.reviewPeriodMonths,
});

const INPUT_ERRORS = new Set(['POLICY_INVALID_FACTS', 'DMN_INPUT_NOT_ALLOWED']);

/**
 * Evaluates the policy for the facts and compares the offer with its proposal. Accepting is the
 * default (no offer); any difference in level, measures, care or review period is a deviation
 * and needs a written motivation.
 */
export function decidePackage(
  policy: PolicyEvaluator | undefined,
  facts: CaseFacts,
  offered: DecisionPackage | undefined,
  deviationMotivation: string | undefined,
): Result<DecisionPolicyRecord> {
  if (!policy) return fail('RULE_VIOLATION', 'no package policy is in effect on the decision date');
  const proposed = policy.propose(facts);
  if (!proposed.ok) {
    const code = INPUT_ERRORS.has(proposed.error.code) ? 'VALIDATION_FAILED' : 'RULE_VIOLATION';
    return fail(code, `policy ${policy.version}: ${proposed.error.message}`, { field: 'facts', policyError: proposed.error.code });
  }
  const proposal = packageOf(proposed.value);
  const chosen = offered ?? proposal;
  const unknown = unknownCodes(chosen, proposal);
  if (unknown.length > 0) return fail('VALIDATION_FAILED', `unknown measure or care codes: ${unknown.join(', ')}`, { field: 'offered' });
  const deviation = compare(proposed.value, chosen, deviationMotivation);
  if (!deviation.ok) return deviation;
  return ok({
    policyVersion: policy.version,
    effectiveFrom: policy.effectiveFrom,
    facts,
    proposal,
    explanation: proposed.value.explanation,
    chosen,
    deviation: deviation.value,
  });
}

function compare(proposal: PackageProposal, chosen: DecisionPackage, motivation: string | undefined): Result<DecisionDeviation | null> {
  const text = motivation?.trim() ?? '';
  const motivationMissing = fail(
    'VALIDATION_FAILED',
    `the package deviates from the proposal of policy ${proposal.policyVersion}: a written deviation motivation of at least ${MIN_DEVIATION_MOTIVATION} characters is required`,
    { field: 'deviationMotivation' },
  );
  const record = recordDeviation(proposal, chosen, text);
  if (!record.ok) return motivationMissing;
  const levelChanged = chosen.resistanceLevel !== proposal.resistanceLevel;
  if (!record.value.deviates && !levelChanged) return ok(null);
  if (text.length < MIN_DEVIATION_MOTIVATION) return motivationMissing;
  return ok({
    ...record.value,
    deviates: true,
    motivation: text,
    resistanceLevel: levelChanged ? { proposed: proposal.resistanceLevel, offered: chosen.resistanceLevel } : null,
  });
}

/** Codes in the offer that are neither in the proposal nor in the known vocabulary. */
function unknownCodes(chosen: DecisionPackage, proposal: DecisionPackage): string[] {
  const proposedMeasures = new Set(listMeasures(proposal.measures).map((m) => m.measure));
  const measures = MEASURE_DOMAINS.flatMap((d) => chosen.measures[d] ?? []).filter((m) => !proposedMeasures.has(m) && !(m in MEASURE_LABELS_NL));
  const care = chosen.careModules.filter((m) => !proposal.careModules.includes(m) && !(m in CARE_MODULE_LABELS_NL));
  return [...measures, ...care];
}

/** The calendar date `months` after the ISO date `from` (clamped to the month's last day). */
export function addMonths(from: string, months: number): string {
  const [y, m, d] = from.slice(0, 10).split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, last));
  return first.toISOString().slice(0, 10);
}

export interface ActiveMeasure {
  domain: string;
  measure: string;
}

/**
 * The measures a decision puts into effect: the chosen package (care modules under `care`).
 * Decisions stored before the policy was wired in name a catalogue package instead.
 */
export function decisionMeasures(decision: { policy?: DecisionPolicyRecord | undefined; packageCode?: string | undefined }): ActiveMeasure[] {
  if (decision.policy) {
    const { measures, careModules } = decision.policy.chosen;
    return [...listMeasures(measures), ...careModules.map((measure) => ({ domain: 'care', measure }))];
  }
  const legacy = decision.packageCode ? findPackage(decision.packageCode) : undefined;
  return legacy ? legacy.measures.map((m) => ({ domain: m.domain, measure: m.measure })) : [];
}

/** What a decision maker can offer when deviating, per domain (the policy's output vocabulary). */
export const OFFERABLE_MEASURES: Readonly<Record<MeasureDomain, readonly string[]>> = {
  general: ['inform_and_advise', 'protection_under_conditions', 'counter_intelligence_advice'],
  home: ['security_advice_home', 'alarm_follow_up_home', 'camera_surveillance_home', 'technical_measures_home', 'static_guard_home'],
  work: ['employer_advice', 'alarm_follow_up_work', 'camera_surveillance_work', 'guard_workplace'],
  transport: ['travel_advice', 'escort_work_travel', 'protected_transport'],
  private: ['private_activity_advice', 'private_activity_restrictions', 'escort_private_activities'],
};
export const OFFERABLE_CARE_MODULES: readonly string[] = ['care_person', 'care_partner', 'care_children', 'peer_support'];
