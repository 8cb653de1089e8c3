import type { DecisionPolicyRecord } from '@hoeder/domain';
import { explainPackageNl, type PackageProposal } from '@hoeder/domain/policy';

/** The rules that fired, per decision table, with the policy's own annotation: the reasons. */
export function reasonsOf(explanation: PackageProposal['explanation']) {
  return explanation.decisions.flatMap((d) => d.firedRules.map((r) => ({ decision: d.decisionName, ruleId: r.ruleId, annotation: r.annotation ?? null })));
}

/** The proposal a decision recorded, in the engine's shape, so the letter text is the engine's. */
export const proposalOf = (record: DecisionPolicyRecord): PackageProposal => ({ policyVersion: record.policyVersion, ...record.proposal, explanation: record.explanation });

/** What a reader of the decision section sees of the policy behind a decision. */
export function decisionPolicyDto(record: DecisionPolicyRecord) {
  const d = record.deviation;
  return {
    policyVersion: record.policyVersion,
    effectiveFrom: record.effectiveFrom,
    facts: record.facts,
    proposal: record.proposal,
    chosen: record.chosen,
    reasons: reasonsOf(record.explanation),
    explanationNl: explainPackageNl(proposalOf(record), d ?? undefined),
    deviation: d
      ? {
          motivation: d.motivation,
          resistanceLevel: d.resistanceLevel,
          addedMeasures: d.addedMeasures,
          droppedMeasures: d.droppedMeasures,
          addedCareModules: d.addedCareModules,
          droppedCareModules: d.droppedCareModules,
          reviewPeriodMonths: d.reviewPeriodMonths,
        }
      : null,
  };
}
