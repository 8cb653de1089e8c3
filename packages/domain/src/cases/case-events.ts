import type { ExpectedThreatDuration } from '../assessment/expected-duration';
import type {
  Classification,
  LocalAuthority,
  PersonRole,
  ReferralSource,
  ResistanceLevel,
  ThreatLevel,
  ThreatPhenomenon,
  TriageOutcome,
} from '../shared/vocabulary';
import type { DecisionPolicyRecord } from './decision-policy';
import type { Marking } from '../access/derived-marking';
import type { RecordedFact } from '../arrangements/policy-facts';
import type { HouseholdRelation } from '../persons/household';

/** The case record is an append-only stream of these events (ARCHITECTURE principle 1). */

export interface PersonInput {
  personId: string;
  role: PersonRole;
  fullName: string;
  dateOfBirth?: string | undefined;
  /** Free-text note on the relation (issue 12 item 1: the code below is what counts). */
  relation?: string | undefined;
  /** The coded relation of a household member; absent on events stored before migration 0023. */
  relationCode?: HouseholdRelation | undefined;
}

export interface CaseRegistered {
  type: 'CaseRegistered';
  reference: string;
  referralSource: ReferralSource;
  referrerDescription: string;
  reportedPhenomenon: ThreatPhenomenon;
  firstInformation: string;
  classification: Classification;
  persons: PersonInput[];
}

export interface MemberAssigned {
  type: 'MemberAssigned';
  userId: string;
}

export interface TriageCompleted {
  type: 'TriageCompleted';
  outcome: TriageOutcome;
  phenomenon: ThreatPhenomenon;
  motivation: string;
  rulesetVersion: string;
  recommendedOutcome: TriageOutcome;
  firedRules: string[];
  handOff?: { to: LocalAuthority | 'witness_protection_team'; recordedNote: string } | undefined;
}

/**
 * A final DAF version is recorded in the case (ADR 0009): a REFERENCE to it and its MARKING, never
 * its content, which stays in the DAF record under the DAF's access rule (ADR 0015).
 */
export interface AssessmentRecorded {
  type: 'AssessmentRecorded';
  /** Stable id of the DAF version; `DecisionProposed.basedOnAssessmentId` names it. */
  assessmentId: string;
  /** The DAF version number. Absent on events stored before ADR 0015. */
  assessmentVersion?: number | undefined;
  /** The DAF version's marking. Absent on events stored before ADR 0015 (the DAF record's applies). */
  marking?: Marking | undefined;
  validUntil: string;
  /** Issue 12 item 2: absent on events stored before the DAF stated an expected duration. */
  expectedDuration?: ExpectedThreatDuration | undefined;
}

/**
 * What events stored before ADR 0015 also carry: content copied from the DAF version, then marked
 * only at the case's marking. Stored events are never rewritten; the projection drops this.
 */
export interface LegacyAssessmentContent {
  threatLevel?: ThreatLevel;
  summary?: string;
  scenarios?: string[];
}

export interface DecisionProposed {
  type: 'DecisionProposed';
  decisionId: string;
  resistanceLevel: ResistanceLevel;
  /** Catalogue package of decisions stored before the package policy was wired in (legacy). */
  packageCode?: string | undefined;
  /** Policy version, facts, proposal, fired rules, chosen package and deviation (absent on legacy events). */
  policy?: DecisionPolicyRecord | undefined;
  motivation: string;
  reviewDate: string;
  basedOnAssessmentId: string;
  /** Issue 12: each sourced fact with its source, derived and stated value, and the reason for an override. */
  factSources?: RecordedFact[] | undefined;
}

export interface DecisionApproved {
  type: 'DecisionApproved';
  decisionId: string;
  note: string;
}

export interface DecisionRejected {
  type: 'DecisionRejected';
  decisionId: string;
  reason: string;
}

export interface CaseEnded {
  type: 'CaseEnded';
  reason: string;
}

export type CaseEventBody =
  | CaseRegistered
  | MemberAssigned
  | TriageCompleted
  | AssessmentRecorded
  | DecisionProposed
  | DecisionApproved
  | DecisionRejected
  | CaseEnded;

export type CaseEventType = CaseEventBody['type'];

/** An event as stored: the body plus who, when and where in the stream. */
export interface RecordedCaseEvent {
  caseId: string;
  version: number;
  body: CaseEventBody;
  actorId: string;
  actorRole: string;
  occurredAt: string;
}
