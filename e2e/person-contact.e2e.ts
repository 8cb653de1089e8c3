import { describe, expect, it } from 'vitest';
import { useBrowser } from './support/browser.js';
import { checkPage, loginAs } from './support/session.js';
import { openCaseTab } from './support/case-tabs.js';

/**
 * One line of contact (issue 12 items 1 and 2): the liaison opens a demo case with measures in
 * force, logs what was told about the threat, then a message that contradicts the decision in
 * force (Hoeder warns; the liaison acknowledges), sees both on the timeline of what the person has
 * been told, and the case as of the moment between the two shows only the first. The liaison
 * records an address in the person's file; intake sees the duplicate-person warning. Axe clean.
 */
const shared: { caseUrl?: string; personName?: string } = {};
const BACKGROUND = 'Wij hebben u verteld dat de dreiging uit het criminele milieu komt (synthetisch).';
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the person central: contact log and what the person has been told', () => {
  const b = useBrowser();

  it('the liaison logs contacts, is warned about a contradiction, and the case as of a moment shows what had been told then', async () => {
    const { page } = b;
    await loginAs(page, 'liaison');
    await page.getByRole('row').filter({ hasText: 'Maatregelen actief' }).first().getByRole('link').click();
    await openCaseTab(page, 'Contact');
    const panel = page.getByRole('region', { name: 'Contact met betrokkene' });
    await panel.getByText(/^Besluit van kracht: weerstandsniveau R[1-4]/).waitFor();
    shared.caseUrl = new URL(page.url()).pathname;
    const level = (await panel.getByText(/^Besluit van kracht/).innerText()).match(/R([1-4])/)![1];
    const otherLevel = level === '4' ? 'R1' : 'R4';
    await checkPage(page, 'case page with the contact panel (liaison)');

    const logContact = async (discussed: string, message: string) => {
      await panel.getByLabel('Wie sprak').fill('Betrokkene en liaison');
      await panel.getByLabel('Besproken').fill(discussed);
      await panel.getByLabel('Er is informatie aan de persoon gegeven').check();
      await panel.getByLabel('Soort informatie').selectOption('threat_background');
      await panel.getByLabel('Wat is verteld of verstuurd').fill(message);
      await panel.getByRole('button', { name: 'Contact vastleggen' }).click();
    };

    await logContact('Achtergrond van de dreiging besproken.', BACKGROUND);
    await panel.getByText('Het contact is vastgelegd.').waitFor();
    await panel.getByRole('list', { name: 'Wat de persoon is verteld' }).getByText(BACKGROUND, { exact: false }).waitFor();
    await pause(1500);
    const between = new Date().toISOString();
    await pause(1500);

    const contradicting = `Uw beveiliging gaat naar weerstandsniveau ${otherLevel}.`;
    await logContact('Verwachting over het niveau besproken.', contradicting);
    const warning = panel.getByText('Dit bericht spreekt het besluit van kracht tegen');
    await warning.waitFor();
    await panel.getByText(new RegExp(`noemt weerstandsniveau ${otherLevel}; van kracht is R${level}`)).waitFor();
    await checkPage(page, 'contact panel with the contradiction warning');
    await panel.getByLabel('Ik heb de waarschuwing gelezen en leg dit contact toch vast').check();
    await panel.getByRole('button', { name: 'Contact vastleggen' }).click();
    await panel.getByText('Het contact is vastgelegd.').waitFor();
    const told = panel.getByRole('list', { name: 'Wat de persoon is verteld' });
    await told.getByText(contradicting, { exact: false }).waitFor();
    await panel.getByText(/^Waarschuwing voor tegenstrijdigheid gezien en bevestigd \(1\)$/).waitFor();
    expect(await told.getByText(/Pakket (aangeboden|gewijzigd)/).count()).toBeGreaterThan(0);

    await page.goto(`${shared.caseUrl}?asOf=${encodeURIComponent(between)}&tab=contact`);
    const past = page.getByRole('region', { name: 'Contact met betrokkene' });
    await past.getByText(/^Wat de persoon was verteld op /).waitFor();
    await past.getByText(BACKGROUND, { exact: false }).first().waitFor();
    expect(await past.getByText(contradicting, { exact: false }).count(), 'the later message is not in the as-of view').toBe(0);
    expect(await past.getByRole('button', { name: 'Contact vastleggen' }).count(), 'no form in the as-of view').toBe(0);
    await checkPage(page, 'case page as of a moment, with what had been told');
  });

  it("the liaison records an address in the person's file", async () => {
    const { page } = b;
    await loginAs(page, 'liaison', `${shared.caseUrl}?tab=contact`);
    const panel = page.getByRole('region', { name: 'Contact met betrokkene' });
    const person = panel.getByRole('listitem').filter({ hasText: 'Te beveiligen persoon' }).first().getByRole('link');
    shared.personName = (await person.innerText()).trim();
    await person.click();
    await page.getByRole('heading', { level: 1, name: shared.personName }).waitFor();
    await page.getByText('U ziet alle contactgegevens en adressen', { exact: false }).waitFor();
    await page.getByLabel('Omschrijving').fill('Woning');
    await page.getByLabel('Straat en huisnummer').fill('Synthetischelaan 12');
    await page.getByLabel('Postcode').fill('3511 AB');
    await page.getByLabel('Plaats').fill('Utrecht');
    await page.getByRole('button', { name: 'Contactgegevens vastleggen' }).click();
    await page.getByText('De contactgegevens zijn vastgelegd als nieuwe versie.').waitFor();
    await page.getByRole('cell', { name: 'Synthetischelaan 12' }).waitFor();
    await checkPage(page, "person's file (liaison)");
  });

  it('intake is warned about a likely duplicate person, may still register, and may link the known file', async () => {
    const { page } = b;
    await loginAs(page, 'triage', '/casussen/nieuw');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.getByLabel('Volledige naam').first().fill(shared.personName!);
    await page.getByText('Let op: mogelijk is deze persoon al bekend').waitFor();
    await page.getByText(new RegExp(`Persoon 1 lijkt op ${shared.personName!}`)).waitFor();
    expect(await page.getByRole('button', { name: 'Aanmelding registreren' }).first().isEnabled()).toBe(true);
    await checkPage(page, 'registration form with the duplicate warning');
    await page.getByRole('button', { name: `Persoon 1 koppelen aan het dossier van ${shared.personName!}` }).first().click();
    await page.getByText('Persoon 1 is gekoppeld aan een bekend persoonsdossier.').waitFor();
    await checkPage(page, 'registration form with a person linked to a known file');
  });
});
