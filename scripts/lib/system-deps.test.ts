import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { ensureSystemDeps, findPgBinDir, planSystemDeps } from './system-deps.mjs';

describe('planSystemDeps', () => {
  it('as root installs whatever is missing and skips nothing', () => {
    expect(planSystemDeps({ isRoot: true, hasChromium: false, hasPostgres: false })).toEqual({
      aptPackages: ['chromium', 'postgresql'],
      skipped: [],
    });
    expect(planSystemDeps({ isRoot: true, hasChromium: true, hasPostgres: true }).aptPackages).toEqual([]);
  });
  it('as another user installs nothing and names every part it has to skip', () => {
    const plan = planSystemDeps({ isRoot: false, hasChromium: false, hasPostgres: false });
    expect(plan.aptPackages).toEqual([]);
    expect(plan.skipped.map((s) => s.part)).toEqual(['e2e', 'service tests on real PostgreSQL']);
    expect(plan.skipped[0]?.reason).toContain('not root');
  });
  it('as another user with everything present skips nothing', () => {
    expect(planSystemDeps({ isRoot: false, hasChromium: true, hasPostgres: true }).skipped).toEqual([]);
  });
});

describe('findPgBinDir', () => {
  const base = mkdtempSync(join(tmpdir(), 'pgbase-'));
  afterAll(() => rmSync(base, { recursive: true, force: true }));
  const server = (v: string) => {
    mkdirSync(join(base, v, 'bin'), { recursive: true });
    writeFileSync(join(base, v, 'bin', 'postgres'), '');
  };

  it('picks the highest major numerically that has a server binary', () => {
    expect(findPgBinDir(base)).toBeNull();
    server('9.6');
    server('15');
    server('13');
    mkdirSync(join(base, '17', 'bin'), { recursive: true }); // client only, no server
    expect(findPgBinDir(base)).toBe(join(base, '15', 'bin'));
  });
  it('returns null when PostgreSQL is not installed at all', () => {
    expect(findPgBinDir(join(base, 'nope'))).toBeNull();
  });
});

describe('ensureSystemDeps', () => {
  afterEach(() => vi.restoreAllMocks());
  const quiet = () => vi.spyOn(console, 'log').mockImplementation(() => {});

  it('as root installs, then reports what is available', async () => {
    quiet();
    let installed = false;
    const install = vi.fn(async () => (installed = true));
    const probe = () => ({ isRoot: true, hasChromium: installed, hasPostgres: true });
    const r = await ensureSystemDeps({ probe, install });
    expect(install).toHaveBeenCalledWith(['chromium']);
    expect(r).toEqual({ chromium: true, postgres: true, skipped: [], errors: [] });
  });
  it('as root turns a failed install into errors, not skips', async () => {
    quiet();
    const probe = () => ({ isRoot: true, hasChromium: false, hasPostgres: false });
    const r = await ensureSystemDeps({ probe, install: async () => false });
    expect(r.skipped).toEqual([]);
    expect(r.errors.length).toBeGreaterThan(0);
    expect(r.chromium).toBe(false);
  });
  it('as another user never calls apt and prints SKIPPED', async () => {
    const log = quiet();
    const install = vi.fn(async () => true);
    const probe = () => ({ isRoot: false, hasChromium: false, hasPostgres: true });
    const r = await ensureSystemDeps({ probe, install });
    expect(install).not.toHaveBeenCalled();
    expect(r).toMatchObject({ chromium: false, postgres: true, errors: [] });
    expect(log.mock.calls.flat().join('\n')).toMatch(/e2e will be SKIPPED/);
  });
});
