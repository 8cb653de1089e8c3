import { mayReadMarking } from '../access/coordination-access';
import type { AccessSubject } from '../access/need-to-know';
import type { CoordinationState, EntryMeta } from './coordination-state';

/**
 * Crown-witness need-to-know (ADR 0030). The coordination record is read by the decision makers,
 * the OM and the inspectorate of a case (COORDINATION_READ_ROLES; executing units and the advisory
 * body never reach it). Whether a crown-witness track exists is itself the OM's secret: only a
 * reader released for the entry that opened the track (the OM's marking: its clearance and the
 * organisations the OM named) knows it. Everyone else gets the record exactly as if no track had
 * ever been opened — no track, no crown-witness weighings, no count of withheld track entries and
 * a version that does not move with track entries.
 */
export const knowsCrownWitnessTrack = (subject: AccessSubject, state: CoordinationState): boolean => !!state.track && mayReadMarking(subject, state.track.interest.marking);

const seqs = (entries: readonly EntryMeta[]) => entries.map((e) => e.seq);

/**
 * The record as a reader without crown-witness need-to-know may know it: the case's own weighings
 * and consultations only, numbered as if the track's entries had never been recorded (a sequence
 * number or version with gaps would give the track away).
 */
export function coordinationForReader(subject: AccessSubject, state: CoordinationState): CoordinationState {
  if (!state.track || knowsCrownWitnessTrack(subject, state)) return state;
  const kept = state.weighings.filter((w) => w.subject !== 'crown_witness');
  const visible = [...seqs(kept), ...seqs(kept.flatMap((w) => (w.review ? [w.review] : []))), ...seqs(state.consultations)].sort((a, b) => a - b);
  const renumber = new Map(visible.map((seq, i) => [seq, i + 1]));
  const at = <E extends EntryMeta>(e: E): E => ({ ...e, seq: renumber.get(e.seq) ?? e.seq });
  const weighings = kept.map((w) => ({ ...at(w), review: w.review ? at(w.review) : undefined }));
  return { caseId: state.caseId, version: visible.length, weighings, consultations: state.consultations.map(at) };
}
