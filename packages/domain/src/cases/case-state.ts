import type { ExpectedThreatDuration } from '../assessment/expected-duration';
import type { Marking } from '../access/derived-marking';
import type { Classification, ReferralSource, ThreatPhenomenon, TriageOutcome } from '../shared/vocabulary';
import type {
  AssessmentRecorded,
  CaseEventBody,
  DecisionProposed,
  PersonInput,
  RecordedCaseEvent,
  TriageCompleted,
} from './case-events';

export const CASE_PHASES = [
  'registered',
  'in_assessment',
  'handed_off',
  'closed_advice',
  'assessed',
  'decision_pending_approval',
  'measures_active',
  'ended',
] as const;
export type CasePhase = (typeof CASE_PHASES)[number];

/** A final DAF version as the case knows it: reference, marking and validity (ADR 0015). */
export interface RecordedAssessment {
  assessmentId: string;
  /** Absent for events stored before ADR 0015; the DAF record can resolve it from the id. */
  assessmentVersion?: number | undefined;
  /** Absent for events stored before ADR 0015: the DAF record's marking applies. */
  marking?: Marking | undefined;
  validUntil: string;
  expectedDuration?: ExpectedThreatDuration | undefined;
  recordedBy: string;
  recordedAt: string;
}

/** Only reference, marking and validity: content an old event copied is not projected. */
function recordedAssessment(body: AssessmentRecorded, event: RecordedCaseEvent): RecordedAssessment {
  return {
    assessmentId: body.assessmentId,
    ...(body.assessmentVersion !== undefined ? { assessmentVersion: body.assessmentVersion } : {}),
    ...(body.marking ? { marking: body.marking } : {}),
    validUntil: body.validUntil,
    ...(body.expectedDuration ? { expectedDuration: body.expectedDuration } : {}),
    recordedBy: event.actorId,
    recordedAt: event.occurredAt,
  };
}

export interface ActiveDecision extends Omit<DecisionProposed, 'type'> {
  proposedBy: string;
  approvedBy?: string | undefined;
  approvedAt?: string | undefined;
}

/** The case as projected from its events: the single source for read models and "as of" views. */
export interface CaseState {
  caseId: string;
  version: number;
  reference: string;
  phase: CasePhase;
  classification: Classification;
  referralSource: ReferralSource;
  referrerDescription: string;
  reportedPhenomenon: ThreatPhenomenon;
  firstInformation: string;
  registeredBy: string;
  registeredAt: string;
  persons: PersonInput[];
  memberIds: string[];
  triage?: (Omit<TriageCompleted, 'type'> & { triagedBy: string; triagedAt: string }) | undefined;
  assessments: RecordedAssessment[];
  pendingDecision?: ActiveDecision | undefined;
  activeDecision?: ActiveDecision | undefined;
  rejectedDecisions: (ActiveDecision & { rejectedBy: string; reason: string })[];
  /** Decisions that were in effect and were replaced by a later approved decision. */
  supersededDecisions: (ActiveDecision & { supersededAt: string })[];
  endedReason?: string | undefined;
  updatedAt: string;
}

const PHASE_AFTER_TRIAGE: Record<TriageOutcome, CasePhase> = {
  national: 'in_assessment',
  limited_list: 'in_assessment',
  local_domain: 'handed_off',
  witness_protection: 'handed_off',
  not_eligible: 'closed_advice',
};

function start(event: RecordedCaseEvent): CaseState {
  const body = event.body;
  if (body.type !== 'CaseRegistered') throw new Error(`stream must start with CaseRegistered, got ${body.type}`);
  return {
    caseId: event.caseId,
    version: event.version,
    reference: body.reference,
    phase: 'registered',
    classification: body.classification,
    referralSource: body.referralSource,
    referrerDescription: body.referrerDescription,
    reportedPhenomenon: body.reportedPhenomenon,
    firstInformation: body.firstInformation,
    registeredBy: event.actorId,
    registeredAt: event.occurredAt,
    persons: body.persons,
    memberIds: [event.actorId],
    assessments: [],
    rejectedDecisions: [],
    supersededDecisions: [],
    updatedAt: event.occurredAt,
  };
}

function apply(state: CaseState, body: CaseEventBody, event: RecordedCaseEvent): CaseState {
  const { type: _type, ...data } = body as CaseEventBody & Record<string, unknown>;
  switch (body.type) {
    case 'CaseRegistered':
      throw new Error('CaseRegistered can only start a stream');
    case 'MemberAssigned':
      return { ...state, memberIds: [...new Set([...state.memberIds, body.userId])] };
    case 'TriageCompleted':
      return {
        ...state,
        phase: PHASE_AFTER_TRIAGE[body.outcome],
        triage: { ...(data as Omit<TriageCompleted, 'type'>), triagedBy: event.actorId, triagedAt: event.occurredAt },
      };
    case 'AssessmentRecorded':
      return {
        ...state,
        phase: state.phase === 'in_assessment' ? 'assessed' : state.phase,
        assessments: [...state.assessments, recordedAssessment(body, event)],
      };
    case 'DecisionProposed':
      return {
        ...state,
        phase: 'decision_pending_approval',
        pendingDecision: { ...(data as Omit<DecisionProposed, 'type'>), proposedBy: event.actorId },
      };
    case 'DecisionApproved': {
      const pending = state.pendingDecision as ActiveDecision;
      return {
        ...state,
        phase: 'measures_active',
        pendingDecision: undefined,
        activeDecision: { ...pending, approvedBy: event.actorId, approvedAt: event.occurredAt },
        supersededDecisions: state.activeDecision
          ? [...state.supersededDecisions, { ...state.activeDecision, supersededAt: event.occurredAt }]
          : state.supersededDecisions,
      };
    }
    case 'DecisionRejected': {
      const pending = state.pendingDecision as ActiveDecision;
      return {
        ...state,
        phase: state.activeDecision ? 'measures_active' : 'assessed',
        pendingDecision: undefined,
        rejectedDecisions: [...state.rejectedDecisions, { ...pending, rejectedBy: event.actorId, reason: body.reason }],
      };
    }
    case 'CaseEnded':
      return { ...state, phase: 'ended', endedReason: body.reason };
  }
}

/** Left fold of the stream. Events must be in version order, starting at version 1. */
export function projectCase(events: readonly RecordedCaseEvent[]): CaseState | undefined {
  let state: CaseState | undefined;
  for (const event of events) {
    const next = state ? apply(state, event.body, event) : start(event);
    state = { ...next, version: event.version, updatedAt: event.occurredAt };
  }
  return state;
}

/** The case as it stood at a past moment: only events that had happened by then. */
export function projectCaseAsOf(events: readonly RecordedCaseEvent[], asOf: string): CaseState | undefined {
  const cutoff = Date.parse(asOf);
  return projectCase(events.filter((e) => Date.parse(e.occurredAt) <= cutoff));
}
