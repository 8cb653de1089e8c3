import type { Role } from '../shared/vocabulary';
import type { AccessSubject } from './need-to-know';
import { UNIT_LEAD_ROLES } from './planning-access';

/**
 * Who sees what of the executing units' master data (issue 11). Officers are personal data:
 * the LCC sees every unit's officers; a unit lead sees their own unit's, with leave and contract;
 * nobody else sees officers. Units and teams are organisational data for everyone in execution.
 */
export const OFFICER_ADMIN_ROLES: readonly Role[] = ['lcc_coordinator'];
export const UNIT_DIRECTORY_ROLES: readonly Role[] = ['lcc_coordinator', 'police_team_lead', 'kmar_team_lead', 'inspector', 'functional_admin'];

/** Whose officers a subject may read, with leave and contracts: all units, their own unit, or none. */
export type OfficerScope = { units: 'all' } | { units: 'own'; unitId: string } | null;

const has = (s: AccessSubject, roles: readonly Role[]) => s.roles.some((r) => roles.includes(r));

export function officerScope(subject: AccessSubject): OfficerScope {
  if (has(subject, OFFICER_ADMIN_ROLES)) return { units: 'all' };
  if (has(subject, UNIT_LEAD_ROLES) && subject.unitId) return { units: 'own', unitId: subject.unitId };
  return null;
}

export const mayAdministerOfficers = (subject: AccessSubject): boolean => has(subject, OFFICER_ADMIN_ROLES);
export const maySeeUnits = (subject: AccessSubject): boolean => has(subject, UNIT_DIRECTORY_ROLES);
/** Building the planner's input reads every officer and every agenda: the LCC only. */
export const mayBuildPlanningInput = (subject: AccessSubject): boolean => has(subject, OFFICER_ADMIN_ROLES);
