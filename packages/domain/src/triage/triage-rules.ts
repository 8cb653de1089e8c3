import { fail, ok, type Result } from '../shared/result';
import type { ThreatPhenomenon, TriageOutcome } from '../shared/vocabulary';

/** What the triage officer establishes about a new case before choosing an outcome. */
export interface TriageFacts {
  phenomenon: ThreatPhenomenon;
  onLimitedList: boolean;
  inWitnessProtectionTrack: boolean;
  ownResistanceSufficient: boolean;
}

type FactName = keyof TriageFacts;

/** A condition on one fact; rules are data so a new ruleset version needs no code change. */
export type TriageCondition = { fact: FactName; equals: boolean | string } | { fact: FactName; oneOf: readonly string[] };

export interface TriageRule {
  id: string;
  description: string;
  when: readonly TriageCondition[];
  outcome: TriageOutcome;
}

export interface TriageRuleset {
  version: string;
  effectiveFrom: string;
  /** Phenomena that can bring a case under national authority (DOMAIN §2). */
  phenomenaInScope: readonly ThreatPhenomenon[];
  /** First matching rule gives the recommendation; the last rule should match everything. */
  rules: readonly TriageRule[];
}

export interface TriageRecommendation {
  rulesetVersion: string;
  outcome: TriageOutcome;
  firedRules: string[];
}

const matches = (c: TriageCondition, facts: TriageFacts): boolean => {
  const value = facts[c.fact];
  return 'equals' in c ? value === c.equals : c.oneOf.includes(String(value));
};

export function recommendTriage(ruleset: TriageRuleset, facts: TriageFacts): Result<TriageRecommendation> {
  const rule = ruleset.rules.find((r) => r.when.every((c) => matches(c, facts)));
  if (!rule) return fail('RULE_VIOLATION', `triage ruleset ${ruleset.version} has no rule for these facts`);
  return ok({ rulesetVersion: ruleset.version, outcome: rule.outcome, firedRules: [rule.id] });
}

/** The ruleset in effect on a date: the latest whose effectiveFrom is not after it. */
export function rulesetInEffect(rulesets: readonly TriageRuleset[], on: string): TriageRuleset | undefined {
  return [...rulesets]
    .filter((r) => r.effectiveFrom <= on.slice(0, 10))
    .sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom))[0];
}
