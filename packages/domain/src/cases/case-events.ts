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

/** The case record is an append-only stream of these events (ARCHITECTURE principle 1). */

export interface PersonInput {
  personId: string;
  role: PersonRole;
  fullName: string;
  dateOfBirth?: string | undefined;
  relation?: string | undefined;
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

export interface AssessmentRecorded {
  type: 'AssessmentRecorded';
  assessmentId: string;
  threatLevel: ThreatLevel;
  summary: string;
  scenarios: string[];
  validUntil: string;
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
