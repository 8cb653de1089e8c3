import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { expectNoAxeViolations } from './axe.js';

const PASSWORD = 'hoeder-demo';

/** Opens `path`, signs in on the identity provider's login page and lands back on `path`. */
export async function loginAs(page: Page, username: string, path = '/'): Promise<void> {
  // A new user in the same test: drop the previous user's sessions (Hoeder's and the provider's).
  await page.context().clearCookies();
  // The open app may itself be redirecting to the login page (its session just ended): try again.
  await page.goto(path).catch(async (error: unknown) => {
    if (!String(error).includes('ERR_ABORTED')) throw error;
    await page.goto(path);
  });
  await page.getByLabel('Gebruikersnaam').waitFor();
  await page.getByLabel('Gebruikersnaam').fill(username);
  await page.getByLabel('Wachtwoord').fill(PASSWORD);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  const proceed = page.getByRole('link', { name: 'Ga verder naar Hoeder' });
  await Promise.race([proceed.waitFor({ timeout: 30_000 }), page.getByRole('banner').getByText('Ingelogd als').waitFor({ timeout: 30_000 })]);
  if (await proceed.isVisible()) await proceed.click();
  await page.getByRole('banner').getByText('Ingelogd als').waitFor();
}

/** Every page: no axe violations, exactly one h1, a descriptive title, html lang set. */
export async function checkPage(page: Page, label: string): Promise<void> {
  await expectNoAxeViolations(page, label);
  expect(await page.locator('h1').count(), `${label}: one h1`).toBe(1);
  expect(await page.title(), `${label}: title`).toMatch(/\S+ – Hoeder$/);
  expect(await page.locator('html').getAttribute('lang'), `${label}: lang`).toMatch(/^(nl|en)$/);
}
