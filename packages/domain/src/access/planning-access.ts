import type { Role } from '../shared/vocabulary';

/**
 * Rostering (issue 11, ADR 0019) as a capability on rosters, not on cases: the LCC coordinator
 * plans, publishes and replans and reads every roster; a unit lead reads published rosters, and
 * only the rows of their own unit's officers. Nobody else reads rosters.
 */
export const ROSTER_PLANNER_ROLES: readonly Role[] = ['lcc_coordinator'];
export const UNIT_LEAD_ROLES: readonly Role[] = ['police_team_lead', 'kmar_team_lead'];

const holds = (roles: readonly Role[], allowed: readonly Role[]) => roles.some((r) => allowed.includes(r));

export const mayPlanRosters = (subject: { roles: readonly Role[] }): boolean => holds(subject.roles, ROSTER_PLANNER_ROLES);
export const isUnitLead = (subject: { roles: readonly Role[] }): boolean => holds(subject.roles, UNIT_LEAD_ROLES);

/** What a reader sees of rosters: everything, their unit's rows of published versions, or nothing. */
export type RosterReach = { kind: 'all' } | { kind: 'unit'; unitId: string } | { kind: 'none' };

export function rosterReach(subject: { roles: readonly Role[] }, unitId: string | null): RosterReach {
  if (mayPlanRosters(subject)) return { kind: 'all' };
  if (isUnitLead(subject) && unitId) return { kind: 'unit', unitId };
  return { kind: 'none' };
}
