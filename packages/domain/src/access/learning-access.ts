import { classificationRank, type Classification, type Organisation, type Role } from '../shared/vocabulary';
import { readableDerived, type Marking } from './derived-marking';
import type { AccessSubject } from './need-to-know';
import { UNIT_LEAD_ROLES } from './planning-access';

/**
 * Who does what with incidents, evaluations and lessons (issue 14), as data. Case access itself
 * (membership, the assignment basis of the LCC and units, break-glass, oversight) is the case
 * check's; these lists add the role capability, and each record's own marking is filtered with
 * `readableDerived` (ADR 0015). The advisory body and the functional administrator read no case
 * record, so no incident or evaluation reaches them.
 */
export const LEARNING_ROLES = {
  /** The LCC, the executing units (their assigned cases) and the liaison record incidents. */
  recordIncident: ['lcc_coordinator', ...UNIT_LEAD_ROLES, 'liaison'],
  readIncidents: ['threat_analyst', 'decision_maker', 'lcc_coordinator', ...UNIT_LEAD_ROLES, 'liaison', 'inspector'],
  /** The case's decision maker leads an evaluation: opens it, records lessons, closes it. */
  leadEvaluation: ['decision_maker'],
  /** Every partner on the case contributes its own view. */
  contribute: ['threat_analyst', 'decision_maker', 'lcc_coordinator', ...UNIT_LEAD_ROLES, 'liaison'],
  /** The person's own experience is asked and recorded by the liaison, who speaks with them. */
  personExperience: ['liaison'],
  readEvaluations: ['threat_analyst', 'decision_maker', 'lcc_coordinator', ...UNIT_LEAD_ROLES, 'liaison', 'inspector'],
  /** The lessons list (no case data): the NCTV, the LCC, the inspectorate and the policy administrators. */
  readLessons: ['triage_officer', 'threat_analyst', 'decision_maker', 'lcc_coordinator', 'inspector', 'functional_admin'],
  /** Opening a policy draft from a lesson is policy administration (four eyes follow on publication). */
  linkLessonToPolicy: ['functional_admin'],
  /** ADR 0030: a method template a lesson proposes to change is linked by the same administrators. */
  linkLessonToTemplate: ['functional_admin'],
  /** Whoever may manage lessons updates any lesson's follow-up (the decision maker, who records them). */
  manageLessons: ['decision_maker'],
  /** The owner's side: users of the owning organisation in these roles update that lesson's follow-up. */
  followUpOwnLesson: ['triage_officer', 'threat_analyst', 'decision_maker', 'lcc_coordinator', 'functional_admin'],
  /** The second pair of eyes that releases a lesson's text at a lower marking. */
  releaseLesson: ['decision_maker'],
} as const satisfies Record<string, readonly Role[]>;

export type LearningAction = keyof typeof LEARNING_ROLES;

export const mayOnLearning = (subject: Pick<AccessSubject, 'roles'>, action: LearningAction): boolean =>
  subject.roles.some((r) => (LEARNING_ROLES[action] as readonly Role[]).includes(r));

/**
 * Of a case's incidents or evaluations, the ones the subject reads: the role capability, and each
 * entry at its high-water mark with the case (the case basis is the caller's `memberOf`, which
 * for the LCC and units is their assignment).
 */
export function readableLearningRecords<E>(
  subject: AccessSubject,
  action: 'readIncidents' | 'readEvaluations',
  at: { caseId: string; classification: Classification },
  entries: readonly E[],
  markingOf: (entry: E) => Marking,
  memberOf: ReadonlySet<string>,
): E[] {
  if (!mayOnLearning(subject, action)) return [];
  return readableDerived(subject, { ...at, section: 'summary' }, entries, markingOf, memberOf);
}

/** Lessons shared across cases: the role, and clearance for each lesson's marking (no case basis: they carry no case data). */
export function readableLessons<L extends { classification: Classification }>(subject: AccessSubject, lessons: readonly L[]): L[] {
  if (!mayOnLearning(subject, 'readLessons')) return [];
  return lessons.filter((l) => classificationRank(subject.clearance) >= classificationRank(l.classification));
}

/**
 * The incident trigger as a DAF reader sees it (id and moment only): the incidents whose marking
 * the reader is cleared for. The DAF record is the basis; a higher-marked incident stays unknown.
 */
export const readableIncidentTriggers = <T extends { classification: Classification }>(subject: Pick<AccessSubject, 'clearance'>, triggers: readonly T[]): T[] =>
  triggers.filter((t) => classificationRank(subject.clearance) >= classificationRank(t.classification));

const clearedFor = (subject: Pick<AccessSubject, 'clearance'>, c: Classification) => classificationRank(subject.clearance) >= classificationRank(c);

/**
 * How a reader of the lessons list reads one lesson (ADR 0030): whole at its own marking when
 * cleared for it; else its released text, when a release at a marking the reader is cleared for
 * exists; else not at all.
 */
export function lessonReading(subject: AccessSubject, lesson: { classification: Classification; release: { classification: Classification } | null }): 'full' | 'released' | null {
  if (!mayOnLearning(subject, 'readLessons')) return null;
  if (clearedFor(subject, lesson.classification)) return 'full';
  return lesson.release && clearedFor(subject, lesson.release.classification) ? 'released' : null;
}

/** The lesson's owner (a user of the owning organisation in a follow-up role) or a lesson manager, cleared for its own marking. */
export function mayFollowUpLesson(subject: AccessSubject, lesson: { owner: Organisation; classification: Classification }): boolean {
  if (!clearedFor(subject, lesson.classification)) return false;
  return mayOnLearning(subject, 'manageLessons') || (mayOnLearning(subject, 'followUpOwnLesson') && subject.organisation === lesson.owner);
}
