import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowser } from './support/browser.js';
import { checkPage, loginAs } from './support/session.js';
import { openCaseTab } from './support/case-tabs.js';

/**
 * The package policy in the browser (issue 5): a functional administrator opens the 2027.1 draft
 * in dmn-js, validates it, runs the impact simulation and submits it; a second administrator
 * publishes it (four eyes); a decision maker proposes a decision, sees the proposed package with
 * its explanation, and deviates with a written motivation. axe runs on every page, with the
 * dmn-js editor and viewer included.
 */
const inDays = (days: number): string => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

async function openVersion(page: Page, version: string): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: 'Beleid' }).click();
  await page.getByRole('heading', { level: 1, name: 'Beleid beveiligingspakketten' }).waitFor();
  await checkPage(page, 'policy versions');
  await page.getByRole('link', { name: version, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: `Beslistabellen van versie ${version}` }).waitFor();
  // dmn-js has rendered a decision table (its own markup) inside the named region.
  await page.getByRole('region', { name: `Beslistabellen van versie ${version}` }).locator('.tjs-table').waitFor();
}

describe('package policy', () => {
  const b = useBrowser();

  it('a functional administrator views the draft in dmn-js, validates, simulates and submits it', async () => {
    const { page } = b;
    await loginAs(page, 'beheer');
    await openVersion(page, '2027.1');
    await checkPage(page, 'policy 2027.1 draft in the dmn-js modeler');
    // Effective in the future whatever today is, so publishing is never retroactive.
    await page.getByLabel('Geldig vanaf', { exact: true }).fill(inDays(400));
    await page.getByRole('button', { name: 'Concept opslaan' }).click();
    // Saving gives a new revision, recorded in the append-only history.
    await page.getByRole('table', { name: 'Wijzigingen van versie 2027.1' }).getByText(/^Opgeslagen \(rev\. 2\)/).waitFor();
    await page.getByRole('region', { name: 'Beslistabellen van versie 2027.1' }).locator('.tjs-table').waitFor();

    await page.getByRole('button', { name: 'Valideren' }).click();
    await page.getByText(/^Geldig: het model is volledig en alle \d+ referentiecasussen/).waitFor();

    await page.getByRole('button', { name: 'Impact doorrekenen' }).click();
    await page.getByRole('heading', { name: 'Impact van 2027.1 ten opzichte van 2026.1' }).waitFor();
    await page.getByRole('table', { name: /in mensuren per week per soort eenheid/ }).waitFor();
    const changed = page.getByRole('table', { name: 'Casussen met een ander pakket (pseudoniem)' });
    await changed.waitFor();
    expect(await changed.getByRole('rowheader').first().innerText()).toMatch(/^K-[0-9a-f]{10}$/);
    await checkPage(page, 'policy 2027.1 with impact simulation');

    await page.getByRole('button', { name: 'Ter vaststelling aanbieden' }).click();
    await page.getByRole('table', { name: 'Wijzigingen van versie 2027.1' }).getByText(/^Ter vaststelling aangeboden/).waitFor();
    // The author cannot publish the own version.
    await page.getByRole('button', { name: 'Vaststellen (tweede beheerder)' }).click();
    await page.getByRole('alert').getByText('Vaststellen kan alleen een tweede functioneel beheerder', { exact: false }).waitFor();
    await checkPage(page, 'policy 2027.1 submitted');
  });

  it('a second functional administrator publishes it; published versions open read-only', async () => {
    const { page } = b;
    await loginAs(page, 'beheer2');
    await openVersion(page, '2027.1');
    await page.getByLabel('Toelichting (optioneel)').fill('Akkoord na impactanalyse.');
    await page.getByRole('button', { name: 'Vaststellen (tweede beheerder)' }).click();
    await page.getByText('Vastgestelde versies zijn alleen-lezen.').waitFor();
    await page.getByRole('table', { name: 'Wijzigingen van versie 2027.1' }).getByText(/^Vastgesteld \(rev\. \d+\): Akkoord na impactanalyse\./).waitFor();
    await page.getByRole('region', { name: 'Beslistabellen van versie 2027.1' }).locator('.tjs-table').waitFor();
    expect(await page.getByRole('button', { name: 'Concept opslaan' }).count()).toBe(0);
    await checkPage(page, 'policy 2027.1 published in the dmn-js viewer');
  });

  it('a decision maker sees the proposed package with its explanation and deviates with a motivation', async () => {
    const { page } = b;
    await loginAs(page, 'besluit', '/?fase=assessed');
    await page.getByRole('table').getByRole('link').first().click();
    await openCaseTab(page, 'Acties');
    const form = page.getByRole('form', { name: 'Besluit voorstellen' });
    await form.waitFor();
    await form.getByLabel('Dreigingsfenomeen').selectOption('organised_crime');
    await form.getByLabel('Dreigingsniveau').selectOption('high');
    await form.getByRole('button', { name: 'Voorstel berekenen' }).click();
    await form.getByRole('heading', { name: 'Voorstel volgens het beleid' }).waitFor();
    await form.getByText(/^Beleidsversie 2026\.1, geldig vanaf/).waitFor();
    await form.getByText('Waarom dit pakket (volgens de beleidsregels):', { exact: false }).waitFor();
    await checkPage(page, 'decision form with the proposed package');

    await form.getByLabel('Afwijken van het voorstel').check();
    await form.getByLabel('Bewaking woning').check();
    await form.getByLabel('Motivering van het besluit', { exact: true }).fill('Pakket volgens het beleid met een tijdelijke aanvulling na een incident.');
    await form.getByRole('button', { name: 'Besluit voorstellen' }).click();
    await form.getByRole('alert').getByText(/^Motivering van de afwijking:/).waitFor();
    await checkPage(page, 'decision form, deviation without motivation');

    await form.getByLabel('Motivering van de afwijking').fill('Recent incident bij de woning: tijdelijk bewaking tot de herijking.');
    await form.getByRole('button', { name: 'Besluit voorstellen' }).click();
    await page.getByText(/^Fase: Besluit wacht op goedkeuring ·/).waitFor();
    await openCaseTab(page, 'Besluit en maatregelen');
    const decision = page.getByRole('region', { name: 'Besluit' });
    await decision.getByText('Recent incident bij de woning: tijdelijk bewaking tot de herijking.', { exact: true }).waitFor();
    await decision.getByText('Bewaking woning', { exact: false }).first().waitFor();
    await checkPage(page, 'case page, deviating decision pending');
  });

  it('the inspectorate finds the deviation, with its motivation, in the deviation report', async () => {
    const { page } = b;
    await loginAs(page, 'inspectie');
    await page.getByRole('navigation').getByRole('link', { name: 'Afwijkingen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Afwijkingen van het pakketbeleid' }).waitFor();
    const table = page.getByRole('table', { name: 'Afwijkende besluiten, nieuwste eerst' });
    await table.getByText('Recent incident bij de woning: tijdelijk bewaking tot de herijking.', { exact: true }).waitFor();
    await checkPage(page, 'deviation report (inspector)');
  });

  it('the inspectorate sees the signed audit-log checkpoints and downloads them as a witness file', async () => {
    const { page } = b;
    await loginAs(page, 'inspectie');
    await page.getByRole('navigation').getByRole('link', { name: 'Auditlog-checkpoints' }).click();
    await page.getByRole('heading', { level: 1, name: 'Auditlog-checkpoints' }).waitFor();
    // The server seals every second: the logins and reads above are in signed checkpoints.
    await page.getByRole('table', { name: /nieuwste checkpoints, nieuwste eerst$/ }).waitFor();
    await checkPage(page, 'audit-log checkpoints (inspector)');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Checkpoints downloaden (JSON)' }).click()]);
    const path = await download.path();
    const file = JSON.parse(await readFile(path, 'utf8')) as { origin: string; checkpoints: { treeSize: number }[]; publicKeys: { pem: string }[] };
    expect(file.origin).toBe('hoeder.audit/v1');
    expect(file.checkpoints.length).toBeGreaterThan(0);
    expect(file.publicKeys[0]?.pem).toContain('BEGIN PUBLIC KEY');
  });
});
