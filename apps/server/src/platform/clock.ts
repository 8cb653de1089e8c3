/** Time is injected (ARCHITECTURE principle 6) so deadlines and "as of" views are testable. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock tests can set and advance. */
export function fixedClock(start: Date): Clock & { set(d: Date): void; advance(ms: number): void } {
  let current = new Date(start);
  return {
    now: () => new Date(current),
    set: (d) => (current = new Date(d)),
    advance: (ms) => (current = new Date(current.getTime() + ms)),
  };
}

export type AdjustableClock = Clock & { set(d: Date): void; advance(ms: number): void };

/**
 * Real time plus an offset that a test can move (HOEDER_TEST_CLOCK=adjustable only, ADR 0009):
 * time keeps running, so sessions and logins behave as usual between adjustments.
 */
export function adjustableClock(): AdjustableClock {
  let offset = 0;
  return {
    now: () => new Date(Date.now() + offset),
    set: (d) => (offset = d.getTime() - Date.now()),
    advance: (ms) => (offset += ms),
  };
}

export const isAdjustable = (clock: Clock): clock is AdjustableClock => 'advance' in clock && 'set' in clock;
