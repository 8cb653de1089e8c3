import { matchPath } from 'react-router-dom';
import type { Me } from '@hoeder/contracts';
import { mayReadStatistics, POLICY_READER_ROLES, UNIT_DIRECTORY_ROLES, type Role } from '@hoeder/domain';
import { mayRegisterCase } from './permissions';

const hasAny = (me: Me, roles: readonly Role[]) => me.roles.some((r) => roles.includes(r));
const LCC: readonly Role[] = ['lcc_coordinator'];
const UNIT_LEADS: readonly Role[] = ['police_team_lead', 'kmar_team_lead'];

/**
 * Which roles may open which page, as data (the same conditions as the main navigation and the
 * server's checks). A page a user may not open is answered exactly like one that does not exist
 * ("Pagina niet gevonden … of u heeft geen toegang"), the way a case outside one's work is, so the
 * answer never tells whether there was something to see (issue 13: forbidden pages answered the
 * same way everywhere). Pages not listed are open to every signed-in user; their data is guarded
 * by the server (a case outside one's work is "not found" there too).
 */
export const PAGE_ACCESS: readonly { pattern: string; may: (me: Me) => boolean }[] = [
  { pattern: '/casussen/nieuw', may: (me) => mayRegisterCase(me.roles) },
  { pattern: '/beleid/afwijkingen', may: (me) => hasAny(me, ['inspector', 'decision_maker']) },
  { pattern: '/beleid', may: (me) => hasAny(me, POLICY_READER_ROLES) },
  { pattern: '/beleid/:version', may: (me) => hasAny(me, POLICY_READER_ROLES) },
  { pattern: '/eenheden', may: (me) => hasAny(me, UNIT_DIRECTORY_ROLES) },
  { pattern: '/medewerkers', may: (me) => hasAny(me, LCC) || Boolean(me.unitId) },
  { pattern: '/opdrachten/*', may: (me) => hasAny(me, LCC) },
  { pattern: '/mijn-opdrachten/*', may: (me) => hasAny(me, UNIT_LEADS) },
  { pattern: '/toezicht/*', may: (me) => hasAny(me, ['inspector']) },
  { pattern: '/statistieken', may: (me) => mayReadStatistics(me) },
  { pattern: '/roosters/*', may: (me) => hasAny(me, [...LCC, ...UNIT_LEADS]) },
  { pattern: '/capaciteit', may: (me) => hasAny(me, LCC) },
];

/** Whether this user may open the page at `pathname`; the first matching entry decides. */
export function mayOpenPage(me: Me, pathname: string): boolean {
  const entry = PAGE_ACCESS.find((e) => matchPath({ path: e.pattern, end: true }, pathname));
  return entry ? entry.may(me) : true;
}
