import { z } from 'zod';
import { HOUSEHOLD_RELATIONS, relationCodeRequired } from '@hoeder/domain';
import { FactOverride } from './arrangements';
import {
  CasePhase,
  CaseSection,
  Classification,
  ExpectedVersion,
  IsoDate,
  IsoDateTime,
  LocalAuthority,
  PersonRole,
  ReferralSource,
  ResistanceLevel,
  Text,
  text,
  ThreatLevel,
  ThreatPhenomenon,
  TriageOutcome,
  Uuid,
} from './common';
import { CaseFactsSchema, DecisionPackageSchema, PolicyReason } from './policy';

export const PersonInput = z.object({
  /** A known person's record to link (issue 12, after intake's duplicate warning); absent: a new person. */
  personId: Uuid.optional(),
  role: PersonRole,
  fullName: text({ max: 200, line: true }),
  dateOfBirth: IsoDate.optional(),
  /** Issue 12 item 1: a free-text note; the coded relation below is what counts. */
  relation: text({ max: 100, line: true }).optional(),
  /** The coded relation of a household member (required for one, absent for the threatened person). */
  relationCode: z.enum(HOUSEHOLD_RELATIONS).optional(),
}).superRefine((p, ctx) => {
  if (relationCodeRequired(p.role) !== (p.relationCode !== undefined)) {
    ctx.addIssue({ code: 'custom', path: ['relationCode'], message: p.role === 'household_member' ? 'choose the relation of this household member' : 'the threatened person has no relation code' });
  }
});

export const RegisterCaseRequest = z.object({
  referralSource: ReferralSource,
  referrerDescription: Text(500),
  reportedPhenomenon: ThreatPhenomenon,
  firstInformation: Text(5000),
  classification: Classification,
  persons: z.array(PersonInput).min(1).max(20),
});
export type RegisterCaseRequest = z.infer<typeof RegisterCaseRequest>;

export const AssignMemberRequest = z.object({ expectedVersion: ExpectedVersion, userId: Uuid });
export type AssignMemberRequest = z.infer<typeof AssignMemberRequest>;

export const TriageRequest = z.object({
  expectedVersion: ExpectedVersion,
  facts: z.object({
    phenomenon: ThreatPhenomenon,
    onLimitedList: z.boolean(),
    inWitnessProtectionTrack: z.boolean(),
    ownResistanceSufficient: z.boolean(),
  }),
  outcome: TriageOutcome,
  motivation: Text(5000),
  handOffTo: LocalAuthority.optional(),
  handOffNote: Text(2000).optional(),
});
export type TriageRequest = z.infer<typeof TriageRequest>;

/**
 * A decision proposal: the policy facts; without `offered` the policy's proposal is accepted, an
 * offer that differs is a deviation and needs `deviationMotivation`. The review date defaults to
 * today plus the package's review period.
 */
export const ProposeDecisionRequest = z.object({
  expectedVersion: ExpectedVersion,
  facts: CaseFactsSchema,
  offered: DecisionPackageSchema.optional(),
  deviationMotivation: text({ min: 0, max: 10000 }).optional(),
  motivation: Text(10000),
  reviewDate: IsoDate.optional(),
  /**
   * Issue 12: a reason per fact stated otherwise than its source gives. Required: a proposal states
   * its facts explicitly (an empty list when every fact is as its source gives it).
   */
  factOverrides: z.array(FactOverride).max(6),
});
export type ProposeDecisionRequest = z.infer<typeof ProposeDecisionRequest>;

export const ApproveDecisionRequest = z.object({ expectedVersion: ExpectedVersion, note: text({ min: 0, max: 2000 }) });
export type ApproveDecisionRequest = z.infer<typeof ApproveDecisionRequest>;

export const RejectDecisionRequest = z.object({ expectedVersion: ExpectedVersion, reason: Text(2000) });
export type RejectDecisionRequest = z.infer<typeof RejectDecisionRequest>;

export const EndCaseRequest = z.object({ expectedVersion: ExpectedVersion, reason: Text(2000) });
export type EndCaseRequest = z.infer<typeof EndCaseRequest>;

export const CaseIdParams = z.object({ caseId: Uuid });
export const DecisionParams = z.object({ caseId: Uuid, decisionId: Uuid });
export const CaseViewQuery = z.object({ asOf: IsoDateTime.optional() });

/** Reply to every accepted command: where the stream now stands. */
export const CommandAccepted = z.object({ caseId: Uuid, version: z.number().int() });
export type CommandAccepted = z.infer<typeof CommandAccepted>;

export const CaseListItem = z.object({
  caseId: Uuid,
  reference: z.string(),
  phase: CasePhase,
  phenomenon: ThreatPhenomenon,
  classification: Classification,
  registeredAt: IsoDateTime,
  updatedAt: IsoDateTime,
  version: z.number().int(),
  reviewDate: IsoDate.nullable(),
});
export type CaseListItem = z.infer<typeof CaseListItem>;

const Actor = z.object({ userId: z.string(), displayName: z.string() });

const MeasureChangeDto = z.object({ domain: z.string(), measure: z.string() });

/** What the decision records about the package policy (absent on decisions from before it). */
const DecisionPolicy = z.object({
  policyVersion: z.string(),
  effectiveFrom: IsoDate,
  facts: CaseFactsSchema,
  proposal: DecisionPackageSchema,
  chosen: DecisionPackageSchema,
  reasons: z.array(PolicyReason),
  explanationNl: z.string(),
  deviation: z
    .object({
      motivation: z.string(),
      resistanceLevel: z.object({ proposed: ResistanceLevel, offered: ResistanceLevel }).nullable(),
      addedMeasures: z.array(MeasureChangeDto),
      droppedMeasures: z.array(MeasureChangeDto),
      addedCareModules: z.array(z.string()),
      droppedCareModules: z.array(z.string()),
      reviewPeriodMonths: z.object({ proposed: z.number(), offered: z.number() }).nullable(),
    })
    .nullable(),
});

const Decision = z.object({
  decisionId: Uuid,
  resistanceLevel: ResistanceLevel,
  packageCode: z.string().optional(),
  policy: DecisionPolicy.optional(),
  motivation: z.string(),
  reviewDate: IsoDate,
  basedOnAssessmentId: Uuid,
  proposedBy: Actor,
  approvedBy: Actor.optional(),
  approvedAt: IsoDateTime.optional(),
});

/**
 * A case as one reader may see it: only the sections need-to-know releases to them. Sections
 * that are withheld are simply absent, so a reader cannot tell withheld from empty.
 */
/** A final DAF version recorded in the case, as the reader may see it (ADR 0015). */
export const RecordedAssessmentView = z.object({
  assessmentId: Uuid,
  /** The DAF version; null for an entry recorded before ADR 0015 that names no DAF version. */
  assessmentVersion: z.number().int().positive().nullable(),
  /** The entry's marking: the higher of the case's assessment section and the DAF version. */
  classification: Classification,
  validUntil: IsoDate,
  /** From the DAF version's integrated judgement, present only when the reader may read it there. */
  threatLevel: ThreatLevel.optional(),
  recordedBy: Actor,
  recordedAt: IsoDateTime,
});
export type RecordedAssessmentView = z.infer<typeof RecordedAssessmentView>;

export const CaseView = z.object({
  caseId: Uuid,
  reference: z.string(),
  version: z.number().int(),
  phase: CasePhase,
  asOf: IsoDateTime.nullable(),
  sections: z.array(CaseSection),
  summary: z.object({
    phenomenon: ThreatPhenomenon,
    classification: Classification,
    registeredAt: IsoDateTime,
    updatedAt: IsoDateTime,
    reviewDate: IsoDate.nullable(),
  }),
  persons: z.array(z.object({ personId: Uuid, role: PersonRole, fullName: z.string(), dateOfBirth: z.string().optional(), relation: z.string().optional(), relationCode: z.enum(HOUSEHOLD_RELATIONS).optional() })).optional(),
  intake: z.object({ referralSource: ReferralSource, referrerDescription: z.string(), reportedPhenomenon: ThreatPhenomenon, firstInformation: z.string(), registeredBy: Actor }).optional(),
  triage: z
    .object({
      outcome: TriageOutcome,
      recommendedOutcome: TriageOutcome,
      rulesetVersion: z.string(),
      firedRules: z.array(z.string()),
      motivation: z.string(),
      handOff: z.object({ to: z.string(), recordedNote: z.string() }).optional(),
      triagedBy: Actor,
      triagedAt: IsoDateTime,
    })
    .optional(),
  /** Recorded DAF versions the reader may read at their own marking: a reference, not the content (ADR 0015). */
  assessments: z.array(RecordedAssessmentView).optional(),
  decision: z
    .object({
      pending: Decision.optional(),
      active: Decision.optional(),
      rejected: z.array(Decision.extend({ reason: z.string() })),
      superseded: z.array(Decision.extend({ supersededAt: IsoDateTime })),
    })
    .optional(),
  measures: z
    .object({
      packageCode: z.string().optional(),
      policyVersion: z.string().optional(),
      resistanceLevel: ResistanceLevel,
      measures: z.array(z.object({ domain: z.string(), measure: z.string() })),
      reviewDate: IsoDate,
    })
    .nullable()
    .optional(),
  team: z.array(Actor).optional(),
});
export type CaseView = z.infer<typeof CaseView>;

export const TimelineEntry = z.object({
  version: z.number().int(),
  type: z.string(),
  occurredAt: IsoDateTime,
  actor: Actor.extend({ role: z.string() }),
  section: CaseSection,
});
export type TimelineEntry = z.infer<typeof TimelineEntry>;

export const BreakGlassRequest = z.object({ justification: Text(2000) });
export type BreakGlassRequest = z.infer<typeof BreakGlassRequest>;

export const BreakGlassGrant = z.object({
  grantId: Uuid,
  caseId: Uuid,
  userId: Uuid,
  justification: z.string(),
  grantedAt: IsoDateTime,
  expiresAt: IsoDateTime,
  /** In the oversight list (issue 13): the case's reference, who took the grant, and the inspectorate's review. */
  caseReference: z.string().optional(),
  userDisplayName: z.string().optional(),
  review: z.object({ reviewedBy: Uuid, reviewerName: z.string(), reviewedAt: IsoDateTime, finding: z.string() }).nullable().optional(),
});
export type BreakGlassGrant = z.infer<typeof BreakGlassGrant>;
