import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowser } from './support/browser.js';
import { openCaseTab } from './support/case-tabs.js';
import { rawCodesOnPage } from './support/raw-codes.js';
import { checkPage, loginAs } from './support/session.js';

/**
 * Issue 13, items 3 and 8 in the browser: the case page in tabs (keyboard, address, back, as-of,
 * axe, the package once), and no raw code or English on the main pages of several roles.
 */
const selected = (page: Page) => page.locator('[role="tab"][aria-selected="true"]').innerText();
/** Waits until the selected tab is `label` (selecting goes through the address, so it takes a render). */
const expectSelected = (page: Page, label: string) => expect.poll(() => selected(page)).toBe(label);

/** The first case of the overview that has reached a decision (phase "Maatregelen actief"). */
async function openActiveCase(page: Page): Promise<string> {
  await page.goto('/?fase=measures_active');
  const link = page.getByRole('main').locator('a[href^="/casussen/"]').first();
  await link.waitFor();
  const href = (await link.getAttribute('href'))!;
  await page.goto(href);
  await page.getByRole('tablist', { name: 'Onderdelen van de casus' }).waitFor();
  return href.split('?')[0]!;
}

async function expectDutch(page: Page, label: string): Promise<void> {
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await page.waitForLoadState('networkidle');
  expect(await rawCodesOnPage(page), `${label}: raw codes or English on a Dutch screen`).toEqual([]);
}

describe('the case page in tabs', () => {
  const b = useBrowser();

  it('opens on the summary, moves by keyboard, keeps the tab in the address and goes back', async () => {
    const { page } = b;
    await loginAs(page, 'besluit');
    const path = await openActiveCase(page);
    await expectSelected(page, 'Samenvatting');
    await page.getByRole('tabpanel').getByRole('region', { name: 'Samenvatting' }).waitFor();
    await checkPage(page, 'case page, summary tab');

    // Keyboard: one tab stop for the list; arrows move and select, Home/End jump.
    expect(await page.getByRole('tab').evaluateAll((tabs) => tabs.filter((t) => t.getAttribute('tabindex') === '0').length)).toBe(1);
    await page.getByRole('tab', { name: 'Samenvatting' }).focus();
    await page.keyboard.press('ArrowRight');
    await expectSelected(page, 'Personen');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Personen');
    expect(new URL(page.url()).searchParams.get('tab')).toBe('personen');
    await page.keyboard.press('End');
    await expectSelected(page, 'Tijdlijn');
    await page.keyboard.press('ArrowRight');
    await expectSelected(page, 'Samenvatting');
    await page.keyboard.press('ArrowLeft');
    await expectSelected(page, 'Tijdlijn');
    await page.getByRole('tabpanel').getByRole('region', { name: 'Tijdlijn' }).waitFor();
    await checkPage(page, 'case page, timeline tab');

    // The package of the decision is shown once: under "Maatregelen", not again under "Besluit".
    await openCaseTab(page, 'Besluit en maatregelen');
    const panel = page.getByRole('tabpanel');
    await panel.getByRole('region', { name: 'Maatregelen' }).getByRole('table', { name: 'Maatregelen per leefdomein' }).waitFor();
    await panel.getByRole('region', { name: 'Besluit' }).waitFor();
    expect(await panel.getByRole('table', { name: 'Gekozen pakket' }).count()).toBe(0);
    expect(await panel.getByRole('table', { name: 'Maatregelen per leefdomein' }).count()).toBe(1);
    await checkPage(page, 'case page, decision tab');

    // Back returns to the previous tab; a link with ?tab= opens that tab.
    await page.goBack();
    await expectSelected(page, 'Tijdlijn');
    await page.goto(`${path}?tab=dreiging`);
    await expectSelected(page, 'Dreiging');
    await page.goto(`${path}?tab=bestaat-niet`);
    await expectSelected(page, 'Samenvatting');
  });

  it('shows the case as it stood in the tabs, without the actions tab', async () => {
    const { page } = b;
    await loginAs(page, 'besluit');
    const path = await openActiveCase(page);
    await openCaseTab(page, 'Tijdlijn');
    await page.getByRole('link', { name: /Bekijk de casus na versie 1$/ }).click();
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.getByRole('tablist', { name: 'Onderdelen van de casus' }).waitFor();
    expect(new URL(page.url()).searchParams.get('asOf')).toBeTruthy();
    expect(await page.getByRole('tab', { name: 'Acties', exact: true }).count()).toBe(0);
    await openCaseTab(page, 'Personen');
    const url = new URL(page.url());
    expect(url.searchParams.get('asOf')).toBeTruthy();
    expect(url.searchParams.get('tab')).toBe('personen');
    expect(url.pathname).toBe(path);
    await checkPage(page, 'case page as of version 1');
  });
});

describe('Dutch throughout: no raw codes or English on the main pages', () => {
  const b = useBrowser();

  it('a decision maker: overview, "Voor mij", every tab of a case, the DAF page, the deviations report', async () => {
    const { page } = b;
    await loginAs(page, 'besluit');
    await expectDutch(page, 'overview');
    await page.goto('/voor-mij');
    await expectDutch(page, 'voor mij');
    const path = await openActiveCase(page);
    for (const tab of await page.getByRole('tab').allInnerTexts()) {
      await openCaseTab(page, tab);
      await expectDutch(page, `case tab ${tab}`);
    }
    await page.goto(`${path}/dreigingsinschatting`);
    await expectDutch(page, 'DAF page (decision maker)');
    await page.goto('/beleid/afwijkingen');
    await expectDutch(page, 'deviations report');
  });

  it('an analyst: the DAF page with template ratings and soft information', async () => {
    const { page } = b;
    await loginAs(page, 'analist');
    await expectDutch(page, 'overview (analyst)');
    const link = page.getByRole('main').locator('a[href^="/casussen/"]').first();
    const href = (await link.getAttribute('href'))!.split('?')[0]!;
    await page.goto(`${href}/dreigingsinschatting`);
    await page.getByRole('heading', { level: 1, name: 'Dreigingsinschatting (DAF)' }).waitFor();
    await expectDutch(page, 'DAF page (analyst)');
    await page.getByText('Geen partner (zachte informatie)').first().waitFor();
  });

  it('the inspectorate: audit log with Dutch operations and purposes, break-glass review, statistics', async () => {
    const { page } = b;
    await loginAs(page, 'inspectie', '/toezicht/auditlog');
    await page.getByRole('table', { name: /^Auditregels/ }).waitFor();
    await expectDutch(page, 'audit log');
    await page.getByRole('cell', { name: 'Ingelogd', exact: true }).first().waitFor();
    await page.goto('/toezicht/noodtoegang');
    await expectDutch(page, 'break-glass review');
    await page.goto('/statistieken');
    await expectDutch(page, 'statistics');
  });

  it('policy staff: the versions in Dutch, the editor’s own labels in Dutch; a forbidden page is "not found"', async () => {
    const { page } = b;
    await loginAs(page, 'beheer', '/beleid');
    await page.getByRole('heading', { level: 1, name: 'Beleid beveiligingspakketten' }).waitFor();
    await expectDutch(page, 'policy versions');
    await page.goto('/beleid/2027.1');
    await page.getByLabel('Beslistabel').waitFor();
    await page.getByText('Toepassingsregel:').first().waitFor();
    expect(await page.getByText('Hit policy:').count()).toBe(0);
    await expectDutch(page, 'policy version (outside the tables)');
    await page.goto('/toezicht/auditlog');
    await page.getByRole('heading', { level: 1, name: 'Pagina niet gevonden' }).waitFor();
  });

  it('the advisory body and the LCC: their pages, and forbidden pages answered alike', async () => {
    const { page } = b;
    await loginAs(page, 'advies', '/statistieken');
    await expectDutch(page, 'statistics (advisory body)');
    for (const path of ['/beleid', '/eenheden', '/toezicht/noodtoegang', '/roosters', '/casussen/nieuw']) {
      await page.goto(path);
      await page.getByRole('heading', { level: 1, name: 'Pagina niet gevonden' }).waitFor();
    }
    await loginAs(page, 'lcc', '/opdrachten');
    await expectDutch(page, 'assignments inbox');
    await page.goto('/eenheden');
    await expectDutch(page, 'units');
  });
});
