import { defineConfig } from 'vitest/config';
// One runner for every workspace. Service tests open their own fresh database (in-memory PGlite,
// or a new database on the server named by TEST_PG_ADMIN_URL), so files may run in parallel.
export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'apps/*/src/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts', 'bench/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
