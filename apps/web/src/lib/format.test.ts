import { describe, expect, it } from 'vitest';
import { daysFromToday, formatDate, fromDateTimeLocal, toDateTimeLocal } from './format';

describe('date helpers', () => {
  it('reads a datetime-local value as the end of that second, so events within it are included', () => {
    expect(fromDateTimeLocal(toDateTimeLocal('2026-03-01T09:30:15.432Z'))).toBe('2026-03-01T09:30:15.999Z');
  });

  it('reads a value without seconds as the end of that minute', () => {
    const local = toDateTimeLocal('2026-03-01T09:30:00.000Z').slice(0, 16);
    expect(fromDateTimeLocal(local)).toBe('2026-03-01T09:30:59.999Z');
  });

  it('rejects what a datetime-local input cannot produce', () => {
    expect(fromDateTimeLocal('')).toBeUndefined();
    expect(fromDateTimeLocal('01-03-2026 09:30')).toBeUndefined();
  });

  it('formats a calendar date without shifting the day', () => {
    expect(formatDate('2026-01-31', 'nl')).toBe('31 januari 2026');
    expect(formatDate('2026-01-31', 'en')).toBe('31 January 2026');
  });

  it('counts days from a given today', () => {
    expect(daysFromToday(30, new Date(2026, 0, 15))).toBe('2026-02-14');
  });
});
