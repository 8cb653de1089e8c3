import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { baseUrl, useBrowser } from './support/browser.js';
import { checkPage, loginAs } from './support/session.js';

/**
 * Issue 13, items 5 and 6, in the browser: a user reads a canary case (the demo seeds two, see
 * apps/server/src/demo/demo-canaries.ts), the inspector sees the alert and closes it with a
 * finding; the quality monitor shows charts. axe runs on every page.
 */
const CANARY_PERSON = 'Marloes Verbeek';

async function apiPost(page: Page, path: string, body: unknown): Promise<number> {
  const me = (await (await page.request.get('/api/me')).json()) as { csrfToken: string };
  return (await page.request.post(path, { data: body, headers: { 'x-csrf-token': me.csrfToken, origin: baseUrl() } })).status();
}

describe('access anomaly detection', () => {
  const b = useBrowser();

  it('a read of a canary raises an alert the inspector sees and closes with a finding', async () => {
    const { page } = b;
    // The inspectorate sees every case in the overview; the canary looks like any other.
    await loginAs(page, 'inspectie');
    const found = (await (await page.request.get(`/api/cases/search?q=${encodeURIComponent(CANARY_PERSON)}`)).json()) as { items: { caseId: string }[] };
    expect(found.items).toHaveLength(1);
    const canaryId = found.items[0]!.caseId;

    // A decision maker takes break-glass on it and reads it.
    await loginAs(page, 'besluit');
    expect(await apiPost(page, `/api/cases/${canaryId}/break-glass`, { justification: 'Spoedeisend: melding van de politie over deze persoon vannacht.' })).toBe(201);
    await page.goto(`/casussen/${canaryId}`);
    await page.getByRole('heading', { level: 1 }).waitFor();

    // Within a round or two (seal 1 s, rules every 5 s) the inspectorate has the alert.
    await loginAs(page, 'inspectie');
    const heading = page.getByRole('heading', { level: 3, name: 'Inzage van een lokdossier: Diederik Besluitnemer' });
    for (let i = 0; i < 20; i++) {
      await page.goto('/toezicht/signalen');
      await page.getByRole('heading', { level: 1, name: 'Signalen van afwijkende toegang' }).waitFor();
      await page.getByRole('heading', { level: 2, name: /^Open signalen/ }).waitFor();
      if (await heading.isVisible()) break;
      await page.waitForTimeout(2_000);
    }
    await heading.waitFor({ timeout: 5_000 });
    await checkPage(page, 'alerts, open');
    const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
    await nav.getByRole('link', { name: /^Voor mij/ }).click();
    await page.getByRole('region', { name: /^Open signalen van afwijkende toegang/ }).getByRole('link', { name: 'Inzage van een lokdossier' }).first().click();
    await heading.waitFor();

    const form = page.getByRole('form', { name: 'Signaal sluiten: Inzage van een lokdossier, Diederik Besluitnemer' });
    await form.getByRole('button', { name: 'Signaal sluiten' }).click();
    await form.getByText('Schrijf een bevinding van minimaal tien tekens.').waitFor();
    const finding = 'Besproken met de besluitnemer: geen grond voor inzage; gemeld aan de leiding.';
    await form.getByLabel('Bevinding').fill(finding);
    await form.getByRole('button', { name: 'Signaal sluiten' }).click();
    await page.getByRole('table', { name: /^Gesloten signalen/ }).getByRole('cell', { name: finding }).waitFor();
    expect(await heading.count()).toBe(0);
    await checkPage(page, 'alerts, closed');
    expect(b.pageErrors.map((e) => e.message)).toEqual([]);
  });
});

describe('the quality monitor', () => {
  const b = useBrowser();

  it('shows NCTV management charts and tables without names', async () => {
    const { page } = b;
    await loginAs(page, 'besluit2');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Kwaliteitsmonitor' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kwaliteitsmonitor' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Mediane doorlooptijd per stap (dagen)' }).waitFor();
    // A chart per table (overdue, throughput, deviations, dissent, capacity; objections once issue 12 landed).
    await page.locator('.hoeder-chart canvas').nth(4).waitFor();
    expect(await page.locator('.hoeder-chart canvas').count()).toBeGreaterThanOrEqual(5);
    expect(await page.getByRole('table', { name: 'Doorlooptijden per stap en kwartaal' }).getByRole('row').count()).toBe(13);
    await page.getByRole('heading', { level: 2, name: 'Dreigingsinschattingen met afwijkend oordeel van de tweede analist' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Onbemande posten in de gepubliceerde roosters' }).waitFor();
    // Each table downloads as CSV: Dutch headers, figures only.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download als CSV: Onbemande posten in de gepubliceerde roosters' }).click()]);
    expect(download.suggestedFilename()).toBe('hoeder-kwaliteit-capacity.csv');
    const csv = (await readFile((await download.path())!, 'utf8')).replace(/^\uFEFF/, '');
    expect(csv.split('\r\n')[0]).toBe('Kwartaal,Roosters,Posten,Onbemand,Aandeel onbemand (%)');
    expect(csv).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}|HOE-/);
    expect(await page.getByText(CANARY_PERSON).count()).toBe(0);
    await checkPage(page, 'quality monitor');
    expect(b.pageErrors.map((e) => e.message)).toEqual([]);
  });
});
