// Debian packages the suite needs beyond npm: chromium (e2e) and postgresql (service tests
// against a real server). As root we install them; otherwise we say clearly what is skipped.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { run } from './proc.mjs';

export const CHROMIUM_PATH = '/usr/bin/chromium';
export const PG_BASE = '/usr/lib/postgresql';

/**
 * The server bin dir of the highest installed PostgreSQL major, or null.
 * @param {string} [base]
 * @returns {string | null}
 */
export function findPgBinDir(base = PG_BASE) {
  if (!existsSync(base)) return null;
  const versions = readdirSync(base)
    .filter((v) => /^\d+(\.\d+)?$/.test(v) && existsSync(join(base, v, 'bin', 'postgres')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(base, versions[0], 'bin') : null;
}

/** What each missing package is needed for, in the words printed to the user. */
const NEEDS = {
  chromium: { part: 'e2e', why: `chromium (${CHROMIUM_PATH})` },
  postgresql: { part: 'service tests on real PostgreSQL', why: `postgresql (${PG_BASE}/*/bin)` },
};

/**
 * Pure decision: which apt packages to install and which parts to skip.
 * @param {{ isRoot: boolean, hasChromium: boolean, hasPostgres: boolean }} s
 * @returns {{ aptPackages: string[], skipped: { part: string, reason: string }[] }}
 */
export function planSystemDeps(s) {
  const missing = /** @type {(keyof typeof NEEDS)[]} */ ([]);
  if (!s.hasChromium) missing.push('chromium');
  if (!s.hasPostgres) missing.push('postgresql');
  if (s.isRoot) return { aptPackages: missing, skipped: [] };
  return {
    aptPackages: [],
    skipped: missing.map((pkg) => ({
      part: NEEDS[pkg].part,
      reason: `${NEEDS[pkg].why} is not installed and this is not root, so it cannot be installed` +
        ` (run as root, or: sudo apt-get install ${pkg})`,
    })),
  };
}

export const probe = () => ({
  isRoot: typeof process.getuid === 'function' && process.getuid() === 0,
  hasChromium: existsSync(CHROMIUM_PATH),
  hasPostgres: findPgBinDir() !== null,
});

let aptUpdated = false;

/** @param {string[]} packages @returns {Promise<boolean>} */
async function aptInstall(packages) {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  // Wait for a dpkg lock held by another apt run (e.g. unattended upgrades) instead of failing.
  const lock = ['-o', 'DPkg::Lock::Timeout=600'];
  if (!aptUpdated) {
    if ((await run('apt-get', [...lock, 'update'], { env })) !== 0) return false;
    aptUpdated = true;
  }
  const args = [...lock, 'install', '-y', '--no-install-recommends', ...packages];
  return (await run('apt-get', args, { env })) === 0;
}

/**
 * Installs what is missing when root. Returns what is available afterwards, the parts that are
 * skipped (not root) and errors (root, but the install failed: that is a failure, not a skip).
 * @param {{ probe?: typeof probe, install?: typeof aptInstall }} [deps]
 */
export async function ensureSystemDeps({ probe: look = probe, install = aptInstall } = {}) {
  const before = look();
  const plan = planSystemDeps(before);
  const errors = [];
  if (plan.aptPackages.length > 0) {
    console.log(`Installing Debian packages: ${plan.aptPackages.join(' ')}`);
    if (!(await install(plan.aptPackages))) {
      errors.push(`apt-get install ${plan.aptPackages.join(' ')} failed`);
    }
  }
  const after = plan.aptPackages.length > 0 ? look() : before;
  for (const s of plan.skipped) console.log(`NOTE: ${s.part} will be SKIPPED: ${s.reason}.`);
  if (before.isRoot && !after.hasChromium) errors.push(`${NEEDS.chromium.why} is still missing`);
  if (before.isRoot && !after.hasPostgres) errors.push(`${NEEDS.postgresql.why} is still missing`);
  return { chromium: after.hasChromium, postgres: after.hasPostgres, skipped: plan.skipped, errors };
}
