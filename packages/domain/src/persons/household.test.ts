import { describe, expect, it } from 'vitest';
import { decideCase } from '../cases/case-workflow';
import type { CaseCommand } from '../cases/case-commands';
import { HOUSEHOLD_FACT_RELATIONS, HOUSEHOLD_RELATIONS, relationCodeRequired } from './household';

const register = (persons: Extract<CaseCommand, { type: 'RegisterCase' }>['persons']): CaseCommand => ({
  type: 'RegisterCase',
  reference: 'HOE-1',
  referralSource: 'police_unit',
  referrerDescription: 'politie',
  reportedPhenomenon: 'organised_crime',
  firstInformation: 'eerste informatie',
  classification: 'dep_confidential',
  persons,
});
const ctx = { actorId: 'triage', now: '2026-03-01T09:00:00.000Z' };
const me = { personId: 'p1', role: 'threatened_person' as const, fullName: 'A' };

describe('the coded household relation (issue 12 item 1)', () => {
  it('only a household member has a relation', () => {
    expect(relationCodeRequired('household_member')).toBe(true);
    expect(relationCodeRequired('threatened_person')).toBe(false);
  });

  it('the household facts count only codes of the list', () => {
    for (const codes of Object.values(HOUSEHOLD_FACT_RELATIONS)) expect(codes.every((c) => (HOUSEHOLD_RELATIONS as readonly string[]).includes(c))).toBe(true);
  });

  it('registration refuses a household member without a code, and a code on the threatened person, naming the field', () => {
    const uncoded = decideCase(undefined, register([me, { personId: 'p2', role: 'household_member', fullName: 'B', relation: 'partner' }]), ctx);
    expect(uncoded).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', details: { field: 'persons.1.relationCode' } } });
    const coded = decideCase(undefined, register([{ ...me, relationCode: 'partner' }]), ctx);
    expect(coded).toMatchObject({ ok: false, error: { details: { field: 'persons.0.relationCode' } } });
    const fine = decideCase(undefined, register([me, { personId: 'p2', role: 'household_member', fullName: 'B', relationCode: 'child' }]), ctx);
    expect(fine.ok).toBe(true);
  });
});
