import type { ExpectedThreatDuration } from './expected-duration';
import type { Classification } from '../shared/vocabulary';
import type { AssessmentContent, ChallengeVerdict } from './assessment-content';
import type { AssumptionTestOutcome } from './assessment-events';
import type { InformationItem } from './information';
import type { TemplateRef } from './method-templates';

/**
 * What analysts ask of the DAF record of a case. Commands on a draft act on THE open version:
 * there is at most one at a time, and the stream version guards against concurrent edits.
 */
export type AssessmentCommand =
  | { type: 'RegisterItem'; item: InformationItem }
  | { type: 'StartDraft'; template: TemplateRef; classification: Classification; reasonForChange?: string | undefined }
  | { type: 'ReviseDraft'; content: AssessmentContent }
  | { type: 'SubmitForChallenge' }
  | { type: 'RecordChallenge'; verdict: ChallengeVerdict; reasons: string }
  | { type: 'ReturnToDraft'; reason: string }
  | { type: 'FinaliseAssessment'; validUntil: string; expectedDuration: ExpectedThreatDuration; responseToDissent?: string | undefined }
  | { type: 'RecordAssumptionTest'; assumptionId: string; outcome: AssumptionTestOutcome; note: string; nextRetestOn?: string | undefined };

export type AssessmentCommandType = AssessmentCommand['type'];
