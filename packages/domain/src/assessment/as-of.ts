import { dafRecordView, type DafView } from '../access/daf-access';
import type { AccessSubject } from '../access/need-to-know';
import type { RecordedCaseEvent } from '../cases/case-events';
import { projectCaseAsOf } from '../cases/case-state';
import type { RecordedAssessmentEvent } from './assessment-events';
import { currentFinal, openVersion, projectAssessmentAsOf, type AssessmentVersion, type RegisteredItem } from './assessment-state';
import { reassessmentDue, type ReassessmentContext, type ReassessmentStatus } from './reassessment';

/** What the DAF record held at a moment: the version in effect, the open one, every item known. */
export interface AssessmentAsOf {
  at: string;
  versionInEffect?: AssessmentVersion | undefined;
  openVersion?: Pick<AssessmentVersion, 'versionNumber' | 'status' | 'authorId'> | undefined;
  itemsRegistered: RegisteredItem[];
  reassessment: ReassessmentStatus;
}

export function assessmentAsOf(events: readonly RecordedAssessmentEvent[], at: string, context: ReassessmentContext = {}): AssessmentAsOf {
  const state = projectAssessmentAsOf(events, at);
  const open = state && openVersion(state);
  return {
    at,
    versionInEffect: state && currentFinal(state),
    openVersion: open && { versionNumber: open.versionNumber, status: open.status, authorId: open.authorId },
    itemsRegistered: state?.items ?? [],
    reassessment: reassessmentDue(state, at, context),
  };
}

/** The basis of one decision, reconstructed: "what was known, assumed, decided and by whom". */
export interface DecisionBasis {
  decisionId: string;
  proposedAt: string;
  /** Approval or rejection; absent while pending. */
  decidedAt?: string | undefined;
  /** The moment reconstructed: the decision, or the proposal while it is pending. */
  at: string;
  caseVersion: number;
  assessment: AssessmentAsOf;
  /** Per subject asked about: what of the DAF record they could see at that moment. */
  visibility: { userId: string; member: boolean; view: DafView }[];
}

const DECIDED = new Set(['DecisionApproved', 'DecisionRejected']);

/**
 * Reconstructs the basis of a decision from both streams. Membership and the case marking are
 * taken as of the moment; the subjects' roles, organisation and clearance are the caller's
 * (Hoeder does not version user attributes yet).
 */
export function decisionBasis(
  caseEvents: readonly RecordedCaseEvent[],
  assessmentEvents: readonly RecordedAssessmentEvent[],
  decisionId: string,
  subjects: readonly AccessSubject[],
  context: ReassessmentContext = {},
): DecisionBasis | undefined {
  const about = (e: RecordedCaseEvent) => 'decisionId' in e.body && e.body.decisionId === decisionId;
  const proposed = caseEvents.find((e) => e.body.type === 'DecisionProposed' && about(e));
  if (!proposed) return undefined;
  const decided = caseEvents.find((e) => DECIDED.has(e.body.type) && about(e));
  const at = decided?.occurredAt ?? proposed.occurredAt;
  const caseState = projectCaseAsOf(caseEvents, at);
  if (!caseState) return undefined;
  const assessment = assessmentAsOf(assessmentEvents, at, context);
  // The record's marking at that moment: the case's raised to every version then recorded.
  const versions = projectAssessmentAsOf(assessmentEvents, at)?.versions ?? [];
  const visibility = subjects.map((subject) => {
    const member = caseState.memberIds.includes(subject.userId);
    const memberOf = new Set(member ? [caseState.caseId] : []);
    return { userId: subject.userId, member, view: dafRecordView(subject, caseState.caseId, caseState.classification, { versions, items: assessment.itemsRegistered }, memberOf) };
  });
  return { decisionId, proposedAt: proposed.occurredAt, decidedAt: decided?.occurredAt, at, caseVersion: caseState.version, assessment, visibility };
}
