import { describe, expect, it } from 'vitest';
import { useBrowser } from './support/browser.js';
import { checkPage, loginAs } from './support/session.js';

/**
 * The person's agenda and the master data in the browser (issue 11 items 3 and 5): the liaison
 * opens a demo case with active measures, sees the agenda the demo recorded, is refused an
 * overlapping activity with a Dutch explanation per item (nothing saved), and saves a new version;
 * the LCC coordinator sees the units and officers, records an absence, previews a bad CSV with errors per row and
 * column, then previews and confirms a good one. axe runs on every page.
 */
const inDays = (days: number): string => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
/** A date as the Dutch screens write it ("3 december 2026"). */
const dutchDate = (iso: string): string => new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));

describe('the agenda and the master data', () => {
  const b = useBrowser();

  it('the liaison records the agenda: an overlap is refused per item, a good change is a new version', async () => {
    const { page } = b;
    await loginAs(page, 'liaison', '/?fase=measures_active');
    await page.getByRole('table').getByRole('link').first().click();
    await page.getByRole('link', { name: 'Agenda van de persoon' }).click();
    await page.getByRole('heading', { level: 1, name: 'Agenda van de te beveiligen persoon' }).waitFor();
    const table = page.getByRole('table', { name: /^Activiteiten \(versie \d+\)$/ });
    await table.getByRole('rowheader', { name: 'Werk' }).or(table.getByRole('rowheader', { name: 'Sporten' })).first().waitFor();
    const version = Number((await table.locator('caption').innerText()).match(/versie (\d+)/)?.[1]);
    // The posts next week's agenda yields under the active measures, with the rules in Dutch.
    await page.getByRole('heading', { level: 2, name: /^Posten in de week van / }).waitFor();
    await checkPage(page, 'agenda');

    // An activity at night overlaps the person being at home: refused, with the item named.
    await page.getByLabel('Activiteit', { exact: true }).fill('Vroeg ontbijt');
    await page.getByLabel('Domein').selectOption('private');
    await page.getByLabel('Begin').fill('00:30');
    await page.getByLabel('Einde').fill('01:00');
    for (const day of ['maandag', 'dinsdag']) await page.getByLabel(day).check();
    await page.getByRole('button', { name: 'Toevoegen aan de agenda' }).click();
    await page.getByRole('button', { name: 'Agenda opslaan' }).click();
    await page.getByText('De agenda is niet opgeslagen. Er is niets gewijzigd.').waitFor();
    await page.getByText(/Vroeg ontbijt\): overlapt in tijd met een andere activiteit van de persoon/).waitFor();
    await checkPage(page, 'agenda with item errors');

    // Remove it again, add a one-off evening appointment that fits, save: a new version.
    await page.getByRole('button', { name: 'Verwijder Vroeg ontbijt' }).click();
    await page.getByLabel('Activiteit', { exact: true }).fill('Ouderavond school');
    await page.getByLabel('Soort plaats').selectOption('school');
    await page.getByLabel('Begin').fill('21:00');
    await page.getByLabel('Einde').fill('21:45');
    await page.getByLabel('Eenmalig').check();
    await page.getByLabel('Datum').fill(inDays(10));
    await page.getByRole('button', { name: 'Toevoegen aan de agenda' }).click();
    await page.getByRole('button', { name: 'Agenda opslaan' }).click();
    await page.getByText(`De agenda is opgeslagen als versie ${version + 1}.`).waitFor();
    await page.getByText(new RegExp(`^Versie ${version + 1} — .* — Contactpersoon beveiligde persoon: 1 toegevoegd, 0 gewijzigd, 0 verwijderd$`)).waitFor();
    await checkPage(page, 'agenda saved');
  });

  it('the LCC sees units and officers, and imports a CSV after a preview; a bad file changes nothing', async () => {
    const { page } = b;
    await loginAs(page, 'lcc');
    await page.getByRole('navigation').getByRole('link', { name: 'Eenheden' }).click();
    await page.getByRole('heading', { level: 1, name: 'Uitvoerende eenheden' }).waitFor();
    await page.getByRole('table', { name: /^30 eenheden met samen 1\.200 medewerkers$/ }).waitFor();
    await checkPage(page, 'units');

    await page.getByRole('navigation').getByRole('link', { name: 'Medewerkers' }).click();
    await page.getByRole('heading', { level: 1, name: 'Medewerkers' }).waitFor();
    await page.getByRole('table', { name: '60 medewerkers van DKDB team 1' }).waitFor();
    await checkPage(page, 'officers');

    // Leave or unavailability: dates and a reason category only.
    const name = (await page.getByLabel('Medewerker', { exact: true }).locator('option:checked').innerText()).trim();
    await page.getByLabel('Van', { exact: true }).fill(inDays(3));
    await page.getByLabel('Tot en met', { exact: true }).fill(inDays(4));
    await page.getByLabel('Reden').selectOption('training');
    await page.getByRole('button', { name: 'Afwezigheid opslaan' }).click();
    await page.getByText(`De afwezigheid van ${name} is opgeslagen.`).waitFor();
    await page.getByRole('table', { name: '60 medewerkers van DKDB team 1' }).getByRole('cell', { name: new RegExp(`opleiding ${dutchDate(inDays(3))} t/m ${dutchDate(inDays(4))}`) }).first().waitFor();
    await checkPage(page, 'officers with an absence');

    const header = 'officer_id,display_name,unit_id,team,qualifications,contract';
    await page.getByLabel('Of plak de inhoud').fill(`${header}\ne2e-1,Eef Tweede,bb-2,Team E2E,driver|armed,fulltime-36\ne2e-2,,bb-99,,vliegen,fulltime-99\n`);
    await page.getByRole('button', { name: 'Voorbeeld bekijken' }).click();
    await page.getByText('Het bestand heeft 4 fout(en). Er is niets geïmporteerd.').waitFor();
    const errors = page.getByRole('table', { name: /Fouten per regel en kolom/ });
    expect(await errors.getByRole('rowheader').allInnerTexts()).toEqual(['3', '3', '3', '3']);
    await checkPage(page, 'import with errors');

    await page.getByLabel('Of plak de inhoud').fill(`${header}\r\ne2e-1,Eef Tweede,bb-2,Team E2E,driver|armed,fulltime-36\r\n`);
    await page.getByRole('button', { name: 'Voorbeeld bekijken' }).click();
    await page.getByText('1 regels zonder fouten: 1 nieuw, 0 bijgewerkt. Er is nog niets gewijzigd.').waitFor();
    await page.getByRole('button', { name: 'Importeer 1 medewerkers' }).click();
    await page.getByText('Geïmporteerd: 1 regels (1 nieuw, 0 bijgewerkt).').waitFor();
    await page.getByLabel('Eenheid').selectOption('bb-2');
    await page.getByRole('table', { name: /medewerkers van B&B-team Oost-Nederland/ }).getByRole('rowheader', { name: 'Eef Tweede' }).waitFor();
    await checkPage(page, 'officers after import');
  });
});
