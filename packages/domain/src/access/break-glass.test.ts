import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../shared/vocabulary';
import { grantBreakGlass } from './break-glass';

const subject = (role: Role) => ({ userId: 'u-1', roles: [role], organisation: 'NCTV' as const, clearance: 'stg_secret' as const });
const NOW = new Date('2026-05-01T10:00:00.000Z');
const REASON = 'Acute dreiging gemeld buiten kantooruren; teamleden onbereikbaar.';

describe('break-glass grants', () => {
  it('are given only to the roles that may need urgent read access', () => {
    const allowed = ROLES.filter((r) => grantBreakGlass(subject(r), 'c-1', REASON, NOW).ok);
    expect(allowed).toEqual(['triage_officer', 'threat_analyst', 'decision_maker', 'lcc_coordinator']);
  });

  it('need a written justification', () => {
    expect(grantBreakGlass(subject('decision_maker'), 'c-1', '  te kort  ', NOW)).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  });

  it('last four hours from the injected time', () => {
    const grant = grantBreakGlass(subject('decision_maker'), 'c-1', `  ${REASON}  `, NOW);
    expect(grant).toEqual({
      ok: true,
      value: { caseId: 'c-1', userId: 'u-1', justification: REASON, grantedAt: '2026-05-01T10:00:00.000Z', expiresAt: '2026-05-01T14:00:00.000Z' },
    });
  });
});
