import { ACTIVITY_DOMAINS, type ActivityDomain } from '../policy/measures';
import { fail, ok, type Result } from '../shared/result';
import { classificationRank, type Classification } from '../shared/vocabulary';
import type { Unit } from './units';

/** One executing unit tasked with an assignment, and what it acknowledged. */
export interface Tasking {
  unitId: string;
  taskedAt: string;
  taskedBy: string;
  /** The accepted version the unit acknowledged; null until it does. */
  acknowledgedVersion: number | null;
  acknowledgedAt: string | null;
}

/** The security concept the LCC chose for one domain: operational, never exported or logged. */
export interface SecurityConcept {
  domain: ActivityDomain;
  concept: string;
  classification: Classification;
  recordedBy: string;
  recordedAt: string;
}

/** The LCC's side of an assignment: which version it accepted, whom it tasked, which concepts. */
export interface AssignmentState {
  assignmentId: string;
  caseId: string;
  currentVersion: number;
  currentKind: 'issued' | 'withdrawn';
  acceptedVersion: number | null;
  acceptedAt: string | null;
  taskings: Tasking[];
  concepts: SecurityConcept[];
}

/** Where an assignment stands for the LCC; the inbox shows the first three. */
export const ASSIGNMENT_STATUSES = ['new', 'changed', 'withdrawn', 'accepted', 'closed'] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];

export function assignmentStatus(s: Pick<AssignmentState, 'currentVersion' | 'currentKind' | 'acceptedVersion'>): AssignmentStatus {
  const current = s.acceptedVersion === s.currentVersion;
  if (s.currentKind === 'withdrawn') return current ? 'closed' : 'withdrawn';
  if (s.acceptedVersion === null) return 'new';
  return current ? 'accepted' : 'changed';
}

/** Live: not withdrawn. Executing units see the case only while the assignment is live. */
export const isLive = (s: Pick<AssignmentState, 'currentKind'>) => s.currentKind === 'issued';

export type AssignmentCommand =
  | { type: 'AcceptVersion'; version: number }
  | { type: 'TaskUnits'; unitIds: string[] }
  | { type: 'RecordConcept'; domain: ActivityDomain; concept: string }
  | { type: 'AcknowledgeAssignment'; unitId: string; version: number };
export type AssignmentCommandType = AssignmentCommand['type'];

export type AssignmentEvent =
  | { type: 'VersionAccepted'; version: number }
  | { type: 'UnitsTasked'; added: string[]; removed: string[] }
  | { type: 'ConceptRecorded'; concept: SecurityConcept }
  | { type: 'TaskingAcknowledged'; unitId: string; version: number };

/** Which status allows which command: the lifecycle as data. */
export const ASSIGNMENT_ALLOWED_IN: Record<AssignmentCommandType, readonly AssignmentStatus[]> = {
  AcceptVersion: ['new', 'changed', 'withdrawn'],
  TaskUnits: ['accepted'],
  RecordConcept: ['accepted'],
  // A unit keeps working on the accepted version while the LCC weighs a newer one.
  AcknowledgeAssignment: ['accepted', 'changed'],
};

/** Units the LCC may task: active police and KMar units ("from synergy and equivalence"). */
export const TASKABLE_ORGANISATIONS: readonly Unit['organisation'][] = ['police', 'kmar'];
export const isTaskable = (u: Unit) => u.active && TASKABLE_ORGANISATIONS.includes(u.organisation);

export const MIN_CONCEPT = 10;

/** A concept is marked at least at the case's classification, and never below Dep. Vertrouwelijk. */
export const conceptClassification = (caseClassification: Classification): Classification =>
  classificationRank(caseClassification) >= classificationRank('dep_confidential') ? caseClassification : 'dep_confidential';

export interface AssignmentContext {
  actorId: string;
  now: string;
  /** The units known to the system (the tasking check). */
  units: readonly Unit[];
  caseClassification: Classification;
}

function decideTasking(state: AssignmentState, unitIds: readonly string[], units: readonly Unit[]): Result<AssignmentEvent[]> {
  const wanted = [...new Set(unitIds)];
  if (wanted.length === 0) return fail('VALIDATION_FAILED', 'task at least one executing unit', { field: 'unitIds' });
  const byId = new Map(units.map((u) => [u.unitId, u]));
  const wrong = wanted.filter((id) => !byId.has(id) || !isTaskable(byId.get(id)!));
  if (wrong.length > 0) return fail('VALIDATION_FAILED', `not a taskable police or KMar unit: ${wrong.join(', ')}`, { field: 'unitIds', unitIds: wrong });
  const current = state.taskings.map((t) => t.unitId);
  const addedIds = wanted.filter((id) => !current.includes(id));
  const removed = current.filter((id) => !wanted.includes(id));
  return ok(addedIds.length + removed.length === 0 ? [] : [{ type: 'UnitsTasked', added: addedIds, removed }]);
}

/**
 * The LCC and unit lifecycle as a pure function: the events a command leads to, or a coded
 * refusal (INVALID_TRANSITION, VERSION_CONFLICT, VALIDATION_FAILED, RULE_VIOLATION).
 */
export function decideAssignment(state: AssignmentState, cmd: AssignmentCommand, ctx: AssignmentContext): Result<AssignmentEvent[]> {
  const status = assignmentStatus(state);
  if (!ASSIGNMENT_ALLOWED_IN[cmd.type].includes(status)) {
    return fail('INVALID_TRANSITION', `${cmd.type} is not allowed while the assignment is ${status}`, { status });
  }
  switch (cmd.type) {
    case 'AcceptVersion':
      if (cmd.version !== state.currentVersion) return fail('VERSION_CONFLICT', 'a newer version was issued; review it first', { currentVersion: state.currentVersion });
      return ok([{ type: 'VersionAccepted', version: cmd.version }]);
    case 'TaskUnits':
      return decideTasking(state, cmd.unitIds, ctx.units);
    case 'RecordConcept': {
      if (!ACTIVITY_DOMAINS.includes(cmd.domain)) return fail('VALIDATION_FAILED', 'unknown domain', { field: 'domain' });
      if (cmd.concept.trim().length < MIN_CONCEPT) return fail('VALIDATION_FAILED', `a concept is a written text of at least ${MIN_CONCEPT} characters`, { field: 'concept' });
      const concept = { domain: cmd.domain, concept: cmd.concept.trim(), classification: conceptClassification(ctx.caseClassification), recordedBy: ctx.actorId, recordedAt: ctx.now };
      return ok([{ type: 'ConceptRecorded', concept }]);
    }
    case 'AcknowledgeAssignment': {
      const tasking = state.taskings.find((t) => t.unitId === cmd.unitId);
      if (!tasking) return fail('RULE_VIOLATION', 'your unit is not tasked with this assignment');
      if (cmd.version !== state.acceptedVersion) return fail('VERSION_CONFLICT', 'acknowledge the version the LCC accepted', { currentVersion: state.acceptedVersion });
      if (tasking.acknowledgedVersion === cmd.version) return ok([]);
      return ok([{ type: 'TaskingAcknowledged', unitId: cmd.unitId, version: cmd.version }]);
    }
  }
}

/** The state after the events (the repository stores the same changes). */
export function applyAssignment(state: AssignmentState, events: readonly AssignmentEvent[], ctx: Pick<AssignmentContext, 'actorId' | 'now'>): AssignmentState {
  return events.reduce<AssignmentState>((s, e) => {
    switch (e.type) {
      case 'VersionAccepted':
        return { ...s, acceptedVersion: e.version, acceptedAt: ctx.now };
      case 'UnitsTasked':
        return {
          ...s,
          taskings: [
            ...s.taskings.filter((t) => !e.removed.includes(t.unitId)),
            ...e.added.map((unitId) => ({ unitId, taskedAt: ctx.now, taskedBy: ctx.actorId, acknowledgedVersion: null, acknowledgedAt: null })),
          ],
        };
      case 'ConceptRecorded':
        return { ...s, concepts: [...s.concepts.filter((c) => c.domain !== e.concept.domain), e.concept] };
      case 'TaskingAcknowledged':
        return { ...s, taskings: s.taskings.map((t) => (t.unitId === e.unitId ? { ...t, acknowledgedVersion: e.version, acknowledgedAt: ctx.now } : t)) };
    }
  }, state);
}

/** A tasked unit that has not acknowledged the accepted version, and since when it is waited for. */
export interface Unacknowledged {
  unitId: string;
  waitingSince: string;
}

/** Units that have not acknowledged the version the LCC accepted (what the LCC must chase). */
export function unacknowledged(state: AssignmentState): Unacknowledged[] {
  if (!isLive(state) || state.acceptedVersion === null) return [];
  return state.taskings
    .filter((t) => t.acknowledgedVersion !== state.acceptedVersion)
    .map((t) => ({ unitId: t.unitId, waitingSince: [t.taskedAt, state.acceptedAt ?? t.taskedAt].sort().at(-1)! }));
}
