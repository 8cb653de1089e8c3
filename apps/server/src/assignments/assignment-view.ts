import { assignmentStatus, readableConcepts, unacknowledged, type AccessSubject, type AssignmentState, type AssignmentVersion, type Unit } from '@hoeder/domain';
import type { AssignmentRef } from '@hoeder/db';
import type { AssignmentDetail, AssignmentInbox, AssignmentListItem, AssignmentVersionDto, SecurityConceptDto, TaskingDto } from '@hoeder/contracts';

const HOUR = 3_600_000;

/** The tasked units with their acknowledgement and, when still open, how long it has waited. */
export function taskingDtos(state: AssignmentState, units: ReadonlyMap<string, Unit>, now: Date): TaskingDto[] {
  const waiting = new Map(unacknowledged(state).map((u) => [u.unitId, u.waitingSince]));
  return state.taskings.map((t) => {
    const unit = units.get(t.unitId);
    const since = waiting.get(t.unitId) ?? null;
    return {
      unitId: t.unitId,
      name: unit?.name ?? t.unitId,
      kind: unit?.kind ?? 'be',
      organisation: unit?.organisation ?? 'police',
      taskedAt: t.taskedAt,
      acknowledgedVersion: t.acknowledgedVersion,
      acknowledgedAt: t.acknowledgedAt,
      waitingSince: since,
      waitingHours: since ? Math.max(0, Math.floor((now.getTime() - Date.parse(since)) / HOUR)) : null,
    };
  });
}

export function listItem(state: AssignmentState, ref: AssignmentRef, units: ReadonlyMap<string, Unit>, now: Date): AssignmentListItem {
  const tasked = taskingDtos(state, units, now);
  return {
    assignmentId: state.assignmentId,
    caseId: state.caseId,
    reference: ref.reference,
    status: assignmentStatus(state),
    currentVersion: state.currentVersion,
    acceptedVersion: state.acceptedVersion,
    updatedAt: ref.updatedAt,
    units: tasked,
    unacknowledged: tasked.filter((t) => t.waitingSince !== null).length,
  };
}

/** The inbox: what needs the LCC (new, changed, withdrawn, unacknowledged) first, then the rest. */
export function inbox(items: AssignmentListItem[]): AssignmentInbox {
  const count = (s: AssignmentListItem['status']) => items.filter((i) => i.status === s).length;
  const rank = (i: AssignmentListItem) => (['new', 'changed', 'withdrawn'].includes(i.status) ? 0 : i.unacknowledged > 0 ? 1 : 2);
  return {
    counts: { new: count('new'), changed: count('changed'), withdrawn: count('withdrawn'), unacknowledged: items.reduce((n, i) => n + i.unacknowledged, 0) },
    items: [...items].sort((a, b) => rank(a) - rank(b) || b.updatedAt.localeCompare(a.updatedAt)),
  };
}

export const versionDto = (v: AssignmentVersion): AssignmentVersionDto =>
  v.kind === 'issued'
    ? { version: v.version, kind: 'issued', content: v.content, diff: v.diff, issuedAt: v.issuedAt }
    : { version: v.version, kind: 'withdrawn', reason: v.reason, issuedAt: v.issuedAt };

/** The concepts as served: only those the reader is cleared for (operational, ADR 0016). */
export const conceptDtos = (state: AssignmentState, reader: AccessSubject): SecurityConceptDto[] =>
  readableConcepts(reader, state.concepts).map((c) => ({ domain: c.domain, concept: c.concept, classification: c.classification, recordedAt: c.recordedAt }));

export function detail(state: AssignmentState, ref: AssignmentRef, versions: AssignmentVersion[], units: ReadonlyMap<string, Unit>, now: Date, conceptsFor: AccessSubject | null): AssignmentDetail {
  return {
    ...listItem(state, ref, units, now),
    classification: ref.classification,
    versions: versions.map(versionDto),
    ...(conceptsFor ? { concepts: conceptDtos(state, conceptsFor) } : {}),
  };
}
