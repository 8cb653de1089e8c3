import { describe, expect, it } from 'vitest';
import { useBrowser } from './support/browser.js';
import { acceptAndTask, openAssignment } from './support/assignments.js';
import { checkPage, loginAs } from './support/session.js';
import { openCaseTab } from './support/case-tabs.js';

/**
 * From an approved package to the executing unit (issue 11): the second decision maker approves a
 * demo decision → the assignment is new in the LCC inbox → the LCC accepts it, tasks the police
 * unit be-1 and records a concept → the police team lead (be-1) sees only the operational extract
 * and acknowledges → the LCC sees the acknowledgement. Every page is axe clean.
 */
const shared: { reference?: string; caseUrl?: string } = {};
const reference = () => {
  if (!shared.reference) throw new Error('the approval test did not run');
  return shared.reference;
};
const BE_1 = 'Bewakingseenheid team 1';

describe('security assignments in the browser', () => {
  const b = useBrowser();

  it('approving a decision issues an assignment that is new in the LCC inbox', async () => {
    const { page } = b;
    await loginAs(page, 'besluit2');
    // The oldest pending demo decision: other specs leave newer proposals pending (e.g. one with
    // refused cooperation, whose package has no executing measures and so issues no assignment).
    const pending = page.getByRole('row').filter({ hasText: 'Besluit wacht op goedkeuring' }).last();
    await pending.getByRole('link').click();
    shared.reference = (await page.getByRole('heading', { level: 1 }).innerText()).trim();
    shared.caseUrl = new URL(page.url()).pathname;
    await openCaseTab(page, 'Acties');
    await page.getByLabel('Toelichting bij goedkeuring (optioneel)').fill('Akkoord, vier ogen.');
    await page.getByRole('button', { name: 'Besluit goedkeuren' }).click();
    await page.getByText(/^Fase: Maatregelen actief ·/).waitFor();
    await openCaseTab(page, 'Team en opdracht');
    const section = page.getByRole('region', { name: 'Beveiligingsopdracht' });
    await section.getByText(/^Status: Nieuw/).waitFor();
    await checkPage(page, 'case page with the assignment section (decision maker)');

    await openAssignment(page, reference(), true);
    await page.getByText(/^Status: Nieuw ·/).waitFor();
    await page.getByText('Eerste versie: alles is nieuw.').waitFor();
    await checkPage(page, 'assignment page, new');
  });

  it('the LCC accepts, tasks be-1 and records the concept for the home', async () => {
    const { page } = b;
    await acceptAndTask(page, reference(), [BE_1]);
    await page.getByText(/nog niet bevestigd — wacht \d+ uur/).waitFor();
    const concept = 'Vaste post bij de voordeur; camerabeelden naar de meldkamer (synthetisch).';
    await page.getByLabel('Gekozen concept voor Woning').fill(concept);
    await page.getByRole('button', { name: 'Concept voor Woning vastleggen' }).click();
    await page.getByRole('form', { name: 'Woning' }).getByRole('status').filter({ hasText: 'Opgeslagen.' }).waitFor();
    await checkPage(page, 'assignment page, accepted and tasked');
    await page.goto('/opdrachten');
    await page.getByTestId('assignment-counts').getByText(/Niet bevestigd door eenheden: [1-9]/).waitFor();
    await checkPage(page, 'LCC inbox after tasking');
  });

  it('the police team lead of be-1 sees only the operational extract and acknowledges', async () => {
    const { page } = b;
    await loginAs(page, 'politie', '/mijn-opdrachten');
    await page.getByRole('heading', { level: 1, name: 'Mijn opdrachten' }).waitFor();
    await checkPage(page, 'my assignments (police team lead)');
    await page.getByRole('link', { name: reference(), exact: true }).click();
    await page.getByRole('heading', { level: 1, name: `Operationeel uittreksel ${reference()}` }).waitFor();
    await page.getByRole('region', { name: 'Te beveiligen persoon' }).getByText('Naam').waitFor();
    await page.getByText('Vaste post bij de voordeur', { exact: false }).waitFor();
    for (const withheld of ['Aanmelding', 'Triage', 'Dreigingsinschattingen', 'Besluit', 'Personen', 'Team']) {
      expect(await page.getByRole('region', { name: withheld, exact: true }).count(), `${withheld} withheld`).toBe(0);
    }
    await checkPage(page, 'operational extract');
    await page.getByRole('button', { name: 'Ontvangst bevestigen' }).click();
    await page.getByText(/^Uw eenheid heeft versie \d+ bevestigd\.$/).waitFor();
    await checkPage(page, 'operational extract, acknowledged');

    await page.goto(shared.caseUrl!);
    await page.getByText(/^Fase: Maatregelen actief ·/).waitFor();
    for (const withheld of ['Personen', 'Aanmelding', 'Triage', 'Besluit', 'Team', 'Tijdlijn']) {
      expect(await page.getByRole('region', { name: withheld, exact: true }).count(), `${withheld} withheld on the case page`).toBe(0);
    }
    await checkPage(page, 'case page (police team lead, through the assignment)');
  });

  it('the LCC sees the acknowledgement', async () => {
    const { page } = b;
    await openAssignment(page, reference());
    await page.getByRole('region', { name: 'Uitvoerende eenheden' }).getByText(/^Bewakingseenheid team 1 \(Politie\): versie \d+ bevestigd op/).waitFor();
    expect(b.pageErrors.map((e) => e.message)).toEqual([]);
  });
});
