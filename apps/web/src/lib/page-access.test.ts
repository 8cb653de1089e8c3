import { describe, expect, it } from 'vitest';
import type { Me } from '@hoeder/contracts';
import type { Role } from '@hoeder/domain';
import { mayOpenPage } from './page-access';

const me = (roles: Role[], unitId: string | null = null) => ({ userId: 'u', displayName: 'U', roles, organisation: 'NCTV', clearance: 'stg_secret', unitId }) as unknown as Me;

describe('page access (forbidden pages answered as not found)', () => {
  it('keeps the inspectorate’s pages to the inspectorate, at any depth', () => {
    expect(mayOpenPage(me(['inspector']), '/toezicht/auditlog')).toBe(true);
    expect(mayOpenPage(me(['decision_maker']), '/toezicht/auditlog')).toBe(false);
    expect(mayOpenPage(me(['advisory_member']), '/toezicht/noodtoegang')).toBe(false);
  });

  it('lets the first matching entry decide: the deviations report is not the policy editor', () => {
    expect(mayOpenPage(me(['decision_maker']), '/beleid/afwijkingen')).toBe(true);
    expect(mayOpenPage(me(['functional_admin']), '/beleid/afwijkingen')).toBe(false);
    expect(mayOpenPage(me(['functional_admin']), '/beleid/2026.1')).toBe(true);
    expect(mayOpenPage(me(['advisory_member']), '/beleid/2026.1')).toBe(false);
  });

  it('opens the statistics to the advisory body and rosters to unit leads, not the other way round', () => {
    expect(mayOpenPage(me(['advisory_member']), '/statistieken')).toBe(true);
    expect(mayOpenPage(me(['advisory_member']), '/roosters')).toBe(false);
    expect(mayOpenPage(me(['police_team_lead'], 'unit-1'), '/roosters/v1/eenheden/u1')).toBe(true);
    expect(mayOpenPage(me(['police_team_lead'], 'unit-1'), '/medewerkers')).toBe(true);
  });

  it('leaves unlisted pages (the overview, a case) to the server', () => {
    expect(mayOpenPage(me(['advisory_member']), '/')).toBe(true);
    expect(mayOpenPage(me(['advisory_member']), '/casussen/00000000-0000-4000-8000-000000000001')).toBe(true);
    expect(mayOpenPage(me(['advisory_member']), '/casussen/nieuw')).toBe(false);
  });
});
