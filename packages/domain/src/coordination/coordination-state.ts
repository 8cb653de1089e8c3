import type { Marking } from '../access/derived-marking';
import type { Role } from '../shared/vocabulary';
import type {
  ConsultationRecorded,
  CrownWitnessTrackOpened,
  PersonInScope,
  RecordedCoordinationEvent,
  RequiredMeasure,
  ReviewVerdict,
  WeighingRecorded,
} from './coordination-events';

/** Who recorded an entry, when, and under which marking: every entry is filtered on its own. */
export interface EntryMeta {
  seq: number;
  marking: Marking;
  recordedBy: string;
  recordedRole: Role;
  recordedAt: string;
}

export type Interest = Omit<CrownWitnessTrackOpened, 'type' | 'witnessPersonId'> & EntryMeta;

export interface Inventory extends EntryMeta {
  version: number;
  personsInScope: PersonInScope[];
  requiredMeasures: RequiredMeasure[];
  protectionCapacity: string;
  witnessProtectionCapacity: string;
  ethicalConsequences: string;
}

export interface Review extends EntryMeta {
  verdict: ReviewVerdict;
  findings: string;
}

export interface Weighing extends Omit<WeighingRecorded, 'type'>, EntryMeta {
  review?: Review | undefined;
}

export type Consultation = Omit<ConsultationRecorded, 'type'> & EntryMeta;

export interface CrownWitnessTrack {
  witnessPersonId: string;
  openedAt: string;
  interest: Interest;
  inventories: Inventory[];
  dealPublic?: (EntryMeta & { note: string }) | undefined;
}

export interface CoordinationState {
  caseId: string;
  /** The last event's sequence number; 0 for an empty record (optimistic concurrency). */
  version: number;
  track?: CrownWitnessTrack | undefined;
  weighings: Weighing[];
  consultations: Consultation[];
}

export const emptyCoordination = (caseId: string): CoordinationState => ({ caseId, version: 0, weighings: [], consultations: [] });

const metaOf = (e: RecordedCoordinationEvent): EntryMeta => ({ seq: e.seq, marking: e.marking, recordedBy: e.actorId, recordedRole: e.actorRole, recordedAt: e.occurredAt });

function apply(state: CoordinationState, e: RecordedCoordinationEvent): CoordinationState {
  const meta = metaOf(e);
  const next = { ...state, version: e.seq };
  const b = e.body;
  switch (b.type) {
    case 'CrownWitnessTrackOpened':
      return { ...next, track: { witnessPersonId: b.witnessPersonId, openedAt: e.occurredAt, interest: { investigativeInterest: b.investigativeInterest, prosecutorialInterest: b.prosecutorialInterest, ...meta }, inventories: [] } };
    case 'RiskInventoryRecorded': {
      if (!state.track) return next;
      const { type: _t, ...rest } = b;
      return { ...next, track: { ...state.track, inventories: [...state.track.inventories, { ...rest, ...meta, version: state.track.inventories.length + 1 }] } };
    }
    case 'WeighingRecorded': {
      const { type: _t, ...rest } = b;
      return { ...next, weighings: [...state.weighings, { ...rest, ...meta }] };
    }
    case 'WeighingReviewed':
      return { ...next, weighings: state.weighings.map((w) => (w.weighingId === b.weighingId ? { ...w, review: { verdict: b.verdict, findings: b.findings, ...meta } } : w)) };
    case 'DealMadePublic':
      return state.track ? { ...next, track: { ...state.track, dealPublic: { note: b.note, ...meta } } } : next;
    case 'ConsultationRecorded': {
      const { type: _t, ...rest } = b;
      return { ...next, consultations: [...state.consultations, { ...rest, ...meta }] };
    }
  }
}

/** The record as projected from its events, oldest first. */
export function projectCoordination(caseId: string, events: readonly RecordedCoordinationEvent[]): CoordinationState {
  return events.reduce(apply, emptyCoordination(caseId));
}

/** The record as it stood at `at`: only what had been recorded by then (the as-of view). */
export function projectCoordinationAsOf(caseId: string, events: readonly RecordedCoordinationEvent[], at: Date): CoordinationState {
  return projectCoordination(caseId, events.filter((e) => Date.parse(e.occurredAt) <= at.getTime()));
}

export const currentInventory = (track: CrownWitnessTrack | undefined): Inventory | undefined => track?.inventories.at(-1);

/** The newest crown-witness weighing: the one in force for the gate. */
export const currentCrownWitnessWeighing = (state: CoordinationState): Weighing | undefined => state.weighings.filter((w) => w.subject === 'crown_witness').at(-1);
