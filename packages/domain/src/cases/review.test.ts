import { describe, expect, it } from 'vitest';
import { CASE_PHASES } from './case-state';
import { isReviewDue } from './review';

describe('isReviewDue', () => {
  it('is due on and after the review date, only while measures are active', () => {
    expect(isReviewDue('measures_active', '2026-06-01', '2026-05-31')).toBe(false);
    expect(isReviewDue('measures_active', '2026-06-01', '2026-06-01')).toBe(true);
    expect(isReviewDue('measures_active', '2026-06-01', '2026-07-15')).toBe(true);
    expect(isReviewDue('measures_active', null, '2026-07-15')).toBe(false);
    for (const phase of CASE_PHASES.filter((p) => p !== 'measures_active')) expect(isReviewDue(phase, '2026-06-01', '2026-07-15')).toBe(false);
  });
});
