import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Browser specs against a server started by scripts/e2e.mjs (E2E_BASE_URL). One file at a time:
// they share one server and its demo data, and the CI box has 2 cores.
export default defineConfig({
  test: {
    root: fileURLToPath(new URL('..', import.meta.url)),
    include: ['e2e/**/*.e2e.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    // In CI one retry: a browser on a busy 2-core box is timing-sensitive, and the closing summary
    // lists every test that passed only on its retry (scripts/lib/vitest-report.mjs), so nothing
    // flaky goes unseen. Locally a failure is a failure.
    retry: process.env.CI ? 1 : 0,
  },
});
