// Builds the web UI into apps/web/dist when it is missing or older than its sources. Shared by
// `npm start` and the e2e runner so both serve the same, current UI.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { npx, repoRoot, runOrThrow } from './proc.mjs';

/** Directories whose files end up in the web bundle. */
export const WEB_SOURCES = ['apps/web', 'packages/contracts/src'];
const IGNORED = new Set(['node_modules', 'dist', '.vite']);

/**
 * Newest modification time of any file under the given paths (0 when none exist).
 * @param {string[]} paths absolute paths
 */
export function newestMtime(paths) {
  let newest = 0;
  const walk = (/** @type {string} */ p) => {
    const st = statSync(p);
    if (!st.isDirectory()) {
      newest = Math.max(newest, st.mtimeMs);
      return;
    }
    for (const e of readdirSync(p, { withFileTypes: true })) {
      if (!IGNORED.has(e.name)) walk(join(p, e.name));
    }
  };
  for (const p of paths) if (existsSync(p)) walk(p);
  return newest;
}

/**
 * @param {{ hasIndexHtml: boolean, distMtimeMs?: number, sourcesMtimeMs: number }} s
 *   distMtimeMs is undefined when apps/web/dist/index.html does not exist.
 * @returns {'no-web-app' | 'build' | 'up-to-date'}
 */
export function webBuildDecision(s) {
  if (!s.hasIndexHtml) return 'no-web-app';
  if (s.distMtimeMs === undefined || s.sourcesMtimeMs > s.distMtimeMs) return 'build';
  return 'up-to-date';
}

/**
 * Builds when needed. Returns the decision taken; throws when the build fails.
 * @param {string} [root]
 */
export async function ensureWebBuild(root = repoRoot) {
  const distIndex = join(root, 'apps/web/dist/index.html');
  const decision = webBuildDecision({
    hasIndexHtml: existsSync(join(root, 'apps/web/index.html')),
    distMtimeMs: existsSync(distIndex) ? statSync(distIndex).mtimeMs : undefined,
    sourcesMtimeMs: newestMtime(WEB_SOURCES.map((p) => join(root, p))),
  });
  if (decision === 'no-web-app') {
    console.log('web: apps/web/index.html does not exist yet, build SKIPPED (no web UI is served)');
  } else if (decision === 'build') {
    console.log('web: building apps/web (dist missing or older than the sources)');
    await runOrThrow(...npx('vite', ['build', 'apps/web']), { cwd: root });
  } else {
    console.log('web: apps/web/dist is up to date');
  }
  return decision;
}
