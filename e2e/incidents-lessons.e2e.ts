import { describe, expect, it } from 'vitest';
import { useBrowser } from './support/browser.js';
import { checkPage, loginAs } from './support/session.js';
import { openCaseTab } from './support/case-tabs.js';

/**
 * Learning from practice (issue 14): the LCC records an incident on a case it holds the
 * assignment of → the case shows re-assessment due (the DAF's incident trigger) → the decision
 * maker evaluates it and records a lesson that asks for a rule change → a policy administrator
 * opens the policy draft from the lessons page, and the draft shows the lesson it came from; the
 * owner updates the follow-up, and a second decision maker releases the lesson (ADR 0030).
 * Every page is axe clean.
 */
const shared: { caseUrl?: string; lesson: string } = { lesson: `Meldingen in de avond direct doorzetten ${Date.now().toString(36)}` };
const caseUrl = () => {
  if (!shared.caseUrl) throw new Error('the incident test did not run');
  return shared.caseUrl;
};
/** A `datetime-local` value a minute ago, in the browser's (and this machine's) local time. */
const aMinuteAgo = () => {
  const d = new Date(Date.now() - 60_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
};

describe('incidents, evaluations and lessons in the browser', () => {
  const b = useBrowser();

  it('the LCC records an incident on a case it holds the assignment of', async () => {
    const { page } = b;
    await loginAs(page, 'lcc');
    const row = page.getByRole('row').filter({ hasText: 'Maatregelen actief' }).filter({ hasText: 'Dep. Vertrouwelijk' }).first();
    await row.getByRole('link').click();
    await page.getByText(/^Fase: Maatregelen actief ·/).waitFor();
    shared.caseUrl = new URL(page.url()).pathname;
    await openCaseTab(page, 'Incidenten en evaluaties');
    const section = page.getByRole('region', { name: 'Incidenten en evaluaties' });
    await section.getByLabel('Soort incident').selectOption('attempted_approach');
    await section.getByLabel('Moment van het incident').fill(aMinuteAgo());
    await section.getByLabel('Wat is er gebeurd').fill('Onbekende man probeerde bij de woning te komen (synthetisch).');
    await section.getByLabel('Plaats (optioneel)').fill('Woning');
    await section.getByRole('button', { name: 'Incident vastleggen' }).click();
    await section.getByText('Het incident is vastgelegd.').waitFor();
    await section.getByRole('cell', { name: 'Poging tot benadering' }).first().waitFor();
    await checkPage(page, 'case page with an incident (LCC)');
  });

  it('the case shows re-assessment due to the threat analyst', async () => {
    const { page } = b;
    await loginAs(page, 'analist', `${caseUrl()}?tab=incidenten`);
    const section = page.getByRole('region', { name: 'Incidenten en evaluaties' });
    await section.getByText(/^Herbeoordeling nodig: \d+ incident\(en\) na de vastgestelde dreigingsinschatting/).waitFor();
    await checkPage(page, 'case page, re-assessment due (analyst)');
  });

  it('the decision maker evaluates the incident and records a lesson that asks for a rule change', async () => {
    const { page } = b;
    await loginAs(page, 'besluit', `${caseUrl()}?tab=incidenten`);
    const section = page.getByRole('region', { name: 'Incidenten en evaluaties' });
    await section.getByLabel('Aanleiding').selectOption('incident');
    const incident = section.getByLabel('Incident', { exact: true });
    await incident.selectOption({ index: 1 });
    await section.getByRole('button', { name: 'Evaluatie starten' }).click();
    const evaluation = section.getByRole('article').first();
    await evaluation.getByRole('heading', { name: /^Evaluatie na incident ·/ }).waitFor();
    await evaluation.getByLabel('Wat is er gebeurd, volgens deze partner?').fill('De melding bereikte de eenheid pas de volgende ochtend.');
    await evaluation.getByRole('button', { name: 'Bijdrage vastleggen' }).click();
    await evaluation.getByText(/^NCTV: De melding bereikte/).waitFor();
    await evaluation.getByLabel('Les', { exact: true }).fill(shared.lesson);
    await evaluation.getByLabel('Bevinding').fill('Meldingen buiten kantoortijd bleven liggen tot de volgende ochtend.');
    await evaluation.getByLabel('Eigenaar').selectOption('LCC');
    await evaluation.getByLabel('Opvolging').fill('Piketregeling voor meldingen aanpassen.');
    await evaluation.getByLabel('Uiterlijk').fill('2027-06-01');
    await evaluation.getByLabel('Deze les vraagt om een wijziging van het pakketbeleid').check();
    await evaluation.getByRole('button', { name: 'Les vastleggen' }).click();
    await evaluation.getByText(shared.lesson).waitFor();
    await checkPage(page, 'case page with an evaluation and a lesson (decision maker)');
  });

  it('a policy administrator opens the policy draft from the lesson, and the draft shows where it came from', async () => {
    const { page } = b;
    await loginAs(page, 'beheer', '/lessen');
    await page.getByRole('heading', { level: 1, name: 'Lessen uit de praktijk' }).waitFor();
    const row = page.getByRole('row').filter({ hasText: shared.lesson });
    await row.waitFor();
    expect(await page.getByText(caseUrl().split('/').at(-1)!).count(), 'no case id on the lessons page').toBe(0);
    await checkPage(page, 'lessons page (policy administrator)');
    await row.getByRole('button', { name: `Beleidsconcept openen voor ‘${shared.lesson}’` }).click();
    await page.getByRole('heading', { level: 2, name: 'Voortgekomen uit lessen' }).waitFor();
    await page.getByRole('link', { name: shared.lesson }).waitFor();
    expect(page.url()).toMatch(/\/beleid\/\d{4}\.\d+$/);
    await checkPage(page, 'policy draft opened from a lesson');
  });

  it('the owner (the LCC) updates the follow-up with a note, and the lesson shows its history (ADR 0030)', async () => {
    const { page } = b;
    await loginAs(page, 'lcc', '/lessen');
    const lesson = page.getByRole('region', { name: shared.lesson });
    const form = lesson.getByRole('form', { name: 'Opvolging bijwerken' });
    await form.getByLabel('Nieuwe status').selectOption('in_progress');
    await form.getByLabel('Toelichting').fill('Piketregeling in overleg met de eenheden.');
    await form.getByRole('button', { name: 'Opvolging vastleggen' }).click();
    await lesson.getByRole('list', { name: 'Verloop van de opvolging' }).getByText(/In uitvoering .*Piketregeling in overleg met de eenheden\./).waitFor();
    await checkPage(page, 'lessons page after a follow-up update (owner)');
  });

  it('a second decision maker releases the lesson at a lower marking without case data (ADR 0030)', async () => {
    const { page } = b;
    // The author may not release their own lesson: no release form for them.
    await loginAs(page, 'besluit', '/lessen');
    await page.getByRole('region', { name: shared.lesson }).waitFor();
    expect(await page.getByRole('region', { name: shared.lesson }).getByRole('form', { name: 'Vrijgeven zonder casusgegevens' }).count()).toBe(0);

    await loginAs(page, 'besluit2', '/lessen');
    const lesson = page.getByRole('region', { name: shared.lesson });
    const form = lesson.getByRole('form', { name: 'Vrijgeven zonder casusgegevens' });
    await form.getByLabel('Rubricering na vrijgave').selectOption('unclassified');
    await form.getByLabel('Bevinding').fill('Meldingen buiten kantoortijd bleven liggen.');
    await form.getByLabel('Ik heb gecontroleerd dat de tekst geen casusnummer, namen, adressen of andere casusgegevens bevat.').check();
    await form.getByRole('button', { name: 'Les vrijgeven' }).click();
    await lesson.getByText(/^Vrijgegeven op rubricering /).waitFor();
    expect(await lesson.getByRole('form', { name: 'Vrijgeven zonder casusgegevens' }).count()).toBe(0);
    await checkPage(page, 'lessons page after the release (second decision maker)');
    expect(b.pageErrors.map((e) => e.message)).toEqual([]);
  });
});
