// Installs the npm dependencies when they are missing or stale, so `npm start` and `npm test`
// work on a fresh clone without a separate install step.
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, runOrThrow } from './proc.mjs';

/**
 * Decides whether (and how) to install. npm writes node_modules/.package-lock.json on every
 * install, so a lockfile newer than that marker means someone changed dependencies since.
 * @param {{ hasLock: boolean, lockMtimeMs?: number, markerMtimeMs?: number }} state
 *   markerMtimeMs is undefined when node_modules/.package-lock.json does not exist.
 * @returns {{ command: 'ci' | 'install', reason: string } | null}
 */
export function installPlan(state) {
  const command = state.hasLock ? 'ci' : 'install';
  if (state.markerMtimeMs === undefined) return { command, reason: 'node_modules is missing' };
  if (!state.hasLock) return null;
  if ((state.lockMtimeMs ?? 0) > state.markerMtimeMs) {
    return { command, reason: 'package-lock.json is newer than node_modules' };
  }
  return null;
}

/** @param {string} path */
const mtime = (path) => (existsSync(path) ? statSync(path).mtimeMs : undefined);

/**
 * Runs `npm ci` (or `npm install` without a lockfile) when needed; output streams to the
 * terminal. Throws when npm fails.
 * @param {string} [root]
 */
export async function ensureInstall(root = repoRoot) {
  const lock = join(root, 'package-lock.json');
  const plan = installPlan({
    hasLock: existsSync(lock),
    lockMtimeMs: mtime(lock),
    markerMtimeMs: mtime(join(root, 'node_modules', '.package-lock.json')),
  });
  if (!plan) return false;
  console.log(`Installing dependencies (npm ${plan.command}): ${plan.reason}`);
  await runOrThrow('npm', [plan.command, '--no-audit', '--no-fund'], { cwd: root });
  return true;
}
