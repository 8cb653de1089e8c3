// The root scripts run the suites and the server on a supported Node LTS even where the machine's
// own Node is older: the npm package `node` (a devDependency) ships the binary, and a script
// started on an older Node re-runs itself under it. See docs/adr/0014-node-lts-runtime.md.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { exitWithParent, repoRoot, runTied } from './proc.mjs';

/** Node release lines we support (the LTS lines; keep in step with `engines` in package.json). */
export const SUPPORTED_MAJORS = [22, 24];
/** Oldest 22.x we accept: the first with require(esm) unflagged, which the toolchain assumes. */
const MIN_22_MINOR = 12;

/** @param {string} version e.g. "v22.12.0" */
export function isSupportedNode(version) {
  const [major = 0, minor = 0] = version.replace(/^v/, '').split('.').map(Number);
  if (!SUPPORTED_MAJORS.includes(major)) return false;
  return major !== 22 || minor >= MIN_22_MINOR;
}

/** Where `npm ci` puts the binary of the `node` package. @param {string} [root] */
export const ltsNodePath = (root = repoRoot) => join(root, 'node_modules', 'node', 'bin', 'node');

/**
 * PATH with the LTS binary's folder first, so what the script starts by name (npm, npx, vitest's
 * `#!/usr/bin/env node`) runs under the same Node.
 * @param {string} binary @param {string | undefined} path
 */
export const pathWith = (binary, path) => [dirname(binary), ...(path ? [path] : [])].join(delimiter);

/**
 * Returns when this process runs on a supported Node (printing which). Otherwise runs this same
 * script with the same arguments under the binary of the `node` package, tied to this process
 * (signals passed on, the child stops when this one dies), and exits with its exit code. Call it
 * after ensureInstall(), which works on any Node and puts the binary in place.
 * @param {string} label the script's name for the log line
 */
export async function onSupportedNode(label) {
  if (isSupportedNode(process.version)) {
    console.log(`${label}: Node ${process.version} (${process.execPath})`);
    // Tools started by name (npx → npm → vitest) must find this Node first, not the machine's.
    process.env.PATH = pathWith(process.execPath, process.env.PATH);
    exitWithParent();
    return;
  }
  const binary = ltsNodePath();
  if (!existsSync(binary)) {
    throw new Error(`Node ${process.version} is not supported (need ${SUPPORTED_MAJORS.join(' or ')} LTS) and ${binary} is missing; run npm ci`);
  }
  const version = execFileSync(binary, ['--version'], { encoding: 'utf8' }).trim();
  if (!isSupportedNode(version)) throw new Error(`${binary} is Node ${version}, not a supported LTS; run npm ci`);
  console.log(`${label}: this machine's Node ${process.version} is not a supported LTS; running under Node ${version} (${binary})`);
  const env = { ...process.env, PATH: pathWith(binary, process.env.PATH) };
  const code = await runTied(binary, [...process.execArgv, ...process.argv.slice(1)], { env });
  process.exit(code);
}
