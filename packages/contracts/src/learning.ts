import { z } from 'zod';
import { learning } from '@hoeder/domain';
import { Classification, IsoDate, IsoDateTime, Organisation, Uuid } from './common';
import { text, Text } from './text';

/** Issue 14: incidents, evaluations of security situations, and lessons. */
export const IncidentKind = z.enum(learning.INCIDENT_KINDS);
export const EvaluationTrigger = z.enum(learning.EVALUATION_TRIGGERS);

export const RecordIncidentRequest = z.object({
  kind: IncidentKind,
  occurredAt: IsoDateTime,
  description: Text(4000),
  location: text({ max: 200, line: true }).optional(),
  classification: Classification,
});
export type RecordIncidentRequest = z.infer<typeof RecordIncidentRequest>;

export const EvaluationParams = z.object({ caseId: Uuid, evaluationId: Uuid });
export const LessonParams = z.object({ lessonId: Uuid });

const Expected = { expectedVersion: z.number().int().min(0) };

export const OpenEvaluationRequest = z.object({
  trigger: EvaluationTrigger,
  incidentId: Uuid.optional(),
  templateKey: text({ max: 60, line: true }),
  partners: z.array(Organisation).min(1).max(7),
  /** At least the case's (or the incident's) marking; raised, never lowered. */
  classification: Classification.optional(),
});
export type OpenEvaluationRequest = z.infer<typeof OpenEvaluationRequest>;

export const RecordContributionRequest = z.object({ ...Expected, answers: z.record(z.string().regex(/^[a-z][a-z0-9_]{0,59}$/), text({ min: 0, max: 4000 })) });
export type RecordContributionRequest = z.infer<typeof RecordContributionRequest>;

export const RecordPersonExperienceRequest = z.object({ ...Expected, experience: text({ min: 0, max: 4000 }), declined: z.boolean() });
export type RecordPersonExperienceRequest = z.infer<typeof RecordPersonExperienceRequest>;

export const RecordLessonRequest = z.object({
  ...Expected,
  title: text({ max: 200, line: true }),
  finding: Text(4000),
  owner: Organisation,
  followUp: Text(2000),
  dueOn: IsoDate,
  needsRuleChange: z.boolean(),
});
export type RecordLessonRequest = z.infer<typeof RecordLessonRequest>;

export const CloseEvaluationRequest = z.object({ ...Expected, conclusion: Text(4000) });
export type CloseEvaluationRequest = z.infer<typeof CloseEvaluationRequest>;

export const LearningViewQuery = z.object({ asOf: IsoDateTime.optional() });

export const IncidentView = z.object({
  incidentId: Uuid,
  kind: IncidentKind,
  occurredAt: IsoDateTime,
  description: z.string(),
  location: z.string().nullable(),
  classification: Classification,
  originator: Organisation,
  recordedBy: z.string(),
  recordedAt: IsoDateTime,
});
export type IncidentView = z.infer<typeof IncidentView>;

export const SharedLessonView = z.object({
  lessonId: Uuid,
  title: z.string(),
  finding: z.string(),
  owner: Organisation,
  followUp: z.string(),
  dueOn: IsoDate,
  needsRuleChange: z.boolean(),
  trigger: EvaluationTrigger,
  classification: Classification,
  recordedAt: IsoDateTime,
  policyVersion: z.string().nullable(),
  linkedAt: IsoDateTime.nullable(),
});
export type SharedLessonView = z.infer<typeof SharedLessonView>;

export const EvaluationView = z.object({
  evaluationId: Uuid,
  trigger: EvaluationTrigger,
  incidentId: Uuid.nullable(),
  template: z.object({ key: z.string(), version: z.number().int(), title: z.string(), questions: z.array(z.object({ key: z.string(), nl: z.string(), en: z.string() })) }),
  partners: z.array(Organisation),
  classification: Classification,
  status: z.enum(['open', 'closed']),
  version: z.number().int(),
  contributions: z.array(z.object({ partner: Organisation, answers: z.record(z.string(), z.string()), by: z.string(), at: IsoDateTime })),
  personExperience: z.object({ experience: z.string(), declined: z.boolean(), by: z.string(), at: IsoDateTime }).nullable(),
  lessons: z.array(SharedLessonView),
  missing: z.object({ partners: z.array(Organisation), personExperience: z.boolean() }),
  conclusion: z.string().nullable(),
  openedAt: IsoDateTime,
  closedAt: IsoDateTime.nullable(),
});
export type EvaluationView = z.infer<typeof EvaluationView>;

/** `GET /api/cases/:caseId/learning`: what the reader may see, as of now or `asOf`. */
export const CaseLearningView = z.object({
  caseId: Uuid,
  asOf: IsoDateTime.nullable(),
  classification: Classification,
  incidents: z.array(IncidentView),
  evaluations: z.array(EvaluationView),
  /** The DAF's re-assessment, when the reader reads the DAF record: due, and the incidents that made it so. */
  reassessment: z.object({ due: z.boolean(), incidentIds: z.array(z.string()) }).nullable(),
  may: z.object({ recordIncident: z.boolean(), leadEvaluation: z.boolean(), contribute: z.boolean(), personExperience: z.boolean() }),
  names: z.record(z.string(), z.string()),
});
export type CaseLearningView = z.infer<typeof CaseLearningView>;

export const PolicyDraftFromLesson = z.object({ version: z.string(), created: z.boolean() });
export type PolicyDraftFromLesson = z.infer<typeof PolicyDraftFromLesson>;

/** ADR 0030: the follow-up lifecycle, the release at a lower marking and the link to a method template. */
export const LessonStatus = z.enum(learning.LESSON_STATUSES);

export const LessonStatusRequest = z.object({
  status: LessonStatus,
  note: Text(2000),
  /** Required when the lesson is not adopted, absent otherwise. */
  reason: text({ max: 2000 }).optional(),
});
export type LessonStatusRequest = z.infer<typeof LessonStatusRequest>;

export const ReleaseLessonRequest = z.object({
  /** Strictly lower than the lesson's own marking. */
  classification: Classification,
  title: text({ max: 200, line: true }),
  finding: Text(4000),
  followUp: Text(2000),
  /** The releaser confirms the text holds no case id, reference, name or place. */
  checkedNoCaseData: z.literal(true),
});
export type ReleaseLessonRequest = z.infer<typeof ReleaseLessonRequest>;

export const LessonTemplateLinkRequest = z.object({
  templateId: text({ max: 100, line: true }),
  version: z.number().int().min(1),
});
export type LessonTemplateLinkRequest = z.infer<typeof LessonTemplateLinkRequest>;

export const RuleLoopView = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('policy'), version: z.string(), status: z.enum(['draft', 'published', 'other']), closed: z.boolean() }),
  z.object({ kind: z.literal('template'), templateId: z.string(), version: z.number().int(), newerVersion: z.number().int().nullable(), closed: z.boolean() }),
]);

/** One lesson on the lessons page: shared without case data, with its follow-up and the rule it changes. */
export const LessonView = SharedLessonView.extend({
  status: LessonStatus,
  overdue: z.boolean(),
  /** Notes, reasons and the role that made a change (never a name) only for readers cleared for the lesson's own marking. */
  history: z.array(z.object({ status: LessonStatus, at: IsoDateTime, note: z.string().nullable(), reason: z.string().nullable(), by: z.string().nullable() })),
  /** Read through its release: the released text at the released marking. */
  readThroughRelease: z.boolean(),
  release: z.object({ classification: Classification, releasedAt: IsoDateTime }).nullable(),
  rule: RuleLoopView.nullable(),
  may: z.object({ followUp: z.boolean(), release: z.boolean(), linkTemplate: z.boolean(), openPolicyDraft: z.boolean() }),
});
export type LessonView = z.infer<typeof LessonView>;
