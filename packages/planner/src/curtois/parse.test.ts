import { describe, expect, it } from 'vitest';
import { loadCurtois } from '../testing/fixtures';
import { parseCurtois } from './parse';

// Days, staff, shift types, days off, on requests, off requests, cover rows (README "Sizes").
const SIZES: Record<number, number[]> = {
  1: [14, 8, 1, 8, 21, 5, 14], 2: [14, 14, 2, 14, 50, 12, 28], 3: [14, 20, 3, 20, 39, 25, 42],
  4: [28, 10, 2, 20, 52, 19, 56], 5: [28, 16, 2, 32, 79, 27, 56], 6: [28, 18, 3, 36, 87, 48, 84],
  7: [28, 20, 3, 40, 104, 64, 84], 8: [28, 30, 4, 60, 139, 86, 112], 9: [28, 36, 4, 72, 144, 88, 112],
  10: [28, 40, 5, 80, 210, 74, 140], 11: [28, 50, 6, 100, 197, 139, 168], 12: [28, 60, 10, 120, 294, 128, 280],
};

describe('parseCurtois', () => {
  it.each(Object.keys(SIZES).map(Number))('reproduces the README size table for Instance%i', (n) => {
    const inst = loadCurtois(n);
    expect([
      inst.horizon, inst.staff.length, inst.shifts.length, inst.daysOff.reduce((k, d) => k + d.days.length, 0),
      inst.onRequests.length, inst.offRequests.length, inst.cover.length,
    ]).toEqual(SIZES[n]);
  });

  it('reads staff limits and successions', () => {
    const inst = loadCurtois(2);
    expect(inst.shifts[1]).toEqual({ id: 'L', minutes: 480, cannotFollow: ['E'] });
    expect(inst.staff[3]).toMatchObject({ id: 'D', maxShifts: { E: 14, L: 0 }, maxTotalMinutes: 4320, minTotalMinutes: 3360 });
  });

  it('returns an error value for a malformed row', () => {
    const r = parseCurtois('SECTION_HORIZON\nfourteen\n');
    expect(r.ok).toBe(false);
  });
});
