import type { Marking } from '../access/derived-marking';
import type { Organisation, Role, ThreatLevel } from '../shared/vocabulary';

/**
 * The coordination record of a case (issue 14 items 3 and 4, DOMAIN §9): the crown-witness track
 * with its risk inventory, the consultations between the NCTV and the OM, and every weighing of
 * protection against investigation and prosecution. An append-only stream per case: each event
 * carries the marking its originator gave it, and "as of" is the stream up to a moment.
 */

export const CONSULTATION_LEVELS = ['strategic', 'operational'] as const;
export type ConsultationLevel = (typeof CONSULTATION_LEVELS)[number];

export const WEIGHING_SUBJECTS = ['crown_witness', 'case'] as const;
export type WeighingSubject = (typeof WEIGHING_SUBJECTS)[number];

export const WEIGHING_OUTCOMES = ['proceed', 'proceed_with_conditions', 'do_not_proceed'] as const;
export type WeighingOutcome = (typeof WEIGHING_OUTCOMES)[number];

export const REVIEW_VERDICTS = ['upheld', 'returned'] as const;
export type ReviewVerdict = (typeof REVIEW_VERDICTS)[number];

/** Who took part in a consultation or weighing; a user id when they work in Hoeder. */
export interface Participant {
  name: string;
  organisation: Organisation;
  userId?: string | undefined;
}

/** A person in the inventory's scope: the witness or someone in their environment (a case person). */
export interface PersonInScope {
  personId: string;
  riskLevel: ThreatLevel;
  risks: string;
}

/** A measure the inventory requires for one person in scope, in the decision's vocabulary. */
export interface RequiredMeasure {
  personId: string;
  domain: string;
  measure: string;
}

export interface CrownWitnessTrackOpened {
  type: 'CrownWitnessTrackOpened';
  witnessPersonId: string;
  /** The OM's own content: the investigative and the prosecutorial interest. */
  investigativeInterest: string;
  prosecutorialInterest: string;
}

export interface RiskInventoryRecorded {
  type: 'RiskInventoryRecorded';
  personsInScope: PersonInScope[];
  requiredMeasures: RequiredMeasure[];
  /** What protection (B&B) can provide. */
  protectionCapacity: string;
  /** What witness protection can provide. */
  witnessProtectionCapacity: string;
  ethicalConsequences: string;
}

export interface WeighingRecorded {
  type: 'WeighingRecorded';
  weighingId: string;
  subject: WeighingSubject;
  /** For a crown-witness weighing: the inventory version it weighed. */
  inventoryVersion?: number | undefined;
  consultationId?: string | undefined;
  protectionInterest: string;
  investigationInterest: string;
  outcome: WeighingOutcome;
  reasons: string;
  participants: Participant[];
}

export interface WeighingReviewed {
  type: 'WeighingReviewed';
  weighingId: string;
  verdict: ReviewVerdict;
  findings: string;
}

export interface DealMadePublic {
  type: 'DealMadePublic';
  note: string;
}

export interface ConsultationRecorded {
  type: 'ConsultationRecorded';
  consultationId: string;
  level: ConsultationLevel;
  heldOn: string;
  participants: Participant[];
  summary: string;
}

export type CoordinationEventBody = CrownWitnessTrackOpened | RiskInventoryRecorded | WeighingRecorded | WeighingReviewed | DealMadePublic | ConsultationRecorded;
export type CoordinationEventType = CoordinationEventBody['type'];

/** An event as stored: the body, its marking, and who recorded it when. */
export interface RecordedCoordinationEvent {
  caseId: string;
  seq: number;
  body: CoordinationEventBody;
  marking: Marking;
  actorId: string;
  actorRole: Role;
  occurredAt: string;
}
