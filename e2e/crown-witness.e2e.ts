import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowser } from './support/browser.js';
import { checkPage, loginAs } from './support/session.js';
import { openCaseTab } from './support/case-tabs.js';

/**
 * Crown witnesses in the browser (issue 14 items 3–5): the OM opens its page and the demo case
 * whose decision still waits for approval; the authority weighs the crown-witness inventory, a
 * second decision maker tests the weighing; "deal public" is refused (and audited) while the
 * measures the inventory requires are not active, and accepted once the decision is approved.
 * axe runs on every page.
 */
describe('the crown-witness track', () => {
  const b = useBrowser();
  let casePath = '';
  const panel = (page: Page) => page.getByRole('region', { name: 'Kroongetuige en nevengeschikte belangen' });

  it('the OM finds its crown-witness cases and sees the gate closed', async () => {
    const { page } = b;
    await loginAs(page, 'om', '/kroongetuigen');
    await page.getByRole('heading', { level: 1, name: 'Kroongetuigen en afstemming met het OM' }).waitFor();
    const table = page.getByRole('table', { name: 'Casussen met afstemming' });
    await table.waitFor();
    await checkPage(page, 'OM coordination page');
    const row = table.getByRole('row').filter({ hasText: 'Besluit wacht op goedkeuring' }).first();
    await row.getByRole('link').click();
    await openCaseTab(page, 'Kroongetuige en OM');
    await panel(page).getByRole('heading', { name: 'Kroongetuigentraject' }).waitFor();
    casePath = new URL(page.url()).pathname;
    await panel(page).getByText('er is geen belangenafweging van de huidige inventarisatie').waitFor();
    await panel(page).getByText('niet alle benodigde maatregelen zijn actief voor iedereen in beeld').waitFor();
    await checkPage(page, 'case page with the crown-witness panel (OM)');
  });

  it('the authority weighs the inventory and a second decision maker tests the weighing', async () => {
    const { page } = b;
    await loginAs(page, 'besluit', `${casePath}?tab=kroongetuige`);
    const form = panel(page).getByRole('form', { name: 'Nieuwe belangenafweging' });
    await form.getByLabel('Beveiligingsbelang').fill('De veiligheid van getuige en naaste moet gewaarborgd zijn.');
    await form.getByLabel('Opsporings- en vervolgingsbelang').fill('Zonder de verklaringen blijft de top buiten bereik.');
    await form.getByLabel('Uitkomst').selectOption('proceed_with_conditions');
    await form.getByLabel('Motivering').fill('Maatregelen haalbaar; deal alleen met actieve maatregelen.');
    // ADR 0030: a colleague of the case's team is picked, an outsider named with their organisation.
    await form.getByRole('group', { name: 'Deelnemers uit het casusteam' }).getByLabel('Otto Officier (Openbaar Ministerie)').check();
    await form.getByLabel('Externe deelnemers').fill('Jan de Vries (POLICE)');
    await form.getByRole('button', { name: 'Belangenafweging vastleggen' }).click();
    await panel(page).getByText('Nog niet getoetst door een onafhankelijke toetser.').waitFor();
    // The author may not test their own weighing: no review form for them.
    expect(await panel(page).getByRole('form', { name: 'Toetsing' }).count()).toBe(0);
    await checkPage(page, 'case page after the weighing (author)');

    await loginAs(page, 'besluit2', `${casePath}?tab=kroongetuige`);
    const review = panel(page).getByRole('form', { name: 'Toetsing' });
    await review.getByLabel('Toetsing').selectOption('upheld');
    await review.getByLabel('Bevindingen').fill('Zorgvuldig gewogen, ethiek expliciet meegenomen.');
    await review.getByRole('button', { name: 'Toetsing vastleggen' }).click();
    await panel(page).getByText('Bevestigd: Zorgvuldig gewogen, ethiek expliciet meegenomen.').waitFor();
    await checkPage(page, 'case page after the review');
  });

  it('"deal public" is refused while the measures are inactive, and accepted once the decision is approved', async () => {
    const { page } = b;
    await loginAs(page, 'om', `${casePath}?tab=kroongetuige`);
    const gate = panel(page).getByRole('form', { name: 'Openbaarmaking van de deal' });
    await gate.getByLabel('Toelichting').fill('De deal wordt op de zitting openbaar.');
    await gate.getByRole('button', { name: 'Deal openbaar maken' }).click();
    await gate.getByText('Geweigerd: de deal mag nog niet openbaar worden. Deze poging is vastgelegd in de auditlog.').waitFor();
    await checkPage(page, 'deal public refused');

    await loginAs(page, 'besluit2', `${casePath}?tab=acties`);
    await page.getByLabel('Toelichting bij goedkeuring (optioneel)').fill('Akkoord, vier ogen.');
    await page.getByRole('button', { name: 'Besluit goedkeuren' }).click();
    await page.getByText('Maatregelen actief').first().waitFor();

    await loginAs(page, 'om', `${casePath}?tab=kroongetuige`);
    await panel(page).getByText('Aan alle voorwaarden is voldaan: de deal mag openbaar worden.').waitFor();
    const open = panel(page).getByRole('form', { name: 'Openbaarmaking van de deal' });
    await open.getByLabel('Toelichting').fill('De deal wordt op de zitting openbaar.');
    await open.getByRole('button', { name: 'Deal openbaar maken' }).click();
    await panel(page).getByText(/^Deal openbaar sinds /).waitFor();
    await checkPage(page, 'deal public accepted');
  });
});
