import { EXPECTED_DURATION_FACT, type ExpectedThreatDuration } from '../assessment/expected-duration';
import { HOUSEHOLD_FACT_RELATIONS, type HouseholdRelation } from '../persons/household';
import type { CaseFacts } from '../policy/propose';
import { fail, ok, type Result } from '../shared/result';
import { EMPLOYER_DUTIES, MIN_NOTE, type AgreementType, type ArrangementStatus, type EmployerDuty } from './lifecycle';

/** Where a policy fact comes from (issue 12 item 7): never "a default" without saying so. */
export const FACT_SOURCES = ['intake_household', 'threat_assessment', 'threat_assessment_validity', 'agreements', 'employer_duties', 'no_source'] as const;
export type FactSource = (typeof FACT_SOURCES)[number];

/** The facts this module derives; phenomenon, threat level and own resistance come from triage and the DAF judgement. */
export const SOURCED_FACTS = ['threatDuration', 'cooperation', 'integrityRisk', 'employerMeasures', 'hasPartner', 'hasChildren'] as const;
export type SourcedFact = (typeof SOURCED_FACTS)[number];

export interface SourcedValue<K extends SourcedFact = SourcedFact> {
  fact: K;
  value: CaseFacts[K];
  source: FactSource;
  /** What in the source gave the value (codes and counts, never personal data). */
  basis: string;
}

export type DerivedFacts = { [K in SourcedFact]: SourcedValue<K> };

export interface FactSourcesInput {
  /** The household in the person file: each household member's coded relation (issue 12 item 1). */
  household: readonly { relationCode: HouseholdRelation | null }[];
  /**
   * The latest recorded threat assessment with the expected duration the analyst stated when
   * finalising; assessments finalised before that field existed have none (the validity stands in).
   */
  assessment: { recordedAt: string; validUntil: string; expectedDuration?: ExpectedThreatDuration | undefined } | undefined;
  agreements: readonly { type: AgreementType; status: ArrangementStatus }[];
  /** Per employer of the person, its duties and their status; empty when there is no employer. */
  employers: readonly { duties: readonly { duty: EmployerDuty; status: ArrangementStatus }[] }[];
}

/**
 * The stand-in for assessments finalised before the expected-duration field: an assessment valid
 * for a year or more counted as "long" (no prospect of decline). Never used when the field is set.
 */
export const LONG_THREAT_MONTHS = 12;

/** From the coded relation only: the free-text note is never read. */
function household(members: FactSourcesInput['household']) {
  const count = (codes: readonly HouseholdRelation[]) => members.filter((m) => m.relationCode !== null && codes.includes(m.relationCode)).length;
  return { partners: count(HOUSEHOLD_FACT_RELATIONS.hasPartner), children: count(HOUSEHOLD_FACT_RELATIONS.hasChildren) };
}

function threatDuration(assessment: FactSourcesInput['assessment']): SourcedValue<'threatDuration'> {
  if (!assessment) return { fact: 'threatDuration', value: 'long', source: 'no_source', basis: 'no threat assessment recorded' };
  if (assessment.expectedDuration) {
    const value = EXPECTED_DURATION_FACT[assessment.expectedDuration];
    return { fact: 'threatDuration', value, source: 'threat_assessment', basis: `expected duration stated by the DAF: ${assessment.expectedDuration}` };
  }
  const months = monthsBetween(assessment.recordedAt, assessment.validUntil);
  const value = months >= LONG_THREAT_MONTHS ? 'long' : 'short';
  return { fact: 'threatDuration', value, source: 'threat_assessment_validity', basis: `assessment finalised before the expected-duration field; its validity of ${months} month(s) stands in` };
}

function monthsBetween(from: string, until: string): number {
  const [fy, fm, fd] = from.slice(0, 10).split('-').map(Number) as [number, number, number];
  const [uy, um, ud] = until.slice(0, 10).split('-').map(Number) as [number, number, number];
  return (uy - fy) * 12 + (um - fm) - (ud < fd ? 1 : 0);
}

const ACTIVE: readonly ArrangementStatus[] = ['offered', 'agreed', 'not_kept', 'refused'];

function cooperation(input: FactSourcesInput): SourcedValue<'cooperation'> {
  const coop = input.agreements.filter((a) => a.type === 'cooperation' && a.status !== 'ended');
  if (coop.length === 0) return { fact: 'cooperation', value: true, source: 'no_source', basis: 'no cooperation agreement recorded' };
  const broken = coop.filter((a) => a.status === 'refused' || a.status === 'not_kept').length;
  return { fact: 'cooperation', value: broken === 0, source: 'agreements', basis: `${coop.length} cooperation agreement(s), ${broken} refused or not kept` };
}

function integrityRisk(input: FactSourcesInput): SourcedValue<'integrityRisk'> {
  const restrictions = input.agreements.filter((a) => a.type === 'integrity_restriction' && ACTIVE.includes(a.status)).length;
  if (input.agreements.length === 0) return { fact: 'integrityRisk', value: false, source: 'no_source', basis: 'no agreement recorded' };
  return { fact: 'integrityRisk', value: restrictions > 0, source: 'agreements', basis: `${restrictions} integrity restriction(s) in force` };
}

/** The employer's own measures from its five duties: all in place is adequate, none met is none. */
export function employerMeasuresFrom(employers: FactSourcesInput['employers']): SourcedValue<'employerMeasures'> {
  // No employer recorded is not proof of none: the liaison may not have recorded it yet.
  if (employers.length === 0) return { fact: 'employerMeasures', value: 'not_applicable', source: 'no_source', basis: 'no employer recorded' };
  const duties = employers.flatMap((e) => e.duties);
  const inPlace = duties.filter((d) => d.status === 'in_place').length;
  const total = employers.length * EMPLOYER_DUTIES.length;
  const value = inPlace === total ? 'adequate' : inPlace === 0 ? 'none' : 'partial';
  return { fact: 'employerMeasures', value, source: 'employer_duties', basis: `${inPlace} of ${total} duties in place` };
}

/**
 * The policy facts from where they live (issue 12 item 7): household from the intake's registered
 * persons, expected duration from the threat assessment, cooperation and integrity risk from the
 * agreements, the employer's resistance from its duties. A fact without a source says so.
 */
export function deriveFacts(input: FactSourcesInput): DerivedFacts {
  const home = household(input.household);
  return {
    threatDuration: threatDuration(input.assessment),
    cooperation: cooperation(input),
    integrityRisk: integrityRisk(input),
    employerMeasures: employerMeasuresFrom(input.employers),
    hasPartner: { fact: 'hasPartner', value: home.partners > 0, source: 'intake_household', basis: `${home.partners} household member(s) coded partner` },
    hasChildren: { fact: 'hasChildren', value: home.children > 0, source: 'intake_household', basis: `${home.children} household member(s) coded child` },
  };
}

export interface FactOverride {
  fact: SourcedFact;
  reason: string;
}

export interface RecordedFact {
  fact: SourcedFact;
  source: FactSource;
  derived: unknown;
  stated: unknown;
  overrideReason: string | null;
}

/**
 * The decision maker may state a fact other than its source gives, but then must say why. Returns
 * what the decision records per fact (source, derived, stated, reason), or names the first fact
 * whose change lacks a reason. Every proposal states its overrides (an empty list when it has none):
 * a difference without a reason is refused, never recorded unexplained.
 */
export function recordFacts(derived: DerivedFacts, stated: Pick<CaseFacts, SourcedFact>, overrides: readonly FactOverride[]): Result<RecordedFact[]> {
  const reasons = new Map(overrides.map((o) => [o.fact, o.reason.trim()]));
  const recorded: RecordedFact[] = [];
  for (const fact of SOURCED_FACTS) {
    const from = derived[fact];
    const changed = from.source !== 'no_source' && stated[fact] !== from.value;
    const reason = reasons.get(fact) ?? '';
    if (changed && reason.length < MIN_NOTE) {
      return fail('VALIDATION_FAILED', `${fact} differs from its source (${from.source}): give a reason of at least ${MIN_NOTE} characters`, { field: `factOverrides.${fact}` });
    }
    recorded.push({ fact, source: from.source, derived: from.value, stated: stated[fact], overrideReason: changed && reason ? reason : null });
  }
  return ok(recorded);
}
