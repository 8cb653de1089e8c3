// `npm run check` (what .ci/run runs): install what is missing, then typecheck, lint and every
// suite (`npm test`), on a supported Node LTS. All three run even when an earlier one fails, so
// one CI run shows every problem; the exit code is 1 when any failed.
import { ensureInstall } from './lib/ensure-install.mjs';
import { onSupportedNode } from './lib/lts-node.mjs';
import { npx, run, section } from './lib/proc.mjs';

async function main() {
  section('install');
  await ensureInstall();
  await onSupportedNode('check');
  /** @type {[string, [string, string[]]][]} */
  const steps = [
    ['typecheck', ['npm', ['run', '--silent', 'typecheck']]],
    ['lint', npx('eslint', ['.', '--max-warnings', '0'])],
  ];
  const failed = [];
  for (const [name, [cmd, args]] of steps) {
    section(name);
    const code = await run(cmd, args);
    console.log(`${name}: ${code === 0 ? 'ok' : `FAILED (exit ${code})`}`);
    if (code !== 0) failed.push(name);
  }
  // The test runner's own closing line ("N passed, N failed, N skipped") stays the last count.
  const testCode = await run(process.execPath, ['scripts/test.mjs']);
  if (failed.length > 0) console.log(`check: FAILED: ${failed.join(', ')}`);
  process.exit(testCode !== 0 || failed.length > 0 ? 1 : 0);
}

main().catch((err) => {
  console.error(`check: FAILED: ${err instanceof Error ? err.message : err}`);
  process.exit(1);
});
