import { afterAll, describe, expect, it } from 'vitest';
import { launchBrowser, baseUrl, useBrowser } from './support/browser.js';
import { fillDraft, finalise, inDays, moveServerClock, openDafPage, recordChallenge, registerItem, startDraft, submitForChallenge } from './support/daf.js';
import { checkPage, loginAs } from './support/session.js';

/**
 * The threat analysis function in the browser (issue 4): an analyst builds an assessment with two
 * products, one soft item, one gap, two scenarios and an assumption; a second analyst challenges
 * with dissent; the author finalises; the decision maker sees the dissent and only the product
 * content released to the authority; once the assumption's re-test date has passed on the
 * (test-only, adjustable) server clock, the case shows "re-assessment due".
 */
const shared: { casePath?: string; dafPath?: string } = {};
const dafPath = () => shared.dafPath ?? '/';
const ADVANCE_DAYS = 11;

describe('DAF threat assessment in the browser', () => {
  const b = useBrowser();

  afterAll(async () => {
    // Other specs share this server: put its clock back to real time.
    const browser = await launchBrowser();
    const page = await (await browser.newContext({ baseURL: baseUrl(), locale: 'nl-NL' })).newPage();
    await loginAs(page, 'analist');
    await moveServerClock(page, { reset: true });
    await browser.close();
  });

  it('an analyst registers two products and soft information and writes the draft', async () => {
    const { page } = b;
    await loginAs(page, 'analist', '/?fase=in_assessment');
    await page.getByRole('table').getByRole('link').first().click();
    await page.getByText(/^Fase: In analyse ·/).waitFor();
    shared.casePath = new URL(page.url()).pathname;
    await openDafPage(page);
    shared.dafPath = new URL(page.url()).pathname;
    await checkPage(page, 'DAF page, empty');

    await page.getByRole('form', { name: 'Informatie registreren' }).getByRole('button', { name: 'Informatie registreren' }).click();
    await page.getByRole('alert').filter({ hasText: 'Controleer de volgende velden' }).waitFor();
    await checkPage(page, 'DAF page, item form with errors');

    await registerItem(page, { kind: 'Informatieproduct', originator: 'Politie', framework: 'Wet politiegegevens (Wpg)', article: 'art. 19', reference: 'POL-2026-117', classification: 'Stg. Confidentieel', release: 'DAF en bevoegd gezag (NCTV)', reliability: 'B', credibility: '2', title: 'Tapverslag netwerk', content: 'Netwerk bespreekt de woonplaats van de betrokkene (synthetisch).' });
    await registerItem(page, { kind: 'Informatieproduct', originator: 'AIVD', framework: 'Wet op de inlichtingen- en veiligheidsdiensten 2017', article: 'art. 66', reference: 'AIVD-BR-2026-9', classification: 'Stg. Geheim', release: 'Alleen DAF-analisten', reliability: 'A', credibility: '1', title: 'Ambtsbericht opdrachtgever', content: 'Opdrachtgever verblijft in het buitenland (synthetisch).' });
    await registerItem(page, { kind: 'Zachte informatie', source: 'buurman', classification: 'Dep. Vertrouwelijk', release: 'DAF en bevoegd gezag (NCTV)', reliability: 'F', credibility: '3', title: 'Auto bij de woning', content: 'Onbekende auto stond twee avonden bij de woning (synthetisch).' });

    await startDraft(page);
    await fillDraft(page, {
      motivation: 'Concrete dreiging vanuit een crimineel netwerk; eigen weerstand beperkt (synthetisch).',
      scenarios: [
        { actor: 'Crimineel netwerk', target: 'Woning' },
        { actor: 'Ingehuurde dader', target: 'Route naar het werk' },
      ],
      assumption: { statement: 'De opdrachtgever blijft in het buitenland', retestOn: inDays(10) },
      gap: 'Geen zicht op de financiering van de opdracht',
    });
    await checkPage(page, 'DAF page, draft saved');
    await submitForChallenge(page);
    expect(b.pageErrors.map((e) => e.message)).toEqual([]);
  });

  it('a second analyst records dissent; the author responds and finalises', async () => {
    const { page } = b;
    await loginAs(page, 'analist2', dafPath());
    await recordChallenge(page, 'Afwijkende mening', 'Scenario twee steunt alleen op zachte informatie; de kans is eerder mogelijk dan waarschijnlijk.');
    await checkPage(page, 'DAF page, challenged');

    await loginAs(page, 'analist', dafPath());
    await finalise(page, inDays(120), 'Scenario twee blijft waarschijnlijk: de zachte informatie past bij het tapverslag.');
    await checkPage(page, 'DAF page, final');
    await page.goto(shared.casePath!);
    await page.getByText(/^Fase: Dreiging ingeschat ·/).waitFor();
  });

  it('the decision maker sees the judgement and the dissent, but not the AIVD content', async () => {
    const { page } = b;
    await loginAs(page, 'besluit', dafPath());
    const current = page.getByRole('region', { name: 'Vastgestelde inschatting' });
    await current.getByText('Afwijkende mening van Bram Tegenspraak', { exact: false }).waitFor();
    await current.getByText('Scenario twee blijft waarschijnlijk', { exact: false }).waitFor();
    expect(await current.getByText('Waarderingen volgens het methodesjabloon').count()).toBe(0);
    const register = page.getByRole('region', { name: 'Informatieregister' });
    await register.getByText('Netwerk bespreekt de woonplaats', { exact: false }).waitFor();
    expect(await register.getByText('Opdrachtgever verblijft in het buitenland', { exact: false }).count()).toBe(0);
    await register.getByText('Inhoud niet vrijgegeven door de verstrekker').waitFor();
    await register.getByText('A1').waitFor();
    expect(await page.getByRole('form', { name: 'Informatie registreren' }).count()).toBe(0);
    await checkPage(page, 'DAF page (decision maker)');
  });

  it('after the assumption re-test date passes, the case shows re-assessment due', async () => {
    const { page } = b;
    await loginAs(page, 'besluit', shared.casePath!);
    expect(await page.getByText('Herbeoordeling nodig').count()).toBe(0);
    await moveServerClock(page, { advanceDays: ADVANCE_DAYS });
    await page.goto('about:blank');
    // Moving the clock ends the session (idle time): log in again.
    await loginAs(page, 'besluit', shared.casePath!);
    await page.getByText('Herbeoordeling nodig').waitFor();
    await page.getByText('Aanname “De opdrachtgever blijft in het buitenland” moest worden hertoetst', { exact: false }).waitFor();
    await checkPage(page, 'case page, re-assessment due');
    await page.goto('/?fase=assessed');
    await page.getByRole('table').getByText('herbeoordeling nodig').first().waitFor();
    await checkPage(page, 'overview, re-assessment due');
  });

  it('the inspector sees, per decision, the assessment version and what the team could see then', async () => {
    const { page } = b;
    await loginAs(page, 'inspectie', '/?fase=measures_active');
    await page.getByRole('table').getByRole('link').first().click();
    await openDafPage(page);
    await page.getByRole('button', { name: 'Grondslag van besluit 1 tonen' }).click();
    const basis = page.getByRole('region', { name: 'Besluitgrondslag' });
    await basis.getByRole('table', { name: 'Zichtbaarheid op dat moment' }).waitFor();
    await basis.getByText('Versie van de inschatting').waitFor();
    await checkPage(page, 'DAF page, decision basis (inspector)');
  });

  it('executing units see nothing of the DAF', async () => {
    const { page } = b;
    await loginAs(page, 'politie', dafPath());
    await page.getByRole('heading', { level: 1, name: 'Casus niet gevonden' }).waitFor();
    await checkPage(page, 'DAF page (police team lead)');
  });
});
