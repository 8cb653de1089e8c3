import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expireGaps, fillGaps, gapsSkipped } from './seal-gaps';

const T = '2026-03-02T09:00:00.000Z';
const members = (gaps: { lo: number; hi: number }[]) => gaps.flatMap((g) => Array.from({ length: g.hi - g.lo + 1 }, (_, i) => g.lo + i));

describe('seal gaps', () => {
  it('records the numbers skipped between sealed ones', () => {
    expect(gapsSkipped(3, [4, 7, 8, 12], T)).toEqual([
      { lo: 5, hi: 6, since: T },
      { lo: 9, hi: 11, since: T },
    ]);
    expect(gapsSkipped(0, [], T)).toEqual([]);
  });

  it('fills sealed numbers, splitting ranges', () => {
    expect(fillGaps([{ lo: 5, hi: 9, since: T }], new Set([5, 7, 9]))).toEqual([
      { lo: 6, hi: 6, since: T },
      { lo: 8, hi: 8, since: T },
    ]);
  });

  it('fill keeps exactly the unsealed numbers (property)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 60 }), { maxLength: 30 }), fc.uniqueArray(fc.integer({ min: 1, max: 60 })), (sealedFirst, sealedLater) => {
        const first = [...sealedFirst].sort((a, b) => a - b);
        const gaps = gapsSkipped(0, first, T);
        const expectedGaps = Array.from({ length: (first.at(-1) ?? 0) }, (_, i) => i + 1).filter((s) => !first.includes(s));
        expect(members(gaps)).toEqual(expectedGaps);
        const later = new Set(sealedLater);
        expect(members(fillGaps(gaps, later))).toEqual(expectedGaps.filter((s) => !later.has(s)));
      }),
    );
  });

  it('expires gaps first seen before the cutoff', () => {
    const gaps = [
      { lo: 1, hi: 1, since: '2026-03-01T00:00:00.000Z' },
      { lo: 3, hi: 4, since: T },
    ];
    expect(expireGaps(gaps, new Date('2026-03-02T00:00:00Z'))).toEqual([gaps[1]]);
  });
});
