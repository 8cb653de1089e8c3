// `npm run e2e [-- spec filters]`: browser tests against a freshly started server. See scripts/lib/e2e-run.mjs.
import { runE2e } from './lib/e2e-run.mjs';
import { ensureInstall } from './lib/ensure-install.mjs';
import { onSupportedNode } from './lib/lts-node.mjs';

try {
  await ensureInstall();
  await onSupportedNode('e2e');
  const result = await runE2e({ files: process.argv.slice(2) });
  process.exit(result.status === 'ran' ? result.exitCode : 0);
} catch (err) {
  console.error(`e2e: FAILED: ${err instanceof Error ? err.message : err}`);
  process.exit(1);
}
