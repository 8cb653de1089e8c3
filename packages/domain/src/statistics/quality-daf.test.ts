import { describe, expect, it } from 'vitest';
import { capacityPerQuarter, dissentPerQuarter } from './quality-daf';

describe('quality monitor: dissent and capacity per quarter', () => {
  it('counts finalised assessments and those with dissent in the quarter of finalisation', () => {
    const assessments = [
      { finalisedAt: '2026-01-10T10:00:00.000Z', dissent: true },
      { finalisedAt: '2026-03-31T23:00:00.000Z', dissent: false },
      { finalisedAt: '2026-04-01T08:00:00.000Z', dissent: true },
      { finalisedAt: '2025-12-31T08:00:00.000Z', dissent: true },
    ];
    expect(dissentPerQuarter(assessments, ['2026-Q1', '2026-Q2', '2026-Q3'])).toEqual([
      { quarter: '2026-Q1', assessments: 2, withDissent: 1 },
      { quarter: '2026-Q2', assessments: 1, withDissent: 1 },
      { quarter: '2026-Q3', assessments: 0, withDissent: 0 },
    ]);
  });

  it('counts a replanned period once, by its replan, and never a negative shortfall', () => {
    const rosters = [
      { versionId: 'a', parentVersionId: null, startDate: '2026-02-02', totalPosts: 40, coveredPosts: 30 },
      { versionId: 'b', parentVersionId: 'a', startDate: '2026-02-02', totalPosts: 42, coveredPosts: 39 },
      { versionId: 'c', parentVersionId: null, startDate: '2026-03-02', totalPosts: 10, coveredPosts: 10 },
      { versionId: 'd', parentVersionId: null, startDate: '2026-05-04', totalPosts: 5, coveredPosts: 7 },
    ];
    expect(capacityPerQuarter(rosters, ['2026-Q1', '2026-Q2'])).toEqual([
      { quarter: '2026-Q1', rosters: 2, posts: 52, unstaffed: 3 },
      { quarter: '2026-Q2', rosters: 1, posts: 5, unstaffed: 0 },
    ]);
  });
});
