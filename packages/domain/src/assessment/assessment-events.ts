import type { ExpectedThreatDuration } from './expected-duration';
import type { AssessmentContent, ChallengeVerdict } from './assessment-content';
import type { InformationItem } from './information';

/**
 * The DAF record of one case is an append-only stream of these events: the information register
 * and the successive versions of the integrated assessment (ARCHITECTURE principle 1).
 */

export interface ItemRegistered {
  type: 'ItemRegistered';
  item: InformationItem;
}

export interface DraftStarted {
  type: 'DraftStarted';
  versionNumber: number;
  /** The final version this draft starts from; absent for the first assessment of a case. */
  basedOnVersion?: number | undefined;
  reasonForChange?: string | undefined;
  content: AssessmentContent;
}

export interface DraftRevised {
  type: 'DraftRevised';
  versionNumber: number;
  revision: number;
  content: AssessmentContent;
}

export interface SubmittedForChallenge {
  type: 'SubmittedForChallenge';
  versionNumber: number;
  revision: number;
}

export interface ChallengeRecorded {
  type: 'ChallengeRecorded';
  versionNumber: number;
  revision: number;
  verdict: ChallengeVerdict;
  reasons: string;
}

export interface ReturnedToDraft {
  type: 'ReturnedToDraft';
  versionNumber: number;
  reason: string;
}

export interface AssessmentFinalised {
  type: 'AssessmentFinalised';
  versionNumber: number;
  revision: number;
  validFrom: string;
  validUntil: string;
  /** Issue 12 item 2; absent on versions finalised before the field existed. */
  expectedDuration?: ExpectedThreatDuration | undefined;
  responseToDissent?: string | undefined;
}

export const ASSUMPTION_TEST_OUTCOMES = ['holds', 'falsified', 'triggered'] as const;
export type AssumptionTestOutcome = (typeof ASSUMPTION_TEST_OUTCOMES)[number];

/** Monitoring of a final version's assumptions; recorded beside the version, never inside it. */
export interface AssumptionTested {
  type: 'AssumptionTested';
  versionNumber: number;
  assumptionId: string;
  outcome: AssumptionTestOutcome;
  note: string;
  nextRetestOn?: string | undefined;
}

export type AssessmentEventBody =
  | ItemRegistered
  | DraftStarted
  | DraftRevised
  | SubmittedForChallenge
  | ChallengeRecorded
  | ReturnedToDraft
  | AssessmentFinalised
  | AssumptionTested;

export type AssessmentEventType = AssessmentEventBody['type'];

/** An event as stored: the body plus who, when and where in the stream (same shape as case events). */
export interface RecordedAssessmentEvent {
  caseId: string;
  version: number;
  body: AssessmentEventBody;
  actorId: string;
  occurredAt: string;
}
