import { describe, expect, it } from 'vitest';
import { loadCurtois, tiny } from '../testing/fixtures';
import { evaluateCurtois } from './evaluate';

describe('evaluateCurtois', () => {
  it('scores a hand-checked roster of the tiny instance', () => {
    // A: D D D . . N .   B: . D D D D . .
    // On-request A/0/D granted: 0. Off-request B/3/D broken: 3. Cover: D over by one on days 1
    // and 2 (1 + 1), D missing on days 5 and 6 (100 + 100); N on day 5 met. Total 205.
    const ev = evaluateCurtois(tiny(), [['D', 'D', 'D', '', '', 'N', ''], ['', 'D', 'D', 'D', 'D', '', '']]);
    expect(ev).toMatchObject({ penalty: 205, onRequests: 0, offRequests: 3, coverUnder: 200, coverOver: 2, violations: [] });
  });

  it('reports broken hard rules of a hand-made bad roster', () => {
    // A: D after N on day 2; B works on its day off 0. Both work exactly the 960-minute minimum.
    const ev = evaluateCurtois(tiny(), [['', 'N', 'D', '', '', '', ''], ['D', 'D', '', '', '', '', '']]);
    expect(ev.violations).toEqual(['A day 2: D may not follow N', 'B works on day off 0']);
    // Penalty by hand: A/0/D unmet 2; cover D: day0 1 ok, day1 1 ok, day2 1 ok, days 3-6 missing 400;
    // N: day 1 over 1, day 5 missing 100. Total 503.
    expect(ev.penalty).toBe(503);
  });

  it('scores the empty roster of Instance1: every cover row missed, every on-request unmet', () => {
    const inst = loadCurtois(1);
    const ev = evaluateCurtois(inst, inst.staff.map(() => Array.from({ length: inst.horizon }, () => '')));
    // Cover requirements 5+7+6+4+5+5+5+6+7+4+2+5+6+4 = 71 at weight 100.
    expect(ev.coverUnder).toBe(7100);
    expect(ev.onRequests).toBe(inst.onRequests.reduce((k, r) => k + r.weight, 0));
    expect(ev.offRequests).toBe(0);
    expect(ev.violations.length).toBeGreaterThan(0);
  });
});
