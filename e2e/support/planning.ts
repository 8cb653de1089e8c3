import type { Locator, Page } from 'playwright-core';

/**
 * Starts a planning run on the rosters page and returns its own row in "Recente planningen". The
 * e2e specs share one server and database, so "the first run in the table" may be another spec's.
 */
export async function startPlanningRun(page: Page): Promise<Locator> {
  const [response] = await Promise.all([
    page.waitForResponse((r) => new URL(r.url()).pathname === '/api/planning/runs' && r.request().method() === 'POST'),
    page.getByRole('button', { name: 'Planning starten' }).click(),
  ]);
  const { runId } = (await response.json()) as { runId: string };
  return page.getByRole('table', { name: 'Recente planningen' }).getByRole('row').filter({ has: page.locator(`[id="progress-${runId}"]`) });
}

/** The roster version id in the address of a roster version page. */
export const versionIdOf = (page: Page): string => new URL(page.url()).pathname.split('/').at(-1)!;
