import type { Role } from '../shared/vocabulary';

/**
 * Package policy administration (issue 5): functional administrators write, validate, simulate,
 * submit and publish policy versions. It is a capability on the policy, not on cases: a
 * functional administrator still reads no case content (READABLE_SECTIONS stays empty), so the
 * impact simulation shows them counts and pseudonymous case keys only.
 */
export const POLICY_ADMIN_ROLES: readonly Role[] = ['functional_admin'];

/** Who reads the published policy (its tables explain decisions): the administrators and deciders. */
export const POLICY_READER_ROLES: readonly Role[] = ['functional_admin', 'decision_maker', 'inspector'];

/** Who reads the deviation report: oversight for all cases, decision makers for their own cases. */
export const DEVIATION_REPORT_ROLES: readonly Role[] = ['inspector', 'decision_maker'];

const holds = (roles: readonly Role[], allowed: readonly Role[]) => roles.some((r) => allowed.includes(r));

export const mayAdministerPolicy = (subject: { roles: readonly Role[] }): boolean => holds(subject.roles, POLICY_ADMIN_ROLES);
export const mayReadPolicy = (subject: { roles: readonly Role[] }): boolean => holds(subject.roles, POLICY_READER_ROLES);
export const mayReadDeviationReport = (subject: { roles: readonly Role[] }): boolean => holds(subject.roles, DEVIATION_REPORT_ROLES);
