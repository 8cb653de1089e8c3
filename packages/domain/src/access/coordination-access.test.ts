import { describe, expect, it } from 'vitest';
import { ROLES, type Organisation, type Role } from '../shared/vocabulary';
import { coordinationMarking, derivedCoordinationMarking, readableCoordinationEntries, readsCoordination } from './coordination-access';
import type { AccessSubject } from './need-to-know';

const HOME: Record<Role, Organisation> = {
  triage_officer: 'NCTV', threat_analyst: 'NCTV_DAF', decision_maker: 'NCTV', lcc_coordinator: 'LCC', police_team_lead: 'POLICE', kmar_team_lead: 'KMAR',
  liaison: 'NCTV', inspector: 'INSPECTORATE', advisory_member: 'ADVISORY_BODY', functional_admin: 'NCTV', om_prosecutor: 'OM', security_officer: 'NCTV',
};
const subject = (role: Role): AccessSubject => ({ userId: role, roles: [role], organisation: HOME[role], clearance: 'stg_top_secret' });
const member = new Set(['c1']);

describe('need-to-know on the coordination record', () => {
  it('OM content marked for the OM only reaches the OM alone (and not oversight)', () => {
    const marking = coordinationMarking('OM', 'dep_confidential');
    expect(marking).toEqual({ classification: 'stg_confidential', originator: 'OM', releasableTo: ['OM'] });
    const readers = ROLES.filter((r) => readableCoordinationEntries(subject(r), 'c1', [marking], (m) => m, member).length > 0);
    expect(readers).toEqual(['om_prosecutor']);
  });

  it('OM content released to the NCTV reaches the decision maker and, released to oversight, the inspectorate', () => {
    const marking = coordinationMarking('OM', 'stg_secret', ['NCTV', 'INSPECTORATE']);
    const readers = ROLES.filter((r) => readableCoordinationEntries(subject(r), 'c1', [marking], (m) => m, member).length > 0);
    expect(readers).toEqual(['decision_maker', 'inspector', 'om_prosecutor']);
  });

  it('security: OM content never reaches executing units or the advisory body, whatever the OM marks', () => {
    const widest = coordinationMarking('OM', 'unclassified', ['NCTV', 'INSPECTORATE', 'POLICE' as never, 'KMAR' as never, 'LCC' as never, 'ADVISORY_BODY' as never]);
    for (const role of ['police_team_lead', 'kmar_team_lead', 'lcc_coordinator', 'advisory_member'] as const) {
      expect(readsCoordination(subject(role), 'c1', member)).toBe(false);
      expect(readableCoordinationEntries(subject(role), 'c1', [widest], (m) => m, member)).toEqual([]);
    }
    expect(widest.releasableTo).toEqual(['OM', 'NCTV', 'INSPECTORATE']);
  });

  it('a weighing derived from OM content keeps its release conditions (high-water mark)', () => {
    const own = coordinationMarking('NCTV', 'dep_confidential');
    const derived = derivedCoordinationMarking(own, coordinationMarking('OM', 'stg_secret', ['NCTV']));
    expect(derived).toEqual({ classification: 'stg_secret', originator: 'NCTV', releasableTo: ['NCTV', 'OM'] });
    expect(readableCoordinationEntries(subject('inspector'), 'c1', [derived], (m) => m, member)).toEqual([]);
  });

  it('non-members read nothing, except oversight; clearance still counts', () => {
    const m = coordinationMarking('NCTV', 'stg_secret');
    expect(readableCoordinationEntries(subject('decision_maker'), 'c1', [m], (x) => x, new Set())).toEqual([]);
    expect(readableCoordinationEntries(subject('inspector'), 'c1', [m], (x) => x, new Set())).toHaveLength(1);
    expect(readableCoordinationEntries({ ...subject('om_prosecutor'), clearance: 'stg_confidential' }, 'c1', [m], (x) => x, member)).toEqual([]);
  });
});
