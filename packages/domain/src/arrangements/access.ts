import type { Role } from '../shared/vocabulary';
import type { ArrangementKind } from './lifecycle';

/**
 * Who reads which arrangements (need-to-know, ADR 0006), as data. The liaison records them; the
 * decision makers read them for the decision; the inspectorate reads under oversight. Executing
 * units (LCC, unit leads) read the agreements and the employer's duties their work depends on,
 * never the care referrals. Analysts, triage, the advisory body and administrators read none.
 * The case's own rule applies on top: membership (or oversight) and clearance for the case.
 */
export const ARRANGEMENT_READERS: Record<ArrangementKind, readonly Role[]> = {
  agreement: ['liaison', 'decision_maker', 'inspector', 'lcc_coordinator', 'police_team_lead', 'kmar_team_lead'],
  employer_duty: ['liaison', 'decision_maker', 'inspector', 'lcc_coordinator', 'police_team_lead', 'kmar_team_lead'],
  care: ['liaison', 'decision_maker', 'inspector'],
};

/** Who records agreements, care referrals and the employer: the liaison on the case (single point of contact). */
export const ARRANGEMENT_WRITE_ROLES: readonly Role[] = ['liaison'];

/** The kinds of arrangement a subject's roles may read. */
export const readableArrangementKinds = (roles: readonly Role[]): Set<ArrangementKind> =>
  new Set((Object.keys(ARRANGEMENT_READERS) as ArrangementKind[]).filter((k) => roles.some((r) => ARRANGEMENT_READERS[k].includes(r))));

export const mayRecordArrangements = (roles: readonly Role[]): boolean => roles.some((r) => ARRANGEMENT_WRITE_ROLES.includes(r));
