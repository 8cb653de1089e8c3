import type { SecurityConcept } from '../execution/assignment-workflow';
import { classificationRank, type Role } from '../shared/vocabulary';
import type { AccessSubject } from './need-to-know';
// One list of unit-lead roles (planning-access.ts): rosters and assignments reach the same people.
import { UNIT_LEAD_ROLES } from './planning-access';

/**
 * Need-to-know for execution (issue 11): the LCC and the executing units reach a case through its
 * security assignment, never through hand-made case membership. The LCC sees every case with a
 * live assignment; a unit lead only a case whose live assignment is tasked to their own unit.
 */
export const ASSIGNMENT_ACTIONS = ['inbox', 'view', 'accept', 'task', 'recordConcept', 'readConcepts', 'mine', 'acknowledge', 'extract', 'caseSection'] as const;
export type AssignmentAction = (typeof ASSIGNMENT_ACTIONS)[number];

/** Which roles may do what with assignments (the unit lead only for their own tasked unit). */
export const ASSIGNMENT_ROLES: Record<AssignmentAction, readonly Role[]> = {
  inbox: ['lcc_coordinator'],
  view: ['lcc_coordinator'],
  accept: ['lcc_coordinator'],
  task: ['lcc_coordinator'],
  recordConcept: ['lcc_coordinator'],
  readConcepts: ['lcc_coordinator', ...UNIT_LEAD_ROLES],
  mine: UNIT_LEAD_ROLES,
  acknowledge: UNIT_LEAD_ROLES,
  extract: ['lcc_coordinator', ...UNIT_LEAD_ROLES],
  // The assignment section of the case page: whoever decides, supervises or coordinates execution.
  caseSection: ['decision_maker', 'inspector', 'lcc_coordinator'],
};

export const mayOnAssignments = (subject: Pick<AccessSubject, 'roles'>, action: AssignmentAction) => subject.roles.some((r) => ASSIGNMENT_ROLES[action].includes(r));

/** Roles whose case access runs through assignments only: their case membership counts for nothing. */
export const ASSIGNMENT_BASED_ROLES: readonly Role[] = ['lcc_coordinator', ...UNIT_LEAD_ROLES];

export const isAssignmentBased = (subject: Pick<AccessSubject, 'roles'>) => subject.roles.length > 0 && subject.roles.every((r) => ASSIGNMENT_BASED_ROLES.includes(r));

/** What the check knows about one case's assignment. */
export interface AssignmentFacts {
  /** An assignment exists and is not withdrawn. */
  live: boolean;
  /** The units currently tasked with it. */
  taskedUnits: readonly string[];
}

/** Does the assignment give this subject a basis to see the case? */
export function executionBasis(subject: AccessSubject, facts: AssignmentFacts | undefined): boolean {
  if (!facts?.live) return false;
  if (subject.roles.includes('lcc_coordinator')) return true;
  const unitLead = subject.roles.some((r) => UNIT_LEAD_ROLES.includes(r));
  return unitLead && !!subject.unitId && facts.taskedUnits.includes(subject.unitId);
}

/**
 * The case's "membership" as need-to-know uses it: for the LCC and unit leads the assignment
 * basis, for everyone else real case membership.
 */
export function caseBasis(subject: AccessSubject, caseId: string, member: boolean, facts: AssignmentFacts | undefined): Set<string> {
  const basis = isAssignmentBased(subject) ? executionBasis(subject, facts) : member;
  return new Set(basis ? [caseId] : []);
}

/** A unit lead acts for their own unit only. */
export const actsForUnit = (subject: AccessSubject, unitId: string) => subject.roles.some((r) => UNIT_LEAD_ROLES.includes(r)) && subject.unitId === unitId;

/** The concepts a reader may see: only with the right role, and cleared for each concept's marking. */
export function readableConcepts(subject: AccessSubject, concepts: readonly SecurityConcept[]): SecurityConcept[] {
  if (!mayOnAssignments(subject, 'readConcepts')) return [];
  return concepts.filter((c) => classificationRank(subject.clearance) >= classificationRank(c.classification));
}
