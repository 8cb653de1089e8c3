import type {
  Classification,
  LocalAuthority,
  ReferralSource,
  ResistanceLevel,
  ThreatLevel,
  ThreatPhenomenon,
  TriageOutcome,
} from '../shared/vocabulary';
import type { PersonInput } from './case-events';
import type { TriageFacts } from '../triage/triage-rules';

/** What users ask the system to do with a case; `decideCase` turns them into events or refuses. */
export type CaseCommand =
  | {
      type: 'RegisterCase';
      reference: string;
      referralSource: ReferralSource;
      referrerDescription: string;
      reportedPhenomenon: ThreatPhenomenon;
      firstInformation: string;
      classification: Classification;
      persons: PersonInput[];
    }
  | { type: 'AssignMember'; userId: string }
  | {
      type: 'CompleteTriage';
      facts: TriageFacts;
      outcome: TriageOutcome;
      motivation: string;
      handOffTo?: LocalAuthority | undefined;
      handOffNote?: string | undefined;
    }
  | {
      type: 'RecordAssessment';
      assessmentId: string;
      threatLevel: ThreatLevel;
      summary: string;
      scenarios: string[];
      validUntil: string;
    }
  | {
      type: 'ProposeDecision';
      decisionId: string;
      resistanceLevel: ResistanceLevel;
      packageCode: string;
      motivation: string;
      reviewDate: string;
    }
  | { type: 'ApproveDecision'; decisionId: string; note: string }
  | { type: 'RejectDecision'; decisionId: string; reason: string }
  | { type: 'EndCase'; reason: string };

export type CaseCommandType = CaseCommand['type'];
