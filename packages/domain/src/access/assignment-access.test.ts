import { describe, expect, it } from 'vitest';
import type { Role } from '../shared/vocabulary';
import { caseBasis, executionBasis, isAssignmentBased, readableConcepts } from './assignment-access';
import type { AccessSubject } from './need-to-know';

const subject = (role: Role, unitId: string | null = null): AccessSubject => ({ userId: 'u', roles: [role], organisation: 'POLICE', clearance: 'stg_secret', unitId });
const live = { live: true, taskedUnits: ['be-1'] };

describe('need-to-know for execution', () => {
  it('lets a unit lead reach a case only through a live assignment tasked to their own unit', () => {
    expect(executionBasis(subject('police_team_lead', 'be-1'), live)).toBe(true);
    expect(executionBasis(subject('police_team_lead', 'be-2'), live)).toBe(false);
    expect(executionBasis(subject('kmar_team_lead', 'bsb-1'), live)).toBe(false);
    expect(executionBasis(subject('police_team_lead', null), live)).toBe(false);
    expect(executionBasis(subject('police_team_lead', 'be-1'), { ...live, live: false })).toBe(false);
    expect(executionBasis(subject('police_team_lead', 'be-1'), undefined)).toBe(false);
  });

  it('lets the LCC reach every case with a live assignment', () => {
    expect(executionBasis(subject('lcc_coordinator'), { live: true, taskedUnits: [] })).toBe(true);
    expect(executionBasis(subject('lcc_coordinator'), { live: false, taskedUnits: [] })).toBe(false);
  });

  it('ignores hand-made case membership for the LCC and unit leads, and uses it for everyone else', () => {
    expect(isAssignmentBased(subject('lcc_coordinator'))).toBe(true);
    expect(caseBasis(subject('police_team_lead', 'be-2'), 'c1', true, live)).toEqual(new Set());
    expect(caseBasis(subject('lcc_coordinator'), 'c1', true, undefined)).toEqual(new Set());
    expect(caseBasis(subject('decision_maker'), 'c1', true, undefined)).toEqual(new Set(['c1']));
    expect(caseBasis(subject('decision_maker'), 'c1', false, live)).toEqual(new Set());
  });

  it('serves security concepts only to the LCC and unit leads cleared for their marking', () => {
    const concept = (classification: 'dep_confidential' | 'stg_secret') => ({ domain: 'home' as const, concept: 'Vaste post.', classification, recordedBy: 'lcc', recordedAt: 'x' });
    const concepts = [concept('dep_confidential'), concept('stg_secret')];
    expect(readableConcepts({ ...subject('lcc_coordinator'), clearance: 'stg_confidential' }, concepts).map((c) => c.classification)).toEqual(['dep_confidential']);
    expect(readableConcepts(subject('police_team_lead', 'be-1'), concepts)).toHaveLength(2);
    expect(readableConcepts(subject('decision_maker'), concepts)).toEqual([]);
    expect(readableConcepts(subject('inspector'), concepts)).toEqual([]);
  });
});
