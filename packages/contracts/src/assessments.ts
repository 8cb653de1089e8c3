import { z } from 'zod';
import { assessment, CLASSIFICATIONS, RESISTANCE_LEVELS, THREAT_LEVELS } from '@hoeder/domain';
import { IsoDate, IsoDateTime, Text, Uuid } from './common';
import { text } from './text';

/**
 * The DAF record over HTTP (ADR 0008). Every write names the version of the DAF stream it was
 * based on (0 for the first entry of a case); a stale version is refused with 409.
 */
export const AssessmentVersionExpected = z.number().int().min(0);
/** An identifier the client chose (scenario, assumption, rating key): one line of text. */
const Id = text({ max: 100, line: true });
const Classification = z.enum(CLASSIFICATIONS);

const Grading = z.object({
  reliability: z.enum(assessment.SOURCE_RELIABILITY),
  credibility: z.number().int().min(1).max(6),
});

const ItemBase = {
  classification: Classification,
  releaseCondition: z.enum(assessment.RELEASE_CONDITIONS),
  receivedOn: IsoDate,
  validUntil: IsoDate.optional(),
  grading: Grading,
  title: text({ max: 300, line: true }),
  content: Text(20000),
};

export const InformationItemInput = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('product'),
    originator: z.enum(assessment.PARTNERS),
    legalBasis: z.object({ framework: z.enum(assessment.LEGAL_FRAMEWORKS), article: Text(200) }),
    partnerReference: Text(200),
    ...ItemBase,
  }),
  z.object({ kind: z.literal('soft_information'), sourceDescription: Text(500), ...ItemBase }),
]);
export type InformationItemInput = z.infer<typeof InformationItemInput>;

export const RegisterItemRequest = z.object({ expectedVersion: AssessmentVersionExpected, item: InformationItemInput });
export type RegisterItemRequest = z.infer<typeof RegisterItemRequest>;

const TemplateRef = z.object({ templateId: Text(100), version: z.number().int().min(1) });

export const StartDraftRequest = z.object({
  expectedVersion: AssessmentVersionExpected,
  template: TemplateRef,
  classification: Classification,
  reasonForChange: Text(5000).optional(),
});
export type StartDraftRequest = z.infer<typeof StartDraftRequest>;

const graded = <T extends readonly [string, ...string[]]>(levels: T) => z.object({ level: z.enum(levels), motivation: Text(5000) });

const AssessmentContentInput = z.object({
  template: TemplateRef,
  classification: Classification,
  judgement: z
    .object({
      threat: graded(THREAT_LEVELS),
      ownResistance: graded(assessment.OWN_RESISTANCE),
      employerResistance: graded(assessment.OWN_RESISTANCE),
      requiredResistance: graded(RESISTANCE_LEVELS),
      measuresEffectiveness: graded(assessment.EFFECTIVENESS),
      residualRisk: graded(THREAT_LEVELS),
    })
    .optional(),
  scenarios: z
    .array(
      z.object({
        scenarioId: Id,
        actor: Text(1000),
        intent: Text(1000),
        capability: Text(1000),
        target: Text(1000),
        likelihood: z.enum(assessment.LIKELIHOODS),
        impact: z.enum(assessment.IMPACTS),
        indicators: z.array(Text(1000)).max(30),
        counterMeasures: z.array(Text(1000)).max(30),
      }),
    )
    .max(30),
  assumptions: z.array(z.object({ assumptionId: Id, statement: Text(2000), basis: Text(2000), retestOn: IsoDate.optional(), trigger: Text(1000).optional() })).max(50),
  gaps: z.array(z.object({ gapId: Id, description: Text(2000), meaningForJudgement: Text(2000) })).max(50),
  ratings: z.array(z.object({ itemKey: Id, value: Id, rationale: Text(2000) })).max(100),
  basedOnItemIds: z.array(Id).max(200),
});

export const ReviseDraftRequest = z.object({ expectedVersion: AssessmentVersionExpected, content: AssessmentContentInput });
export type ReviseDraftRequest = z.infer<typeof ReviseDraftRequest>;
export type AssessmentContentInput = z.infer<typeof AssessmentContentInput>;

export const SubmitForChallengeRequest = z.object({ expectedVersion: AssessmentVersionExpected });
export const RecordChallengeRequest = z.object({ expectedVersion: AssessmentVersionExpected, verdict: z.enum(assessment.CHALLENGE_VERDICTS), reasons: Text(5000) });
export type RecordChallengeRequest = z.infer<typeof RecordChallengeRequest>;
export const ReturnToDraftRequest = z.object({ expectedVersion: AssessmentVersionExpected, reason: Text(5000) });
export const FinaliseAssessmentRequest = z.object({
  expectedVersion: AssessmentVersionExpected,
  validUntil: IsoDate,
  /** Issue 12 item 2: how long the DAF expects the threat to last; the policy fact derives from it. */
  expectedDuration: z.enum(assessment.EXPECTED_THREAT_DURATIONS),
  responseToDissent: Text(5000).optional(),
});
export type FinaliseAssessmentRequest = z.infer<typeof FinaliseAssessmentRequest>;
export const RecordAssumptionTestRequest = z.object({
  expectedVersion: AssessmentVersionExpected,
  assumptionId: Id,
  outcome: z.enum(assessment.ASSUMPTION_TEST_OUTCOMES),
  note: Text(5000),
  nextRetestOn: IsoDate.optional(),
});

export const CompareVersionsQuery = z.object({ from: z.coerce.number().int().min(1), to: z.coerce.number().int().min(1) });
export const DecisionBasisParams = z.object({ caseId: Uuid, decisionId: Uuid });

/** Reply to every accepted DAF command: where the DAF stream (and, on finalising, the case) stands. */
export const AssessmentCommandAccepted = z.object({ caseId: Uuid, version: z.number().int(), caseVersion: z.number().int().optional(), itemId: z.string().optional() });
export type AssessmentCommandAccepted = z.infer<typeof AssessmentCommandAccepted>;

/**
 * What a reader sees of the DAF record: only the parts and items need-to-know releases to them
 * (shaped by `redactAssessment`); withheld parts are absent, never flagged.
 */
export interface AssessmentView {
  caseId: string;
  version: number;
  caseVersion: number;
  parts: assessment.AssessmentPart[];
  items: assessment.VisibleItem[];
  versions: assessment.VisibleVersion[];
  assumptionTests?: assessment.AssumptionTest[] | undefined;
  reassessment: assessment.ReassessmentStatus;
  /** Display names of the users the view mentions. */
  names: Record<string, string>;
  /** The DAF version id the case stream links decisions to, per final version. */
  assessmentIds: Record<number, string>;
}

export type VersionComparisonView = Partial<assessment.VersionComparison> & Pick<assessment.VersionComparison, 'from' | 'to'>;

export interface DecisionBasisView {
  decisionId: string;
  at: string;
  proposedAt: string;
  decidedAt?: string | undefined;
  caseVersion: number;
  versionInEffect?: number | undefined;
  assessmentId?: string | undefined;
  openVersion?: number | undefined;
  itemsRegistered: { itemId: string; kind: string; originator: string; registeredAt: string }[];
  reassessmentDue: boolean;
  visibility: { userId: string; displayName: string; member: boolean; parts: string[]; gradedItemIds: string[]; contentItemIds: string[] }[];
}

export const ReassessmentDueList = z.object({ caseIds: z.array(Uuid) });
export type ReassessmentDueList = z.infer<typeof ReassessmentDueList>;

/** Test-only clock control: move the server clock by whole days, to a moment, or back to real time. */
export const TestClockRequest = z.object({ advanceDays: z.number().int().min(-3650).max(3650).optional(), now: IsoDateTime.optional(), reset: z.boolean().optional() });
