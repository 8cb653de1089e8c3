import { readFile } from 'node:fs/promises';
import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { useBrowser } from './support/browser.js';
import { checkPage, loginAs } from './support/session.js';
import { openCaseTab } from './support/case-tabs.js';

/**
 * Letters and objection in the browser (issue 12 items 3 and 8): the liaison drafts the decision
 * letter of a demo case with active measures; a decision maker (a second person) approves it; the
 * PDF downloads and its text names the package, the review date and the objection term; the
 * liaison records an objection and its statutory deadline shows, also in the decision maker's
 * "Voor mij". axe runs on every page state.
 */
describe('letters and objection', () => {
  const b = useBrowser();
  let caseUrl = '';

  it('the liaison drafts the decision letter; a decision maker approves it; the PDF reads right', async () => {
    const { page } = b;
    await loginAs(page, 'liaison', '/?fase=measures_active');
    await page.getByRole('table').getByRole('link').first().click();
    await openCaseTab(page, 'Brieven en bezwaar');
    const letters = page.getByRole('region', { name: 'Brieven' });
    await letters.waitFor();
    caseUrl = new URL(page.url()).pathname;
    await letters.getByLabel('Soort brief').selectOption('decision_letter');
    // Issue 12 item 4: the addressee is picked from the person file, not typed.
    await letters.getByLabel('Geadresseerde (uit het persoonsdossier)', { exact: true }).selectOption({ index: 1 });
    await letters.getByLabel('Adres', { exact: true }).waitFor();
    await letters.getByRole('button', { name: 'Brief opstellen' }).click();
    await letters.getByText('De brief is opgesteld. Een tweede persoon moet hem nog goedkeuren.').waitFor();
    await letters.getByRole('cell', { name: 'Concept, wacht op goedkeuring' }).first().waitFor();
    // The drafter cannot approve: the liaison gets no approve button at all.
    expect(await letters.getByRole('button', { name: /goedkeuren en versturen/ }).count()).toBe(0);
    await checkPage(page, 'case with a drafted letter');

    await loginAs(page, 'besluit', caseUrl);
    await openCaseTab(page, 'Brieven en bezwaar');
    const approverLetters = page.getByRole('region', { name: 'Brieven' });
    await approverLetters.getByRole('button', { name: /^Besluitbrief aan de beveiligde persoon van .* goedkeuren en versturen$/ }).first().click();
    await approverLetters.getByText('De brief is goedgekeurd en verstuurd.').waitFor();
    await approverLetters.getByRole('cell', { name: 'Goedgekeurd en verstuurd' }).first().waitFor();
    await checkPage(page, 'case with an approved letter');

    const [download] = await Promise.all([page.waitForEvent('download'), approverLetters.getByRole('link', { name: /^PDF van Besluitbrief/ }).first().click()]);
    const bytes = await readFile((await download.path())!);
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toMatch(/beschermingsniveau R[1-4]/);
    expect(flat).toContain('niet onderhandelen');
    expect(flat).toMatch(/Wij kijken uiterlijk op \d{1,2} [a-z]+ \d{4} opnieuw/);
    expect(flat).toMatch(/Uw bezwaar moet uiterlijk op \d{1,2} [a-z]+ \d{4} bij ons binnen zijn/);
  });

  it('the liaison records an objection; its deadline shows, and the decision maker finds it in "Voor mij"', async () => {
    const { page } = b;
    await loginAs(page, 'liaison', caseUrl);
    await openCaseTab(page, 'Brieven en bezwaar');
    const objections = page.getByRole('region', { name: 'Bezwaar en beroep' });
    await objections.waitFor();
    await objections.getByLabel('De werkgever').check();
    await objections.getByLabel('Gronden van het bezwaar').fill('De werkgever vindt de maatregelen op het werk te zwaar.');
    await objections.getByRole('button', { name: 'Bezwaar vastleggen' }).click();
    await objections.getByText('Vastgelegd.').waitFor();
    const item = objections.getByRole('article', { name: /^Bezwaar van de werkgever, ontvangen op / });
    await item.getByText(/^Op tijd ingediend \(termijn tot en met /).waitFor();
    await item.getByText(/^Beslissen op het bezwaar uiterlijk op \d{1,2} [a-z]+ \d{4}$/).waitFor();
    await checkPage(page, 'case with an objection');

    await loginAs(page, 'besluit', '/voor-mij');
    const queue = page.getByRole('region', { name: /^Bezwaren/ });
    await queue.getByRole('rowheader').first().waitFor();
    await checkPage(page, 'voor mij with an objection');
  });
});
