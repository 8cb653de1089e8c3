import { describe, expect, it } from 'vitest';
import { installPlan } from './ensure-install.mjs';

describe('installPlan', () => {
  it('installs with npm ci when node_modules is missing', () => {
    expect(installPlan({ hasLock: true, lockMtimeMs: 1 })).toMatchObject({ command: 'ci' });
  });
  it('falls back to npm install without a lockfile', () => {
    expect(installPlan({ hasLock: false })).toMatchObject({ command: 'install' });
    expect(installPlan({ hasLock: false, markerMtimeMs: 5 })).toBeNull();
  });
  it('reinstalls when the lockfile changed after the last install', () => {
    expect(installPlan({ hasLock: true, lockMtimeMs: 20, markerMtimeMs: 10 })).toMatchObject({
      command: 'ci',
      reason: expect.stringContaining('newer'),
    });
  });
  it('does nothing when node_modules is current (same or newer than the lockfile)', () => {
    expect(installPlan({ hasLock: true, lockMtimeMs: 10, markerMtimeMs: 10 })).toBeNull();
    expect(installPlan({ hasLock: true, lockMtimeMs: 10, markerMtimeMs: 20 })).toBeNull();
  });
});
