import { z } from 'zod';
import { ACTIVITY_DOMAINS, NATIONAL_PHENOMENA, type CaseFacts, type PolicyThreatLevel } from '@hoeder/domain';
import { IsoDate, IsoDateTime, ResistanceLevel, Text, Uuid } from './common';
import { text } from './text';

const POLICY_THREAT_LEVELS = ['low', 'medium', 'high', 'very_high'] as const satisfies readonly PolicyThreatLevel[];

/** The facts the package policy weighs (DOMAIN §5); names are the DMN input data names. */
export const CaseFactsSchema = z.object({
  phenomenon: z.enum(NATIONAL_PHENOMENA),
  threatLevel: z.enum(POLICY_THREAT_LEVELS),
  ownResistance: z.enum(['sufficient', 'partial', 'insufficient']),
  threatDuration: z.enum(['short', 'long']),
  activityDomains: z.array(z.enum(ACTIVITY_DOMAINS)).max(4),
  cooperation: z.boolean(),
  integrityRisk: z.boolean(),
  employerMeasures: z.enum(['adequate', 'partial', 'none', 'not_applicable']),
  hasPartner: z.boolean(),
  hasChildren: z.boolean(),
}) satisfies z.ZodType<CaseFacts>;

const Code = z.string().regex(/^[a-z][a-z0-9_]{1,79}$/, 'a measure code');
const Codes = z.array(Code).max(30);

export const MeasuresByDomainSchema = z.object({ general: Codes, home: Codes, work: Codes, transport: Codes, private: Codes });

/** A package: resistance level, measures per domain, care modules and review period. */
export const DecisionPackageSchema = z.object({
  resistanceLevel: ResistanceLevel,
  measures: MeasuresByDomainSchema,
  careModules: Codes,
  reviewPeriodMonths: z.number().int().min(1).max(24),
});
export type DecisionPackageDto = z.infer<typeof DecisionPackageSchema>;

export const PolicyProposalRequest = z.object({ facts: CaseFactsSchema });
export type PolicyProposalRequest = z.infer<typeof PolicyProposalRequest>;

/** One reason behind a proposal: a rule that fired, with the policy's own annotation. */
export const PolicyReason = z.object({ decision: z.string(), ruleId: z.string(), annotation: z.string().nullable() });

export const PolicyProposal = z.object({
  policyVersion: z.string(),
  effectiveFrom: IsoDate,
  package: DecisionPackageSchema,
  reasons: z.array(PolicyReason),
  /** Plain-language Dutch explanation as the decision letter states it. */
  explanationNl: z.string(),
});
export type PolicyProposal = z.infer<typeof PolicyProposal>;

/** What the decision form starts from: the version in effect and facts known from the case. */
export const PolicyPrefill = z.object({
  policyVersion: z.string().nullable(),
  effectiveFrom: IsoDate.nullable(),
  phenomenon: z.enum(NATIONAL_PHENOMENA).nullable(),
  threatLevel: z.enum(POLICY_THREAT_LEVELS).nullable(),
  /** From the final DAF version's integrated judgement, when the reader may see it. */
  ownResistance: CaseFactsSchema.shape.ownResistance.nullable(),
  employerMeasures: CaseFactsSchema.shape.employerMeasures.nullable(),
  /** The DAF version the prefill took its judgement from. */
  assessmentVersion: z.number().int().nullable(),
});
export type PolicyPrefill = z.infer<typeof PolicyPrefill>;

export const PolicyStatus = z.enum(['draft', 'submitted', 'published']);

export const PolicyVersionSummary = z.object({
  version: z.string(),
  effectiveFrom: IsoDate,
  summary: z.string(),
  status: PolicyStatus,
  revision: z.number().int(),
  origin: z.enum(['shipped', 'authored']),
  /** Published and effective on or before today, and the latest such: the version decisions use. */
  inEffect: z.boolean(),
  authorId: Uuid.nullable(),
  submittedBy: Uuid.nullable(),
  submittedAt: IsoDateTime.nullable(),
  approvedBy: Uuid.nullable(),
  approvedAt: IsoDateTime.nullable(),
  updatedAt: IsoDateTime,
});
export type PolicyVersionSummary = z.infer<typeof PolicyVersionSummary>;

export const PolicyHistoryEntry = z.object({
  seq: z.number().int(),
  revision: z.number().int(),
  action: z.string(),
  actorId: Uuid.nullable(),
  occurredAt: IsoDateTime,
  effectiveFrom: IsoDate,
  note: z.string().nullable(),
});

export const PolicyVersionDetail = PolicyVersionSummary.extend({ xml: z.string(), history: z.array(PolicyHistoryEntry) });
export type PolicyVersionDetail = z.infer<typeof PolicyVersionDetail>;

export const PolicyVersionParams = z.object({ version: z.string().regex(/^\d{4}\.\d{1,3}$/, 'a version such as 2027.1') });

const DmnXml = text({ max: 400_000 });

/** Create (expectedRevision 0) or save a draft. */
export const SavePolicyDraftRequest = z.object({
  expectedRevision: z.number().int().min(0),
  effectiveFrom: IsoDate,
  summary: Text(1000),
  xml: DmnXml,
});
export type SavePolicyDraftRequest = z.infer<typeof SavePolicyDraftRequest>;

export const ValidatePolicyRequest = z.object({ xml: DmnXml });

export const PolicyValidationResult = z.object({
  valid: z.boolean(),
  casesEvaluated: z.number().int(),
  messages: z.array(z.object({ subject: z.string(), code: z.string(), message: z.string() })),
});
export type PolicyValidationResult = z.infer<typeof PolicyValidationResult>;

export const PolicyTransitionRequest = z.object({ expectedRevision: z.number().int().min(1), note: text({ min: 0, max: 2000 }).optional() });
export type PolicyTransitionRequest = z.infer<typeof PolicyTransitionRequest>;

const MeasureChange = z.object({ domain: z.string(), measure: z.string() });

/** Impact of a draft on active cases; cases appear under pseudonymous keys only. */
export const PolicyImpactReport = z.object({
  currentVersion: z.string(),
  draftVersion: z.string(),
  activeCases: z.number().int(),
  casesWithoutFacts: z.number().int(),
  casesEvaluated: z.number().int(),
  unchangedCases: z.number().int(),
  failures: z.number().int(),
  changedCases: z.array(
    z.object({
      caseKey: z.string(),
      resistanceLevel: z.object({ current: z.string(), draft: z.string() }),
      addedMeasures: z.array(MeasureChange),
      droppedMeasures: z.array(MeasureChange),
      addedCareModules: z.array(z.string()),
      droppedCareModules: z.array(z.string()),
      deltaHoursPerWeek: z.record(z.string(), z.number()),
    }),
  ),
  measureChanges: z.array(z.object({ measure: z.string(), added: z.number().int(), dropped: z.number().int() })),
  capacity: z.array(z.object({ unitType: z.string(), currentHoursPerWeek: z.number(), draftHoursPerWeek: z.number(), deltaHoursPerWeek: z.number() })),
  unestimatedMeasures: z.array(z.string()),
  /** The demand model behind the hours (issue 11: the post rules over each person's agenda). */
  demandBasis: z.string(),
  /** Active cases with facts but no recorded agenda: their packages make no posts, so no hours. */
  casesWithoutAgenda: z.number().int(),
});
export type PolicyImpactReport = z.infer<typeof PolicyImpactReport>;

export const DeviationReportItem = z.object({
  caseId: Uuid,
  reference: z.string(),
  decisionId: Uuid,
  proposedAt: IsoDateTime,
  proposedBy: Uuid,
  policyVersion: z.string(),
  proposed: DecisionPackageSchema,
  chosen: DecisionPackageSchema,
  motivation: z.string(),
  addedMeasures: z.array(MeasureChange),
  droppedMeasures: z.array(MeasureChange),
});
export type DeviationReportItem = z.infer<typeof DeviationReportItem>;

