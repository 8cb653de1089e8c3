import type { ExpectedThreatDuration } from '../assessment/expected-duration';
import type {
  Classification,
  LocalAuthority,
  ReferralSource,
  ThreatPhenomenon,
  TriageOutcome,
} from '../shared/vocabulary';
import type { PersonInput } from './case-events';
import type { TriageFacts } from '../triage/triage-rules';
import type { CaseFacts } from '../policy/propose';
import type { DecisionPackage } from './decision-policy';
import type { Marking } from '../access/derived-marking';
import type { FactOverride } from '../arrangements/policy-facts';

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
      /** The final DAF version recorded, and its marking: a reference, never the content (ADR 0015). */
      assessmentVersion: number;
      marking: Marking;
      validUntil: string;
      /** Issue 12 item 2: the expected duration the analyst stated (a code, not content). */
      expectedDuration?: ExpectedThreatDuration | undefined;
    }
  | {
      type: 'ProposeDecision';
      decisionId: string;
      /** What the package policy weighs; the server evaluates the version in effect. */
      facts: CaseFacts;
      /** Absent: the policy's proposal is accepted. Any difference is a deviation. */
      offered?: DecisionPackage | undefined;
      /** Required when the offer deviates from the proposal. */
      deviationMotivation?: string | undefined;
      motivation: string;
      /** Absent: today plus the chosen package's review period. */
      reviewDate?: string | undefined;
      /** Issue 12: why a fact differs from what its source gives; required (an empty list when none). */
      factOverrides: FactOverride[];
    }
  | { type: 'ApproveDecision'; decisionId: string; note: string }
  | { type: 'RejectDecision'; decisionId: string; reason: string }
  | { type: 'EndCase'; reason: string };

export type CaseCommandType = CaseCommand['type'];
