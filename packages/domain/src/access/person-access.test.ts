import { describe, expect, it } from 'vitest';
import type { Role } from '../shared/vocabulary';
import type { AccessSubject } from './need-to-know';
import { addressScope, visibleAddresses, type PersonCaseFacts } from './person-access';

const subject = (role: Role, extra: Partial<AccessSubject> = {}): AccessSubject => ({ userId: 'u', roles: [role], organisation: 'NCTV', clearance: 'stg_secret', ...extra });
const facts = (extra: Partial<PersonCaseFacts> = {}): PersonCaseFacts => ({ caseId: 'c1', classification: 'dep_confidential', member: true, assignment: { live: true, taskedUnits: ['be-1'] }, postDomains: new Set(['home']), ...extra });
const addresses = [
  { domain: 'home' as const, line: 'Thuis 1' },
  { domain: 'work' as const, line: 'Werk 2' },
];

describe('security: who sees the addresses in the person file', () => {
  it('the liaison on the case sees every address', () => {
    expect(visibleAddresses(addressScope(subject('liaison'), [facts()]), addresses)).toHaveLength(2);
  });

  it('a liaison not on any of the person\'s cases sees none', () => {
    expect(addressScope(subject('liaison'), [facts({ member: false })])).toEqual({ kind: 'none' });
  });

  it('a unit lead sees only the addresses of the domains its posts cover, through a live assignment to its unit', () => {
    const lead = subject('police_team_lead', { unitId: 'be-1' });
    expect(visibleAddresses(addressScope(lead, [facts({ member: false })]), addresses)).toEqual([addresses[0]]);
    expect(addressScope(lead, [facts({ assignment: { live: false, taskedUnits: ['be-1'] } })])).toEqual({ kind: 'none' });
    expect(addressScope(subject('police_team_lead', { unitId: 'be-2' }), [facts()])).toEqual({ kind: 'none' });
  });

  it('the LCC sees the addresses of the domains with posts through any live assignment, not through team membership', () => {
    expect(visibleAddresses(addressScope(subject('lcc_coordinator'), [facts({ postDomains: new Set(['home', 'work']) })]), addresses)).toHaveLength(2);
    expect(addressScope(subject('lcc_coordinator'), [facts({ assignment: undefined })])).toEqual({ kind: 'none' });
  });

  it('clearance below the case marking gives nothing, whatever the role', () => {
    expect(addressScope(subject('liaison', { clearance: 'unclassified' }), [facts()])).toEqual({ kind: 'none' });
  });

  it.each(['triage_officer', 'threat_analyst', 'decision_maker', 'inspector', 'advisory_member', 'functional_admin'] as const)('%s never sees addresses, even on the team', (role) => {
    expect(addressScope(subject(role), [facts()])).toEqual({ kind: 'none' });
  });
});
