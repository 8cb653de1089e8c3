import { describe, expect, it } from 'vitest';
import type { AgendaActivity } from './agenda';
import { coveringShifts, derivePosts, underWeight, type ShiftWindow } from './derive-posts';
import { ACTIVITY_PRIORITIES } from './agenda';
import { POST_RULESETS, postRulesetInEffect } from './post-rules';

const SHIFTS: ShiftWindow[] = [
  { id: 'early', startMinute: 360, minutes: 480 },
  { id: 'day', startMinute: 480, minutes: 540 },
  { id: 'late', startMinute: 840, minutes: 480 },
  { id: 'night', startMinute: 1320, minutes: 480 },
];
const ruleset = POST_RULESETS[0]!;
const act = (a: Partial<AgendaActivity> & Pick<AgendaActivity, 'activityId' | 'domain' | 'start' | 'end'>): AgendaActivity => ({
  label: a.activityId,
  placeCategory: 'other',
  priority: 'normal',
  recurrence: { kind: 'weekly', weekdays: [0, 1, 2, 3, 4, 5, 6] },
  ...a,
});
const base = { caseId: 'c1', resistanceLevel: 'R2' as const, periodStart: '2026-03-09', days: 7, shiftTypes: SHIFTS };

describe('agenda × measures → posts (post rules posts-2026.1)', () => {
  it('covers a work day with the day shift and a long one with a second shift', () => {
    expect(coveringShifts(8 * 60 + 30, 17 * 60, SHIFTS).map((s) => s.id)).toEqual(['day']);
    expect(coveringShifts(7 * 60, 21 * 60, SHIFTS).map((s) => s.id)).toEqual(['day', 'late']);
  });

  it('a workplace guard on weekday work: one close-protection officer per work day (two at R3)', () => {
    const work = act({ activityId: 'werk', domain: 'work', start: '08:30', end: '17:00', recurrence: { kind: 'weekly', weekdays: [0, 1, 2, 3, 4] } });
    const posts = derivePosts({ ...base, measures: ['guard_workplace'], activities: [work] }, ruleset);
    expect(posts.map((p) => [p.day, p.shiftTypeId, p.ruleId])).toEqual([0, 1, 2, 3, 4].map((d) => [d, 'day', 'PR-WORK-GUARD']));
    expect(posts[0]!.needs).toEqual([{ qualification: 'close-protection', count: 1, underWeight: 100, overWeight: 1 }]);
    const heavy = derivePosts({ ...base, resistanceLevel: 'R3', measures: ['guard_workplace'], activities: [work] }, ruleset);
    expect(heavy[0]!.needs[0]!.count).toBe(2);
  });

  it('posts of a tasked assignment are its tasked units\' alone; a preview without tasking leaves units open', () => {
    const work = act({ activityId: 'werk', domain: 'work', start: '08:30', end: '17:00', recurrence: { kind: 'weekly', weekdays: [0, 1, 2, 3, 4] } });
    const tasked = derivePosts({ ...base, measures: ['guard_workplace'], activities: [work], taskedUnitIds: ['bsb-1', 'be-1'] }, ruleset);
    expect(tasked.map((p) => p.allowedUnitIds)).toEqual(tasked.map(() => ['be-1', 'bsb-1']));
    expect(tasked[0]!.allowedUnitKinds).toContain('be');
    const none = derivePosts({ ...base, measures: ['guard_workplace'], activities: [work], taskedUnitIds: [] }, ruleset);
    expect(none.every((p) => p.allowedUnitIds?.length === 0)).toBe(true);
    const preview = derivePosts({ ...base, measures: ['guard_workplace'], activities: [work] }, ruleset);
    expect(preview.some((p) => 'allowedUnitIds' in p)).toBe(false);
  });

  it('a static home guard is three shifts on each day at home; camera surveillance is then superseded', () => {
    const home = act({ activityId: 'thuis', domain: 'home', start: '00:00', end: '07:00' });
    const posts = derivePosts({ ...base, measures: ['static_guard_home', 'camera_surveillance_home'], activities: [home] }, ruleset);
    expect(posts).toHaveLength(21);
    expect(new Set(posts.map((p) => p.ruleId))).toEqual(new Set(['PR-HOME-STATIC-GUARD']));
    expect(new Set(posts.map((p) => p.shiftTypeId))).toEqual(new Set(['early', 'late', 'night']));
  });

  it('advice measures make no posts; activities outside the period or of other domains neither', () => {
    const once = act({ activityId: 'beurs', domain: 'private', start: '10:00', end: '12:00', recurrence: { kind: 'once', date: '2026-04-01' } });
    expect(derivePosts({ ...base, measures: ['inform_and_advise', 'escort_private_activities'], activities: [once] }, ruleset)).toEqual([]);
    const sport = act({ activityId: 'sport', domain: 'private', start: '19:00', end: '20:30', recurrence: { kind: 'range', from: '2026-03-10', until: '2026-03-12', weekdays: [1, 3] } });
    const posts = derivePosts({ ...base, measures: ['escort_private_activities', 'inform_and_advise'], activities: [sport] }, ruleset);
    expect(posts.map((p) => [p.day, p.shiftTypeId])).toEqual([[1, 'late'], [3, 'late']]);
  });

  it('activities in the same shift under the same rule share one post', () => {
    const a = act({ activityId: 'a', domain: 'private', start: '15:00', end: '16:00', priority: 'low' });
    const b = act({ activityId: 'b', domain: 'private', start: '17:00', end: '18:00', priority: 'high' });
    const posts = derivePosts({ ...base, days: 1, measures: ['escort_private_activities'], activities: [a, b] }, ruleset);
    expect(posts).toHaveLength(1);
    expect(posts[0]).toMatchObject({ activityIds: ['a', 'b'], needs: [{ underWeight: underWeight('private', 'high') }] });
  });

  it('work goes before private (DOMAIN §5): every work weight exceeds every private weight, whatever the priority', () => {
    for (const w of ACTIVITY_PRIORITIES) for (const p of ACTIVITY_PRIORITIES) expect(underWeight('work', w)).toBeGreaterThan(underWeight('private', p));
  });

  it('every rule has a Dutch explanation and serves known measures; the ruleset in effect is found by date', () => {
    for (const r of ruleset.rules) expect(r.explanationNl.length).toBeGreaterThan(40);
    expect(postRulesetInEffect('2026-06-01')?.version).toBe('posts-2026.1');
  });
});

describe('the post rules cover the measure vocabulary', () => {
  it('every measure the policy can offer either has a post rule or is listed as needing no post, with a reason', async () => {
    const { OFFERABLE_MEASURES } = await import('../cases/decision-policy');
    const { PACKAGE_CATALOGUE } = await import('../cases/package-catalogue');
    const offerable = [...Object.values(OFFERABLE_MEASURES).flat(), ...PACKAGE_CATALOGUE.flatMap((p) => p.measures.filter((m) => m.domain !== 'care').map((m) => m.measure))];
    for (const ruleset of POST_RULESETS) {
      const covered = new Set([...ruleset.rules.flatMap((r) => r.measures), ...Object.keys(ruleset.withoutPosts)]);
      expect(offerable.filter((m) => !covered.has(m)), ruleset.version).toEqual([]);
      for (const reason of Object.values(ruleset.withoutPosts)) expect(reason.length).toBeGreaterThan(10);
    }
  });
});
