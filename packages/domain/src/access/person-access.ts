import type { ActivityDomain } from '../policy/measures';
import { classificationRank, type Classification, type Role } from '../shared/vocabulary';
import { executionBasis, type AssignmentFacts } from './assignment-access';
import type { AccessSubject } from './need-to-know';

/**
 * The person's file (issue 12 item 1): identity (name, date of birth, the cases the person is in)
 * follows the case's `persons` section; contact details and addresses have their own, stricter
 * need-to-know. Written as data so the access matrix and the ADR (0021) read the same table.
 */
export const PERSON_ACTIONS = ['readContactDetails', 'writeContactDetails', 'readContactLog', 'writeContactLog'] as const;
export type PersonAction = (typeof PERSON_ACTIONS)[number];

/**
 * How a role reaches a person's contact details and addresses:
 * - `case_member`: on the team of a case the person is in (the liaison, the single point of contact);
 * - `assignment`: through a live security assignment (the LCC: every domain with posts; a unit
 *   lead: only the domains its unit's posts cover), addresses only, never phone or e-mail;
 * - `never`: triage, analysts, decision makers, the advisory body, administrators, and the
 *   inspectorate (which reconstructs an access through the audit log, not through this file).
 */
export type AddressBasis = 'case_member' | 'assignment' | 'never';

export const ADDRESS_BASIS: Record<Role, AddressBasis> = {
  liaison: 'case_member',
  lcc_coordinator: 'assignment',
  police_team_lead: 'assignment',
  kmar_team_lead: 'assignment',
  triage_officer: 'never',
  threat_analyst: 'never',
  security_officer: 'never',
  om_prosecutor: 'never',
  decision_maker: 'never',
  inspector: 'never',
  advisory_member: 'never',
  functional_admin: 'never',
};

/** Who may do what with the person's file and the contact log (always on top of the case's need-to-know). */
export const PERSON_ROLES_BY_ACTION: Record<PersonAction, readonly Role[]> = {
  readContactDetails: ['liaison', 'lcc_coordinator', 'police_team_lead', 'kmar_team_lead'],
  writeContactDetails: ['liaison'],
  // What the person was told matters to whoever decides (objection) and to the inspectorate.
  readContactLog: ['liaison', 'decision_maker', 'inspector'],
  writeContactLog: ['liaison'],
};

export const mayOnPerson = (subject: Pick<AccessSubject, 'roles'>, action: PersonAction) => subject.roles.some((r) => PERSON_ROLES_BY_ACTION[action].includes(r));

/** One case the person is in, as the address check sees it. */
export interface PersonCaseFacts {
  caseId: string;
  classification: Classification;
  /** The subject is on the case's team (real membership). */
  member: boolean;
  assignment: AssignmentFacts | undefined;
  /** The activity domains where the assignment's measures make posts the subject's unit may staff. */
  postDomains: ReadonlySet<ActivityDomain>;
}

/** What of the contact details a subject sees: everything, addresses in some domains, or nothing. */
export type AddressScope = { kind: 'all' } | { kind: 'domains'; domains: ReadonlySet<ActivityDomain> } | { kind: 'none' };

const NONE: AddressScope = { kind: 'none' };

/**
 * The stricter need-to-know for addresses. The subject needs the clearance of the case that gives
 * the basis, and: as liaison, membership of that case; as LCC or unit lead, a live assignment
 * (tasked to the unit for a lead), and then only the domains its posts cover. Any other role: none.
 */
export function addressScope(subject: AccessSubject, cases: readonly PersonCaseFacts[]): AddressScope {
  const bases = new Set(subject.roles.map((r) => ADDRESS_BASIS[r]));
  const cleared = cases.filter((c) => classificationRank(subject.clearance) >= classificationRank(c.classification));
  if (bases.has('case_member') && cleared.some((c) => c.member)) return { kind: 'all' };
  if (!bases.has('assignment')) return NONE;
  const domains = new Set<ActivityDomain>(cleared.filter((c) => executionBasis(subject, c.assignment)).flatMap((c) => [...c.postDomains]));
  return domains.size > 0 ? { kind: 'domains', domains } : NONE;
}

/** The addresses a scope lets through; phone and e-mail only with the full scope. */
export function visibleAddresses<A extends { domain: ActivityDomain }>(scope: AddressScope, addresses: readonly A[]): A[] {
  if (scope.kind === 'all') return [...addresses];
  if (scope.kind === 'none') return [];
  return addresses.filter((a) => scope.domains.has(a.domain));
}
