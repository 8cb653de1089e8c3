import type { NationalPhenomenon } from '../shared/vocabulary';
import { evaluateDecisions } from './dmn/evaluate';
import type { DecisionTrace } from './dmn/types';
import { ACTIVITY_DOMAINS, DOMAIN_DECISIONS, MEASURE_DOMAINS, type ActivityDomain, type MeasuresByDomain } from './measures';
import { policyFail, policyOk, type PolicyResult } from './result';
import { POLICY_DECISIONS, type PackagePolicy } from './versions';

/** The phenomena of the national system (DOMAIN §2): the shared vocabulary's list. */
export type PolicyPhenomenon = NationalPhenomenon;
export type PolicyThreatLevel = 'low' | 'medium' | 'high' | 'very_high';
export type PolicyResistanceLevel = 'R1' | 'R2' | 'R3' | 'R4';

/** What the policy weighs (DOMAIN §5); names are the DMN input data names. */
export interface CaseFacts {
  phenomenon: PolicyPhenomenon;
  /** From the integrated threat assessment. */
  threatLevel: PolicyThreatLevel;
  /** What the person and the employer can withstand themselves. */
  ownResistance: 'sufficient' | 'partial' | 'insufficient';
  /** `long`: a long threat without prospect of decline. */
  threatDuration: 'short' | 'long';
  activityDomains: ActivityDomain[];
  cooperation: boolean;
  integrityRisk: boolean;
  employerMeasures: 'adequate' | 'partial' | 'none' | 'not_applicable';
  hasPartner: boolean;
  hasChildren: boolean;
}

export interface PolicyExplanation {
  policyVersion: string;
  effectiveFrom: string;
  model: { id: string; name: string; namespace: string };
  /** The facts as the decision tables saw them. */
  inputData: Record<string, unknown>;
  /** Every table evaluated, dependencies first, with the rules that fired and their inputs. */
  decisions: DecisionTrace[];
}

export interface PackageProposal {
  policyVersion: string;
  resistanceLevel: PolicyResistanceLevel;
  measures: MeasuresByDomain;
  careModules: string[];
  reviewPeriodMonths: number;
  explanation: PolicyExplanation;
}

const BOOLEAN_FACTS = ['cooperation', 'integrityRisk', 'hasPartner', 'hasChildren'] as const;

/**
 * Proposes the security package the policy version gives for the case facts. Equal facts give
 * an equal proposal under the same version; the explanation says which rules made it so.
 */
export function proposePackage(policy: PackagePolicy, facts: CaseFacts): PolicyResult<PackageProposal> {
  const invalid = checkFacts(facts);
  if (invalid) return policyFail('POLICY_INVALID_FACTS', invalid);
  const evaluated = evaluateDecisions(policy.model, { ...facts }, POLICY_DECISIONS);
  if (!evaluated.ok) return evaluated;
  const { results, explanation } = evaluated.value;
  const measures = {} as MeasuresByDomain;
  for (const domain of MEASURE_DOMAINS) {
    const list = stringList(results[DOMAIN_DECISIONS[domain]]);
    if (!list) return shapeError(policy, DOMAIN_DECISIONS[domain], 'a list of measure codes');
    measures[domain] = list;
  }
  const careModules = stringList(results.careModules);
  if (!careModules) return shapeError(policy, 'careModules', 'a list of module codes');
  const level = results.resistanceLevel;
  if (typeof level !== 'string' || !/^R[1-4]$/.test(level)) return shapeError(policy, 'resistanceLevel', 'R1..R4');
  const review = results.reviewPeriodMonths;
  if (typeof review !== 'number' || review <= 0) return shapeError(policy, 'reviewPeriodMonths', 'a positive number');
  return policyOk({
    policyVersion: policy.version,
    resistanceLevel: level as PolicyResistanceLevel,
    measures,
    careModules,
    reviewPeriodMonths: review,
    explanation: {
      policyVersion: policy.version,
      effectiveFrom: policy.effectiveFrom,
      model: explanation.model,
      inputData: explanation.inputData,
      decisions: explanation.decisions,
    },
  });
}

// Lives in measures.ts so that deviation checks do not pull the DMN engine into a bundle.
export { listMeasures } from './measures';

/** Enumerations are checked by the model's item definitions; this checks what DMN cannot. */
function checkFacts(facts: CaseFacts): string | undefined {
  if (!Array.isArray(facts.activityDomains)) return 'activityDomains must be a list';
  const unknown = facts.activityDomains.filter((d) => !(ACTIVITY_DOMAINS as readonly string[]).includes(d));
  if (unknown.length > 0) return `unknown activity domains: ${unknown.join(', ')}`;
  const notBoolean = BOOLEAN_FACTS.filter((k) => typeof facts[k] !== 'boolean');
  if (notBoolean.length > 0) return `must be true or false: ${notBoolean.join(', ')}`;
  return undefined;
}

const stringList = (value: unknown): string[] | undefined =>
  Array.isArray(value) && value.every((v) => typeof v === 'string') ? [...new Set(value as string[])] : undefined;

const shapeError = (policy: PackagePolicy, decision: string, expected: string): PolicyResult<never> =>
  policyFail('POLICY_MODEL_INCOMPLETE', `policy ${policy.version}: decision ${decision} did not give ${expected}`);
