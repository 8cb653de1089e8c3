import type { CaseSection, CaseState, PersonInput } from '@hoeder/domain';
import { decisionMeasures } from '@hoeder/domain';
import { decisionPolicyDto } from '../policy/policy-view';
import type { CaseView } from '@hoeder/contracts';
import type { ReadableAssessment } from '../assessments/derived-assessments';

export type ActorNames = ReadonlyMap<string, string>;

const actor = (names: ActorNames, userId: string) => ({ userId, displayName: names.get(userId) ?? userId });

const person = (p: PersonInput) => ({
  personId: p.personId,
  role: p.role,
  fullName: p.fullName,
  ...(p.dateOfBirth ? { dateOfBirth: p.dateOfBirth } : {}),
  ...(p.relation ? { relation: p.relation } : {}),
  ...(p.relationCode ? { relationCode: p.relationCode } : {}),
});

function decisionDto(d: NonNullable<CaseState['activeDecision']>, names: ActorNames) {
  return {
    decisionId: d.decisionId,
    resistanceLevel: d.resistanceLevel,
    ...(d.packageCode ? { packageCode: d.packageCode } : {}),
    ...(d.policy ? { policy: decisionPolicyDto(d.policy) } : {}),
    motivation: d.motivation,
    reviewDate: d.reviewDate,
    basedOnAssessmentId: d.basedOnAssessmentId,
    proposedBy: actor(names, d.proposedBy),
    ...(d.approvedBy ? { approvedBy: actor(names, d.approvedBy), approvedAt: d.approvedAt } : {}),
  };
}

function measuresDto(state: CaseState) {
  const active = state.phase === 'measures_active' ? state.activeDecision : undefined;
  if (!active) return null;
  const measures = decisionMeasures(active);
  if (measures.length === 0) return null;
  return {
    ...(active.packageCode ? { packageCode: active.packageCode } : {}),
    ...(active.policy ? { policyVersion: active.policy.policyVersion } : {}),
    resistanceLevel: active.resistanceLevel,
    measures,
    reviewDate: active.reviewDate,
  };
}

/**
 * Builds the reader's view: only released sections are filled in. A withheld section is absent,
 * never empty-with-a-flag, so the shape itself tells nothing about what is withheld.
 */
export function buildCaseView(
  state: CaseState,
  sections: ReadonlySet<CaseSection>,
  names: ActorNames,
  asOf: string | null,
  /** The recorded assessments the reader may read, already filtered at their own marking (ADR 0015). */
  assessments: readonly ReadableAssessment[],
): CaseView {
  const has = (s: CaseSection) => sections.has(s);
  const t = state.triage;
  return {
    caseId: state.caseId,
    reference: state.reference,
    version: state.version,
    phase: state.phase,
    asOf,
    sections: [...sections],
    summary: {
      phenomenon: t?.phenomenon ?? state.reportedPhenomenon,
      classification: state.classification,
      registeredAt: state.registeredAt,
      updatedAt: state.updatedAt,
      reviewDate: state.activeDecision?.reviewDate ?? null,
    },
    ...(has('persons') ? { persons: state.persons.map(person) } : {}),
    ...(has('intake')
      ? {
          intake: {
            referralSource: state.referralSource,
            referrerDescription: state.referrerDescription,
            reportedPhenomenon: state.reportedPhenomenon,
            firstInformation: state.firstInformation,
            registeredBy: actor(names, state.registeredBy),
          },
        }
      : {}),
    ...(has('triage') && t
      ? {
          triage: {
            outcome: t.outcome,
            recommendedOutcome: t.recommendedOutcome,
            rulesetVersion: t.rulesetVersion,
            firedRules: t.firedRules,
            motivation: t.motivation,
            ...(t.handOff ? { handOff: t.handOff } : {}),
            triagedBy: actor(names, t.triagedBy),
            triagedAt: t.triagedAt,
          },
        }
      : {}),
    ...(has('assessment') ? { assessments: assessments.map((a) => ({ ...a, recordedBy: actor(names, a.recordedBy) })) } : {}),
    ...(has('decision')
      ? {
          decision: {
            ...(state.pendingDecision ? { pending: decisionDto(state.pendingDecision, names) } : {}),
            ...(state.activeDecision ? { active: decisionDto(state.activeDecision, names) } : {}),
            rejected: state.rejectedDecisions.map((r) => ({ ...decisionDto(r, names), reason: r.reason })),
            superseded: state.supersededDecisions.map((d) => ({ ...decisionDto(d, names), supersededAt: d.supersededAt })),
          },
        }
      : {}),
    ...(has('measures') ? { measures: measuresDto(state) } : {}),
    ...(has('team') ? { team: state.memberIds.map((id) => actor(names, id)) } : {}),
  };
}

/** Every user id a view may name, so names are loaded in one query. */
export function userIdsIn(state: CaseState): string[] {
  const ids = new Set<string>([state.registeredBy, ...state.memberIds]);
  if (state.triage) ids.add(state.triage.triagedBy);
  for (const a of state.assessments) ids.add(a.recordedBy);
  for (const d of [state.pendingDecision, state.activeDecision, ...state.rejectedDecisions, ...state.supersededDecisions]) {
    if (d) [d.proposedBy, d.approvedBy].forEach((id) => id && ids.add(id));
  }
  return [...ids];
}
