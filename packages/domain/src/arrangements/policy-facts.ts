import type { PersonInput } from '../cases/case-events';
import type { CaseFacts } from '../policy/propose';
import { fail, ok, type Result } from '../shared/result';
import { EMPLOYER_DUTIES, MIN_NOTE, type AgreementType, type ArrangementStatus, type EmployerDuty } from './lifecycle';

/** Where a policy fact comes from (issue 12 item 7): never "a default" without saying so. */
export const FACT_SOURCES = ['intake_household', 'threat_assessment', 'agreements', 'employer_duties', 'no_source'] as const;
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
  /** The persons registered at intake (the household). */
  persons: readonly PersonInput[];
  /** The latest recorded threat assessment: its validity says how long the DAF expects the threat. */
  assessment: { recordedAt: string; validUntil: string } | undefined;
  agreements: readonly { type: AgreementType; status: ArrangementStatus }[];
  /** Per employer of the person, its duties and their status; empty when there is no employer. */
  employers: readonly { duties: readonly { duty: EmployerDuty; status: ArrangementStatus }[] }[];
  /** The case date (YYYY-MM-DD) against which ages are counted. */
  today: string;
}

/** An assessment valid for a year or more expects the threat to last ("long": no prospect of decline). */
export const LONG_THREAT_MONTHS = 12;

const PARTNER = /partner|echtgeno|spouse|husband|wife|vriend|man\b|vrouw\b/i;
const CHILD = /kind|zoon|dochter|child|son|daughter|stiefkind/i;

function ageOn(dateOfBirth: string | undefined, today: string): number | undefined {
  if (!dateOfBirth || !/^\d{4}-\d{2}-\d{2}/.test(dateOfBirth)) return undefined;
  const years = Number(today.slice(0, 4)) - Number(dateOfBirth.slice(0, 4));
  return today.slice(5, 10) < dateOfBirth.slice(5, 10) ? years - 1 : years;
}

function household(persons: readonly PersonInput[], today: string) {
  const members = persons.filter((p) => p.role === 'household_member');
  const partners = members.filter((p) => PARTNER.test(p.relation ?? ''));
  const children = members.filter((p) => CHILD.test(p.relation ?? '') || (!PARTNER.test(p.relation ?? '') && (ageOn(p.dateOfBirth, today) ?? 99) < 18));
  return { partners: partners.length, children: children.length };
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
  const home = household(input.persons, input.today);
  const months = input.assessment ? monthsBetween(input.assessment.recordedAt, input.assessment.validUntil) : undefined;
  return {
    threatDuration:
      months === undefined
        ? { fact: 'threatDuration', value: 'long', source: 'no_source', basis: 'no threat assessment recorded' }
        : { fact: 'threatDuration', value: months >= LONG_THREAT_MONTHS ? 'long' : 'short', source: 'threat_assessment', basis: `assessment valid for ${months} month(s)` },
    cooperation: cooperation(input),
    integrityRisk: integrityRisk(input),
    employerMeasures: employerMeasuresFrom(input.employers),
    hasPartner: { fact: 'hasPartner', value: home.partners > 0, source: 'intake_household', basis: `${home.partners} partner(s) registered` },
    hasChildren: { fact: 'hasChildren', value: home.children > 0, source: 'intake_household', basis: `${home.children} child(ren) registered` },
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
 * whose change lacks a reason. `overrides` undefined: a client that predates issue 12 (API users,
 * the demo seed) — its differences are recorded with `overrideReason: null`, visibly unexplained;
 * the decision form always states its overrides (an empty list when it has none).
 */
export function recordFacts(derived: DerivedFacts, stated: Pick<CaseFacts, SourcedFact>, overrides?: readonly FactOverride[]): Result<RecordedFact[]> {
  const strict = overrides !== undefined;
  const reasons = new Map((overrides ?? []).map((o) => [o.fact, o.reason.trim()]));
  const recorded: RecordedFact[] = [];
  for (const fact of SOURCED_FACTS) {
    const from = derived[fact];
    const changed = from.source !== 'no_source' && stated[fact] !== from.value;
    const reason = reasons.get(fact) ?? '';
    if (strict && changed && reason.length < MIN_NOTE) {
      return fail('VALIDATION_FAILED', `${fact} differs from its source (${from.source}): give a reason of at least ${MIN_NOTE} characters`, { field: `factOverrides.${fact}` });
    }
    recorded.push({ fact, source: from.source, derived: from.value, stated: stated[fact], overrideReason: changed && reason ? reason : null });
  }
  return ok(recorded);
}
