import type { Page } from 'playwright-core';

/** Opens a tab of the case page by its label and waits until it is the selected one. */
export async function openCaseTab(page: Page, label: string): Promise<void> {
  const tab = page.getByRole('tablist', { name: 'Onderdelen van de casus' }).getByRole('tab', { name: label, exact: true });
  await tab.click();
  await page.locator('[role="tab"][aria-selected="true"]', { hasText: label }).waitFor();
}
