import type { Page } from 'playwright-core';
import { checkPage, loginAs } from './session.js';

/** The LCC opens the assignment of `reference` from the inbox ("Opdrachten"). */
export async function openAssignment(page: Page, reference: string, check = false): Promise<void> {
  await loginAs(page, 'lcc', '/opdrachten');
  await page.getByRole('heading', { level: 1, name: 'Opdrachten' }).waitFor();
  if (check) await checkPage(page, 'LCC inbox');
  await page.getByRole('link', { name: reference, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: `Beveiligingsopdracht ${reference}` }).waitFor();
}

/** The LCC accepts the current version and tasks the given units (by name). */
export async function acceptAndTask(page: Page, reference: string, unitNames: readonly string[], check = false): Promise<void> {
  await openAssignment(page, reference, check);
  if (check) await checkPage(page, 'assignment page, new');
  await page.getByRole('button', { name: /^Versie \d+ accepteren$/ }).click();
  await page.getByText(/^Status: Geaccepteerd ·/).waitFor();
  for (const name of unitNames) await page.getByLabel(name, { exact: true }).check();
  await page.getByRole('button', { name: 'Eenheden toewijzen' }).click();
  for (const name of unitNames) await page.getByRole('region', { name: 'Uitvoerende eenheden' }).getByText(new RegExp(`^${name} \\(`)).waitFor();
}
