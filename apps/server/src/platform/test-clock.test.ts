import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config';
import { adjustableClock, isAdjustable, systemClock } from './clock';

describe('test-only clock control', () => {
  it('is off unless explicitly enabled, and refused in production', () => {
    expect(loadConfig({}).testClock).toBe('off');
    expect(loadConfig({ HOEDER_TEST_CLOCK: 'adjustable' }).testClock).toBe('adjustable');
    expect(() => loadConfig({ HOEDER_TEST_CLOCK: 'yes' })).toThrow(/HOEDER_TEST_CLOCK/);
    expect(() => loadConfig({ HOEDER_TEST_CLOCK: 'adjustable', NODE_ENV: 'production' })).toThrow(/production/);
  });

  it('moves by an offset on real time and returns to it', () => {
    const clock = adjustableClock();
    expect(isAdjustable(clock)).toBe(true);
    expect(isAdjustable(systemClock)).toBe(false);
    clock.advance(11 * 86_400_000);
    expect(clock.now().getTime() - Date.now()).toBeGreaterThan(10 * 86_400_000);
    clock.set(new Date());
    expect(Math.abs(clock.now().getTime() - Date.now())).toBeLessThan(1_000);
  });
});
