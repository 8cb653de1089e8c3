import { describe, expect, it } from 'vitest';
import { useBrowser } from './support/browser.js';
import { startPlanningRun, versionIdOf } from './support/planning.js';
import { checkPage, loginAs } from './support/session.js';

/**
 * Rosters in the browser (issue 11): the LCC coordinator starts a plan, follows the progress bar,
 * opens and publishes the roster, reports an officer sick and sees who moves; the police team lead
 * sees the published roster with only their own unit; a scenario on a copy shows what becomes
 * unstaffable; the LCC's capacity dashboard shows twelve
 * weeks per organisation with the cases behind each week. axe runs on every page.
 */
describe('rosters', () => {
  const b = useBrowser();
  // The version this spec publishes and the draft its replan makes; other specs publish their own.
  const s = { published: '', replanned: '' };

  it('the LCC plans a week with a progress bar, publishes it and replans a sick report', async () => {
    const { page } = b;
    await loginAs(page, 'lcc');
    await page.getByRole('navigation').getByRole('link', { name: 'Roosters' }).click();
    await page.getByRole('heading', { level: 1, name: 'Roosters' }).waitFor();
    await checkPage(page, 'rosters (LCC)');
    const run = await startPlanningRun(page);
    await run.getByRole('progressbar').waitFor();
    await checkPage(page, 'rosters with a running plan');
    await run.getByRole('link', { name: 'Rooster bekijken' }).waitFor({ timeout: 90_000 });
    expect(await run.getByRole('progressbar').getAttribute('value')).toBe('100');
    await run.getByRole('link', { name: 'Rooster bekijken' }).click();
    await page.getByRole('heading', { level: 1, name: /^Roosterversie \d+$/ }).waitFor();
    s.published = versionIdOf(page);
    await page.getByRole('heading', { level: 2, name: 'Tekorten' }).waitFor();
    await page.getByRole('table', { name: 'Posten en tekorten per domein' }).waitFor();
    await checkPage(page, 'roster version (draft)');
    await page.getByRole('button', { name: 'Publiceren aan de eenheden' }).click();
    await page.getByText(/gepubliceerd op/).waitFor();

    // A scenario on a copy: ten new cases; what becomes unstaffable, side by side.
    await page.getByLabel('Scenario', { exact: true }).selectOption('new-cases');
    await page.getByLabel('Aantal nieuwe casussen').fill('10');
    await page.getByRole('button', { name: 'Scenario doorrekenen' }).click();
    const compared = page.getByRole('table', { name: "Opgeslagen scenario's naast elkaar" });
    await compared.getByRole('columnheader', { name: '10 nieuwe casussen' }).waitFor({ timeout: 60_000 });
    await compared.getByRole('rowheader', { name: 'Valt als eerste af' }).waitFor();
    await checkPage(page, 'roster version with a scenario');

    await page.getByRole('table', { name: 'Eenheden met hun ingezette medewerkers' }).getByRole('link', { name: 'Bewakingseenheid team 1' }).click();
    await page.getByRole('heading', { level: 1, name: 'Bewakingseenheid team 1' }).waitFor();
    await checkPage(page, 'unit timeline');
    const timeline = page.getByRole('table', { name: /^Tijdlijn van/ });
    // An officer with at least one post that week.
    const row = timeline.getByRole('row').filter({ hasText: /dienst:/ }).first();
    await row.getByRole('link').first().click();
    await page.getByRole('group', { name: 'Ziekmelding' }).waitFor();
    await checkPage(page, 'officer days');
    const days = page.getByRole('group', { name: 'Ziekmelding' }).getByRole('checkbox');
    for (let i = 0; i < (await days.count()); i++) await days.nth(i).check();
    await page.getByRole('button', { name: 'Ziek melden en herplannen' }).click();
    await page.getByRole('heading', { level: 2, name: 'Wat verandert' }).waitFor();
    await page.getByRole('table', { name: 'Wie verschuift' }).waitFor();
    await page.getByText(/diensten? veranderen?|dienst verandert/).waitFor();
    s.replanned = versionIdOf(page);
    await checkPage(page, 'replanned version with the diff');

    await page.getByRole('navigation').getByRole('link', { name: 'Capaciteit' }).click();
    await page.getByRole('heading', { level: 1, name: 'Capaciteit' }).waitFor();
    const police = page.getByRole('table', { name: 'Politie: vraag en beschikbare uren per week' });
    await police.waitFor({ timeout: 60_000 });
    expect(await police.getByRole('row').count()).toBe(13);
    await police.getByRole('row').nth(1).locator('summary').click();
    await checkPage(page, 'capacity dashboard with a drill-down open');
  });

  it('the police team lead sees the published roster, only their own unit', async () => {
    const { page } = b;
    await loginAs(page, 'politie');
    await page.getByRole('navigation').getByRole('link', { name: 'Roosters' }).click();
    await page.getByRole('heading', { level: 1, name: 'Roosters' }).waitFor();
    expect(await page.getByRole('button', { name: 'Planning starten' }).count()).toBe(0);
    const versions = page.getByRole('table', { name: 'Roosterversies, nieuwste eerst' });
    await versions.waitFor();
    // The replan after the sick report is a draft: only published versions are listed.
    expect(s.replanned).not.toBe(s.published);
    expect(await versions.locator(`a[href="/roosters/${s.replanned}"]`).count()).toBe(0);
    await checkPage(page, 'rosters (police team lead)');
    await versions.locator(`a[href="/roosters/${s.published}"]`).click();
    const units = page.getByRole('table', { name: 'Eenheden met hun ingezette medewerkers' });
    await units.waitFor();
    expect(await units.getByRole('rowheader').allInnerTexts()).toEqual(['Bewakingseenheid team 1']);
    expect(await page.getByRole('heading', { name: 'Tekorten' }).count()).toBe(0);
    await checkPage(page, 'roster version (police team lead)');
    await units.getByRole('link', { name: 'Bewakingseenheid team 1' }).click();
    await page.getByRole('table', { name: /^Tijdlijn van/ }).waitFor();
    await checkPage(page, 'unit timeline (police team lead)');
  });
});
