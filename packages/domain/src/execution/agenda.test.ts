import { describe, expect, it } from 'vitest';
import { diffAgenda, occursOn, validateAgenda, type AgendaActivity } from './agenda';
import { absenceDays, contractInEffect, periodContract } from './officers';
import { officerScope } from '../access/execution-access';

const act = (a: Partial<AgendaActivity> & Pick<AgendaActivity, 'activityId'>): AgendaActivity => ({
  label: a.activityId,
  domain: 'work',
  placeCategory: 'workplace',
  priority: 'normal',
  start: '09:00',
  end: '17:00',
  recurrence: { kind: 'weekly', weekdays: [0, 1, 2, 3, 4] },
  ...a,
});

describe('agenda validation', () => {
  it('accepts a clean week', () => {
    expect(validateAgenda([act({ activityId: 'w' }), act({ activityId: 's', domain: 'private', start: '19:00', end: '21:00' })])).toEqual([]);
  });

  it('names the item and field of each error: end before start, unknown domain, duplicate id, no weekdays', () => {
    const errors = validateAgenda([
      act({ activityId: 'a', start: '17:00', end: '09:00' }),
      act({ activityId: 'b', domain: 'holiday' as never }),
      act({ activityId: 'a', start: '18:00', end: '19:00' }),
      act({ activityId: 'c', recurrence: { kind: 'weekly', weekdays: [] } }),
    ]);
    expect(errors.map((e) => `${e.index}.${e.field}`)).toEqual(['0.end', '1.domain', '3.recurrence.weekdays', '2.activityId']);
  });

  it('refuses overlapping activities of the same person only when they can fall on the same day', () => {
    const work = act({ activityId: 'w' });
    expect(validateAgenda([work, act({ activityId: 'x', start: '12:00', end: '13:00', recurrence: { kind: 'weekly', weekdays: [2] } })])).toHaveLength(1);
    expect(validateAgenda([work, act({ activityId: 'y', start: '12:00', end: '13:00', recurrence: { kind: 'weekly', weekdays: [5] } })])).toEqual([]);
    expect(validateAgenda([work, act({ activityId: 'z', start: '12:00', end: '13:00', recurrence: { kind: 'once', date: '2026-03-14' } })])).toEqual([]);
    expect(validateAgenda([work, act({ activityId: 'v', start: '12:00', end: '13:00', recurrence: { kind: 'once', date: '2026-03-11' } })])).toHaveLength(1);
  });

  it('knows which days an activity falls on (0 = Monday)', () => {
    expect(occursOn(act({ activityId: 'w' }), '2026-03-09')).toBe(true);
    expect(occursOn(act({ activityId: 'w' }), '2026-03-14')).toBe(false);
  });

  it('says what changed between versions', () => {
    expect(diffAgenda([act({ activityId: 'a' }), act({ activityId: 'b' })], [act({ activityId: 'a', end: '16:00' }), act({ activityId: 'c' })])).toEqual({ added: ['c'], removed: ['b'], changed: [{ activityId: 'a', fields: ['end'] }] });
  });
});

describe('contracts and absences', () => {
  it('takes the template version in effect and scales weekly limits to the period', () => {
    expect(contractInEffect('fulltime-36', '2025-06-01')?.weeklyMinutes).toBe(2160);
    expect(contractInEffect('fulltime-36', '2026-06-01')?.version).toBe(2);
    expect(contractInEffect('none', '2026-06-01')).toBeUndefined();
    expect(periodContract(contractInEffect('parttime-24', '2026-01-01')!, 28)).toMatchObject({ maxTotalMinutes: 4 * 1440, maxWeekends: 4, maxShiftsPerType: { night: 8 } });
  });

  it('turns an absence into the period days it covers', () => {
    expect(absenceDays('2026-03-09', 7, '2026-03-05', '2026-03-10')).toEqual([0, 1]);
    expect(absenceDays('2026-03-09', 7, '2026-03-20', '2026-03-21')).toEqual([]);
  });
});

describe('officer scope (need-to-know for master data)', () => {
  const subject = (roles: string[], unitId: string | null = null) => ({ userId: 'u', roles: roles as never, organisation: 'POLICE' as const, clearance: 'stg_confidential' as const, unitId });
  it('the LCC: all units; a unit lead: their own; a unit lead without a unit and everyone else: none', () => {
    expect(officerScope(subject(['lcc_coordinator']))).toEqual({ units: 'all' });
    expect(officerScope(subject(['police_team_lead'], 'be-1'))).toEqual({ units: 'own', unitId: 'be-1' });
    expect(officerScope(subject(['police_team_lead']))).toBeNull();
    for (const r of ['liaison', 'decision_maker', 'inspector', 'functional_admin']) expect(officerScope(subject([r], 'be-1'))).toBeNull();
  });
});
