import { readFile } from 'node:fs/promises';
import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { useBrowser } from './support/browser.js';
import { checkPage, loginAs } from './support/session.js';
import { openCaseTab } from './support/case-tabs.js';
import { caseInForceThroughApi } from './support/api-case.js';

/**
 * Issue 12's check as one chain, on a case of its own (made through the API, so no other spec's
 * changes to the demo data matter): the liaison logs a contact (and corrects it) → drafts the
 * decision letter → a second person approves it → the PDF downloads and reads right → an
 * objection is lodged and its deadline shows → the case as of a moment after the objection shows
 * the decision under objection and what the person had been told by then, not what came later.
 * axe runs on every page state visited.
 */
const TOLD = 'Wij hebben u uitgelegd dat het pakket op maat is gemaakt en niet onderhandelbaar is (synthetisch, e2e).';
const LATER = 'Na het bezwaar hebben wij de hoorzitting toegelicht (synthetisch, e2e).';
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const shared: { casePath?: string; afterObjection?: string } = {};

async function logContact(panel: Locator, discussed: string, message: string) {
  await panel.getByLabel('Wie sprak').fill('Betrokkene en liaison');
  await panel.getByLabel('Besproken').fill(discussed);
  await panel.getByLabel('Er is informatie aan de persoon gegeven').check();
  await panel.getByLabel('Soort informatie').selectOption('package_offer');
  await panel.getByLabel('Wat is verteld of verstuurd').fill(message);
  await panel.getByRole('button', { name: 'Contact vastleggen' }).click();
  await panel.getByText('Het contact is vastgelegd.').waitFor();
}

async function openContact(page: Page): Promise<Locator> {
  await openCaseTab(page, 'Contact');
  const panel = page.getByRole('region', { name: 'Contact met betrokkene' });
  await panel.getByText(/^Besluit van kracht: weerstandsniveau R[1-4]/).waitFor();
  return panel;
}

describe('the person central, one chain (issue 12)', () => {
  const b = useBrowser();

  it('the liaison logs a contact on a case of its own, and corrects it (the original stays, marked)', async () => {
    const { page } = b;
    const made = await caseInForceThroughApi(page, `Keten Persoon ${Date.now().toString(36)}`);
    shared.casePath = `/casussen/${made.caseId}`;
    await loginAs(page, 'liaison', shared.casePath);
    const panel = await openContact(page);
    await logContact(panel, 'Het besluit en het pakket besproken.', TOLD);
    await panel.getByRole('list', { name: 'Wat de persoon is verteld' }).getByText(TOLD, { exact: false }).waitFor();
    await checkPage(page, 'chain: contact logged');

    await panel.getByRole('button', { name: /^Contact 1 van .* corrigeren$/ }).click();
    const reason = panel.getByLabel('Reden van de correctie');
    await reason.waitFor();
    await panel.getByLabel('Vraag van de persoon').fill('Of de partner ook met iemand kan praten.');
    await reason.fill('De vraag van de persoon ontbrak.');
    await checkPage(page, 'chain: correcting a contact');
    await panel.getByRole('button', { name: 'Correctie vastleggen' }).click();
    await panel.getByText('De correctie is vastgelegd.', { exact: false }).waitFor();
    await panel.getByText(/^Gecorrigeerd door Lotte Liaison op .*\. Reden: De vraag van de persoon ontbrak\.$/).waitFor();
    await panel.getByText(/^Correctie van het contact van .*\. Reden: De vraag van de persoon ontbrak\.$/).waitFor();
    await checkPage(page, 'chain: contact corrected');
  });

  it('the liaison drafts the decision letter; a second person approves it; the PDF reads right', async () => {
    const { page } = b;
    await loginAs(page, 'liaison', `${shared.casePath!}?tab=brieven`);
    const letters = page.getByRole('region', { name: 'Brieven' });
    await letters.getByLabel('Soort brief').selectOption('decision_letter');
    await letters.getByLabel('Adres', { exact: true }).fill('Ketenstraat 1\n1234 AB Ergens');
    await letters.getByRole('button', { name: 'Brief opstellen' }).click();
    await letters.getByText('De brief is opgesteld. Een tweede persoon moet hem nog goedkeuren.').waitFor();
    expect(await letters.getByRole('button', { name: /goedkeuren en versturen/ }).count(), 'the drafter cannot approve').toBe(0);
    await checkPage(page, 'chain: letter drafted');

    await loginAs(page, 'besluit', `${shared.casePath!}?tab=brieven`);
    const approver = page.getByRole('region', { name: 'Brieven' });
    await approver.getByRole('button', { name: /^Besluitbrief aan de beveiligde persoon van .* goedkeuren en versturen$/ }).first().click();
    await approver.getByText('De brief is goedgekeurd en verstuurd.').waitFor();
    await checkPage(page, 'chain: letter approved');
    const [download] = await Promise.all([page.waitForEvent('download'), approver.getByRole('link', { name: /^PDF van Besluitbrief/ }).first().click()]);
    const bytes = await readFile((await download.path())!);
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toMatch(/beschermingsniveau R[1-4]/);
    expect(flat).toContain('niet onderhandelen');
    expect(flat).toMatch(/Wij kijken uiterlijk op \d{1,2} [a-z]+ \d{4} opnieuw/);
    expect(flat).toMatch(/Uw bezwaar moet uiterlijk op \d{1,2} [a-z]+ \d{4} bij ons binnen zijn/);
  });

  it('an objection is lodged and its deadline shows; a later contact follows', async () => {
    const { page } = b;
    await loginAs(page, 'liaison', `${shared.casePath!}?tab=brieven`);
    const objections = page.getByRole('region', { name: 'Bezwaar en beroep' });
    await objections.getByLabel('De beveiligde persoon').check();
    await objections.getByLabel('Gronden van het bezwaar').fill('De maatregelen zijn te zwaar voor het gezin (synthetisch, e2e).');
    await objections.getByRole('button', { name: 'Bezwaar vastleggen' }).click();
    await objections.getByText('Vastgelegd.').waitFor();
    const item = objections.getByRole('article', { name: /^Bezwaar van de beveiligde persoon, ontvangen op / });
    await item.getByText(/^Op tijd ingediend \(termijn tot en met /).waitFor();
    await item.getByText(/^Beslissen op het bezwaar uiterlijk op \d{1,2} [a-z]+ \d{4}$/).waitFor();
    await checkPage(page, 'chain: objection lodged');

    await pause(1500);
    shared.afterObjection = new Date().toISOString();
    await pause(1500);
    const panel = await openContact(page);
    await logContact(panel, 'De procedure na het bezwaar besproken.', LATER);
    await panel.getByRole('list', { name: 'Wat de persoon is verteld' }).getByText(LATER, { exact: false }).waitFor();
  });

  it('the case as of a moment after the objection: the decision under objection, and what the person had been told by then', async () => {
    const { page } = b;
    const asOf = encodeURIComponent(shared.afterObjection!);
    await loginAs(page, 'liaison', `${shared.casePath!}?asOf=${asOf}&tab=brieven`);
    const then = page.getByRole('region', { name: 'Bezwaar en beroep op dat moment' });
    await then.getByText(/^Het besluit van \d{1,2} [a-z]+ \d{4} stond onder bezwaar: bezwaar van de beveiligde persoon, ontvangen op \d{1,2} [a-z]+ \d{4}\. Beslissen op het bezwaar uiterlijk op \d{1,2} [a-z]+ \d{4}\.$/).waitFor();
    expect(await page.getByRole('button', { name: 'Bezwaar vastleggen' }).count(), 'no lodging in the past').toBe(0);
    await checkPage(page, 'chain: case as of after the objection (objection)');

    await openCaseTab(page, 'Contact');
    const past = page.getByRole('region', { name: 'Contact met betrokkene' });
    await past.getByText(/^Wat de persoon was verteld op /).waitFor();
    const told = past.getByRole('list', { name: 'Wat de persoon is verteld' });
    await told.getByText(TOLD, { exact: false }).first().waitFor();
    await told.getByText(/Pakket (aangeboden|gewijzigd)/).first().waitFor();
    expect(await past.getByText(LATER, { exact: false }).count(), 'the contact after the moment is not shown').toBe(0);
    await checkPage(page, 'chain: case as of after the objection (contact)');

    await openCaseTab(page, 'Afspraken, zorg en werkgever');
    await page.getByText(/^U ziet de afspraken, zorg en werkgeversplichten zoals ze waren op /).waitFor();
    await checkPage(page, 'chain: case as of after the objection (arrangements)');
  });
});
