import { describe, expect, it } from 'vitest';
import { useBrowser } from './support/browser.js';
import { acceptAndTask } from './support/assignments.js';
import { api, caseWithPendingDecision } from './support/chain.js';
import { openCaseTab } from './support/case-tabs.js';
import { startPlanningRun } from './support/planning.js';
import { checkPage, loginAs } from './support/session.js';

/**
 * Issue 11's whole chain in one spec, on a case of its own (made through the API, so no other
 * spec's leftovers matter): the second decision maker approves the decision → the assignment is
 * new in the LCC inbox → the LCC accepts and tasks police unit be-1 → the liaison records the
 * person's agenda → the LCC plans with a progress bar and publishes → the police team lead of be-1
 * sees that person's posts with be-1 officers only, the KMar lead (bsb-1) sees nothing of them →
 * an officer on those posts reports sick → the replan shows who moves → a scenario (be-1 loses
 * officers) shows what becomes unstaffable. axe runs on every page.
 */
const BE_1 = 'Bewakingseenheid team 1';
const s: { caseId?: string; reference?: string; versionId?: string } = {};
const need = <K extends keyof typeof s>(k: K): NonNullable<(typeof s)[K]> => {
  if (!s[k]) throw new Error(`an earlier step did not set ${k}`);
  return s[k]!;
};

describe('from an approved decision to protection on the street', () => {
  const b = useBrowser();

  it('approving the decision issues an assignment that is new in the LCC inbox; the LCC accepts and tasks be-1', async () => {
    const { page } = b;
    s.caseId = await caseWithPendingDecision(page);
    await loginAs(page, 'besluit2', `/casussen/${s.caseId}`);
    s.reference = (await page.getByRole('heading', { level: 1 }).innerText()).trim();
    await openCaseTab(page, 'Acties');
    await page.getByLabel('Toelichting bij goedkeuring (optioneel)').fill('Akkoord, vier ogen (e2e keten).');
    await page.getByRole('button', { name: 'Besluit goedkeuren' }).click();
    await page.getByText(/^Fase: Maatregelen actief ·/).waitFor();
    await checkPage(page, 'case page after approval');

    // New in the inbox (axe on the inbox and the assignment page), accepted, tasked to be-1.
    await acceptAndTask(page, s.reference, [BE_1], true);
    await page.getByText(/nog niet bevestigd — wacht \d+ uur/).waitFor();
    await checkPage(page, 'assignment accepted and tasked to be-1');
  });

  it('the liaison records the person\'s agenda: work on weekdays and a private activity', async () => {
    const { page } = b;
    await loginAs(page, 'liaison', `/casussen/${need('caseId')}/agenda`);
    await page.getByRole('heading', { level: 1, name: 'Agenda van de te beveiligen persoon' }).waitFor();
    await checkPage(page, 'empty agenda');
    const add = async (label: string, domain: string, start: string, end: string, days: string[]) => {
      await page.getByLabel('Activiteit', { exact: true }).fill(label);
      await page.getByLabel('Domein').selectOption(domain);
      await page.getByLabel('Begin').fill(start);
      await page.getByLabel('Einde').fill(end);
      for (const day of days) await page.getByLabel(day, { exact: true }).check();
      await page.getByRole('button', { name: 'Toevoegen aan de agenda' }).click();
    };
    await add('Werk', 'work', '08:30', '17:00', ['maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag']);
    await add('Sporten', 'private', '19:00', '20:30', ['dinsdag', 'donderdag']);
    await page.getByRole('button', { name: 'Agenda opslaan' }).click();
    await page.getByText(/^De agenda is opgeslagen als versie \d+\.$/).waitFor();
    await page.getByRole('heading', { level: 2, name: /^Posten in de week van / }).waitFor();
    await checkPage(page, 'agenda saved with its posts');
  });

  it('the LCC plans with a progress bar and publishes the roster', async () => {
    const { page } = b;
    await loginAs(page, 'lcc', '/roosters');
    await page.getByRole('heading', { level: 1, name: 'Roosters' }).waitFor();
    const run = await startPlanningRun(page);
    await run.getByRole('progressbar').waitFor();
    await checkPage(page, 'a plan running with its progress bar');
    await run.getByRole('link', { name: 'Rooster bekijken' }).waitFor({ timeout: 110_000 });
    expect(await run.getByRole('progressbar').getAttribute('value')).toBe('100');
    await run.getByRole('link', { name: 'Rooster bekijken' }).click();
    await page.getByRole('heading', { level: 1, name: /^Roosterversie \d+$/ }).waitFor();
    s.versionId = new URL(page.url()).pathname.split('/').at(-1)!;
    await page.getByRole('button', { name: 'Publiceren aan de eenheden' }).click();
    await page.getByText(/gepubliceerd op/).waitFor();
    await checkPage(page, 'roster version published');

    await page.getByRole('table', { name: 'Casussen met posten in dit rooster' }).getByRole('link', { name: need('reference'), exact: true }).click();
    await page.getByRole('heading', { level: 1, name: `Rooster voor casus ${need('reference')}` }).waitFor();
    const posts = page.getByRole('table', { name: 'Posten en wie ze bemensen' });
    await posts.getByRole('cell', { name: /\(werk\)$/ }).first().waitFor();
    // Tasked to be-1: every officer on this person's posts is of be-1 (the planner's eligibility, seen by the LCC).
    const staffed = (await posts.locator('td p').allInnerTexts()).filter((t) => !t.includes('niemand'));
    expect(staffed.length).toBeGreaterThan(0);
    for (const line of staffed) expect(line.match(/\(([^)]+)\)/g)?.every((u) => u === `(${BE_1})`), line).toBe(true);
    await checkPage(page, 'roster of the case (LCC)');
  });

  it('the police team lead of be-1 sees only their unit\'s posts for that person; the KMar lead does not see them', async () => {
    const { page } = b;
    const path = `/roosters/${need('versionId')}/casussen/${need('caseId')}`;
    await loginAs(page, 'politie', `/roosters/${need('versionId')}`);
    await page.getByRole('table', { name: 'Eenheden met hun ingezette medewerkers' }).waitFor();
    await page.getByRole('table', { name: 'Casussen met posten in dit rooster' }).getByRole('link', { name: need('reference'), exact: true }).click();
    await page.getByRole('heading', { level: 1, name: `Rooster voor casus ${need('reference')}` }).waitFor();
    const lines = await page.getByRole('table', { name: 'Posten en wie ze bemensen' }).locator('td p').allInnerTexts();
    const named = lines.flatMap((l) => l.match(/\(([^)]+)\)/g) ?? []);
    expect(named.length).toBeGreaterThan(0);
    expect(new Set(named)).toEqual(new Set([`(${BE_1})`]));
    await checkPage(page, 'roster of the case (police team lead, be-1)');

    await loginAs(page, 'kmar', `/roosters/${need('versionId')}`);
    await page.getByRole('table', { name: 'Eenheden met hun ingezette medewerkers' }).waitFor();
    expect(await page.getByRole('link', { name: need('reference'), exact: true }).count()).toBe(0);
    await checkPage(page, 'roster version (KMar team lead, bsb-1)');
    await page.goto(path);
    await page.getByText('Dit bestaat niet (meer) of u heeft geen toegang.').waitFor();
    expect(await page.getByRole('table', { name: 'Posten en wie ze bemensen' }).count()).toBe(0);
    await checkPage(page, 'roster of the case refused (KMar team lead)');
  });

  it('an officer on those posts reports sick: the replan shows who moves; a scenario shows what becomes unstaffable', async () => {
    const { page } = b;
    await loginAs(page, 'lcc');
    const roster = (await api(page, 'GET', `/api/roster/versions/${need('versionId')}/cases/${need('caseId')}`)) as { view: { posts: { needs: { officers: { officerId: string }[] }[] }[] } };
    const officerId = roster.view.posts.flatMap((p) => p.needs.flatMap((n) => n.officers.map((o) => o.officerId)))[0]!;
    await page.goto(`/roosters/${need('versionId')}/medewerkers/${officerId}`);
    await page.getByRole('group', { name: 'Ziekmelding' }).waitFor();
    await checkPage(page, 'officer days (LCC)');
    const days = page.getByRole('group', { name: 'Ziekmelding' }).getByRole('checkbox');
    for (let i = 0; i < (await days.count()); i++) await days.nth(i).check();
    await page.getByRole('button', { name: 'Ziek melden en herplannen' }).click();
    await page.getByRole('heading', { level: 2, name: 'Wat verandert' }).waitFor({ timeout: 60_000 });
    await page.getByRole('table', { name: 'Wie verschuift' }).waitFor();
    await page.getByText(/diensten? veranderen?|dienst verandert/).waitFor();
    await checkPage(page, 'replanned version with the diff');

    // What if be-1 loses all its officers: on a copy, never the live roster. The person's posts are
    // be-1's alone (the tasking), so no other unit takes them over: they become unstaffable.
    const versionNow = new URL(page.url()).pathname.split('/').at(-1)!;
    const unit = (await api(page, 'GET', `/api/roster/versions/${versionNow}/units/be-1`)) as { view: { officers: unknown[] } };
    const all = unit.view.officers.length;
    await page.getByLabel('Scenario', { exact: true }).selectOption('unit-loses-officers');
    await page.getByLabel('Eenheid', { exact: true }).selectOption({ label: BE_1 });
    await page.getByLabel('Aantal medewerkers dat wegvalt').fill(String(all));
    await page.getByRole('button', { name: 'Scenario doorrekenen' }).click();
    const compared = page.getByRole('table', { name: "Opgeslagen scenario's naast elkaar" });
    await compared.getByRole('columnheader', { name: `${BE_1} verliest ${all} medewerkers` }).waitFor({ timeout: 60_000 });
    const firstToGo = compared.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Valt als eerste af' }) }).getByRole('cell').last();
    expect((await firstToGo.innerText()).trim()).not.toBe('');
    expect(await firstToGo.innerText()).toMatch(/\((woning|vervoer|werk|privé)\)/);
    await checkPage(page, 'scenario: what becomes unstaffable');
    expect(b.pageErrors.map((e) => e.message)).toEqual([]);
  });
});
