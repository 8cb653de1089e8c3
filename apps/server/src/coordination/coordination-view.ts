import type { CoordinationView } from '@hoeder/contracts';
import {
  COORDINATION_COMMAND_ROLES,
  coordinationForReader,
  currentInventory,
  dealPublicGate,
  decisionMeasures,
  inactiveRequiredMeasures,
  independentOf,
  mayReadMarking,
  type AccessSubject,
  type ActiveMeasure,
  type CaseState,
  type CoordinationCommandType,
  type CoordinationState,
  type EntryMeta,
  type Organisation,
  type Weighing,
} from '@hoeder/domain';

/** Per person of the case: the measures of the decision in force in this state of the case. */
export function measuresInForce(caseState: CaseState | undefined): Record<string, ActiveMeasure[]> {
  if (!caseState) return {};
  const measures = caseState.phase === 'measures_active' && caseState.activeDecision ? decisionMeasures(caseState.activeDecision) : [];
  return Object.fromEntries(caseState.persons.map((p) => [p.personId, measures]));
}

const meta = (m: EntryMeta) => ({
  seq: m.seq,
  originator: m.marking.originator,
  releasableTo: m.marking.releasableTo ? [...m.marking.releasableTo] : null,
  classification: m.marking.classification,
  recordedBy: m.recordedBy,
  recordedRole: m.recordedRole,
  recordedAt: m.recordedAt,
});

export interface ViewInput {
  reader: AccessSubject & { displayName?: string };
  state: CoordinationState;
  caseState: CaseState | undefined;
  showPersons: boolean;
  member: boolean;
  asOf: Date | null;
  /** The case's team, shown to a writer to pick participants from. */
  team?: readonly { userId: string; name: string; organisation: Organisation }[];
}

/** May the reader, on the team, issue this command now (not in an as-of view)? */
const mayIssue = (input: ViewInput, type: CoordinationCommandType) => input.member && !input.asOf && input.reader.roles.some((r) => COORDINATION_COMMAND_ROLES[type].includes(r));

function weighingDto(w: Weighing, input: ViewInput) {
  const { reader } = input;
  const independent = independentOf(w, { userId: reader.userId, name: reader.displayName, organisation: reader.organisation });
  return {
    ...meta(w),
    weighingId: w.weighingId,
    subject: w.subject,
    inventoryVersion: w.inventoryVersion ?? null,
    consultationId: w.consultationId ?? null,
    protectionInterest: w.protectionInterest,
    investigationInterest: w.investigationInterest,
    outcome: w.outcome,
    reasons: w.reasons,
    participants: w.participants,
    review: w.review && mayReadMarking(reader, w.review.marking) ? { ...meta(w.review), verdict: w.review.verdict, findings: w.review.findings } : null,
    mayReview: mayIssue(input, 'WeighingReviewed') && !w.review && independent,
  };
}

/**
 * The record as this reader may see it: each entry on its own marking; what is withheld is only
 * counted. The gate and the measures' "active" flags are computed from the case as it stood then.
 */
export function coordinationView(caseId: string, input: ViewInput): CoordinationView {
  const { reader, caseState } = input;
  // Without crown-witness need-to-know the record reads as if no track had been opened (ADR 0030).
  const state = coordinationForReader(reader, input.state);
  const readable = (m: EntryMeta) => mayReadMarking(reader, m.marking);
  const track = state.track;
  const inForce = measuresInForce(caseState);
  const inventory = currentInventory(track);
  const inactive = inventory ? inactiveRequiredMeasures(inventory.requiredMeasures, inForce) : [];
  const entries: EntryMeta[] = [...(track ? [track.interest, ...track.inventories, ...(track.dealPublic ? [track.dealPublic] : [])] : []), ...state.weighings, ...state.weighings.flatMap((w) => (w.review ? [w.review] : [])), ...state.consultations];
  const gate = track ? dealPublicGate(state, inForce) : null;
  return {
    caseId,
    version: state.version,
    asOf: input.asOf ? input.asOf.toISOString() : null,
    withheld: entries.filter((e) => !readable(e)).length,
    persons: input.showPersons && caseState ? caseState.persons.map((p) => ({ personId: p.personId, fullName: p.fullName })) : [],
    track: track
      ? {
          witnessPersonId: track.witnessPersonId,
          openedAt: track.openedAt,
          interest: readable(track.interest) ? { ...meta(track.interest), investigativeInterest: track.interest.investigativeInterest, prosecutorialInterest: track.interest.prosecutorialInterest } : null,
          inventory:
            inventory && readable(inventory)
              ? {
                  ...meta(inventory),
                  version: inventory.version,
                  personsInScope: inventory.personsInScope,
                  requiredMeasures: inventory.requiredMeasures.map((m) => ({ ...m, active: !inactive.includes(m) })),
                  protectionCapacity: inventory.protectionCapacity,
                  witnessProtectionCapacity: inventory.witnessProtectionCapacity,
                  ethicalConsequences: inventory.ethicalConsequences,
                }
              : null,
          inventoryVersions: track.inventories.length,
          dealPublicAt: track.dealPublic?.recordedAt ?? null,
          gate: gate ? { open: gate.blockers.length === 0, blockers: gate.blockers } : null,
        }
      : null,
    weighings: state.weighings.filter(readable).map((w) => weighingDto(w, input)),
    consultations: state.consultations.filter(readable).map((c) => ({ ...meta(c), consultationId: c.consultationId, level: c.level, heldOn: c.heldOn, participants: c.participants, summary: c.summary })),
    may: {
      openTrack: mayIssue(input, 'CrownWitnessTrackOpened') && !track,
      recordInventory: mayIssue(input, 'RiskInventoryRecorded') && !!track,
      recordWeighing: mayIssue(input, 'WeighingRecorded'),
      review: mayIssue(input, 'WeighingReviewed'),
      dealPublic: mayIssue(input, 'DealMadePublic') && !!track && !track.dealPublic,
      recordConsultation: mayIssue(input, 'ConsultationRecorded'),
    },
    team: mayIssue(input, 'WeighingRecorded') || mayIssue(input, 'ConsultationRecorded') ? [...(input.team ?? [])] : [],
  };
}

/** How many entries the record holds as the reader may know it (the cases list). */
export function knownEntries(reader: AccessSubject, full: CoordinationState): number {
  const state = coordinationForReader(reader, full);
  const track = state.track ? 1 + state.track.inventories.length + (state.track.dealPublic ? 1 : 0) : 0;
  return track + state.weighings.length + state.weighings.filter((w) => w.review).length + state.consultations.length;
}
