import { UNIT_LEAD_ROLES } from '../access/planning-access';
import type { AssignmentStatus } from '../execution/assignment-workflow';
import type { Role } from '../shared/vocabulary';

/**
 * "Voor mij" for execution (issue 11): the LCC's and the unit leads' queues over security
 * assignments and published rosters, as data like the case queues. Every item points at an
 * assignment (a unit cannot open the case page); `count` says how much waits in it.
 */
export interface AssignmentWorkFacts {
  assignmentId: string;
  caseId: string;
  reference: string;
  status: AssignmentStatus;
  updatedAt: string;
  /** Tasked units that have not acknowledged the current version (the LCC's view). */
  unacknowledgedUnits: number;
  /** Since when the reader's own unit has not acknowledged, or null (a unit lead's view). */
  ownUnitWaitingSince: string | null;
  /** Unstaffed posts of this case that the reader's unit may staff, in its latest published roster. */
  shortPosts: number;
}

export interface ExecutionQueueDefinition {
  id: string;
  roles: readonly Role[];
  /** Which records the queue needs read: assignments only, or also the published roster. */
  reads: 'assignments' | 'roster';
  matches: (f: AssignmentWorkFacts) => boolean;
  count: (f: AssignmentWorkFacts) => number;
  /** What the item waits since (oldest first); defaults to the assignment's last change. */
  since?: (f: AssignmentWorkFacts) => string | null;
}

const TO_ACCEPT: readonly AssignmentStatus[] = ['new', 'changed', 'withdrawn'];

export const EXECUTION_QUEUES: readonly ExecutionQueueDefinition[] = [
  { id: 'assignments_to_accept', roles: ['lcc_coordinator'], reads: 'assignments', matches: (f) => TO_ACCEPT.includes(f.status), count: () => 1 },
  // Accepted and tasked, but a unit has not confirmed it: the LCC chases it.
  { id: 'assignments_unacknowledged', roles: ['lcc_coordinator'], reads: 'assignments', matches: (f) => f.unacknowledgedUnits > 0, count: (f) => f.unacknowledgedUnits },
  {
    id: 'assignments_to_acknowledge',
    roles: UNIT_LEAD_ROLES,
    reads: 'assignments',
    matches: (f) => f.ownUnitWaitingSince !== null,
    count: () => 1,
    since: (f) => f.ownUnitWaitingSince,
  },
  { id: 'roster_shortfalls', roles: UNIT_LEAD_ROLES, reads: 'roster', matches: (f) => f.shortPosts > 0, count: (f) => f.shortPosts },
];

export interface ExecutionWorkItem {
  queueId: string;
  assignmentId: string;
  caseId: string;
  reference: string;
  count: number;
  updatedAt: string;
}

/** One queue's items, longest waiting first. */
export function executionQueueItems(definition: ExecutionQueueDefinition, facts: readonly AssignmentWorkFacts[]): ExecutionWorkItem[] {
  return facts
    .filter((f) => definition.matches(f))
    .map((f) => ({ queueId: definition.id, assignmentId: f.assignmentId, caseId: f.caseId, reference: f.reference, count: definition.count(f), updatedAt: definition.since?.(f) ?? f.updatedAt }))
    .sort((a, b) => a.updatedAt.localeCompare(b.updatedAt) || a.reference.localeCompare(b.reference));
}

export interface RosterPostRef {
  postId: string;
  caseId: string | null;
  allowedUnitKinds: readonly string[];
}

/**
 * The unstaffed posts per case that a unit is answerable for: posts its kind of unit may staff,
 * of the cases it is tasked on. Counted once per post however many officers it misses.
 */
export function unitShortPosts(posts: readonly RosterPostRef[], shortPostIds: ReadonlySet<string>, unitKind: string, taskedCaseIds: ReadonlySet<string>): Map<string, number> {
  const perCase = new Map<string, number>();
  for (const p of posts) {
    if (!p.caseId || !shortPostIds.has(p.postId) || !taskedCaseIds.has(p.caseId) || !p.allowedUnitKinds.includes(unitKind)) continue;
    perCase.set(p.caseId, (perCase.get(p.caseId) ?? 0) + 1);
  }
  return perCase;
}
