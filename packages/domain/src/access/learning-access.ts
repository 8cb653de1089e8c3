import { classificationRank, type Classification, type Role } from '../shared/vocabulary';
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
