import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { baseUrl, useBrowser } from './support/browser.js';
import { checkPage, loginAs } from './support/session.js';
import { openCaseTab } from './support/case-tabs.js';

/**
 * Issue 13 in the browser: a decision maker works through "Voor mij" and finds a case by its
 * reference in the overview; the inspector opens an audit entry and verifies its proof in the
 * browser, and reviews a break-glass grant; the advisory body sees charts without small cells.
 * axe runs on every page.
 */
const shared: { caseId?: string } = {};

/** A write through the API as the signed-in user (CSRF token from /api/me, same origin). */
async function apiPost(page: Page, path: string, body: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const me = (await (await page.request.get('/api/me')).json()) as { csrfToken: string };
  const reply = await page.request.post(path, { data: body, headers: { 'x-csrf-token': me.csrfToken, origin: baseUrl() } });
  return { status: reply.status(), json: (await reply.json()) as Record<string, unknown> };
}

describe('work queues and the overview at scale', () => {
  const b = useBrowser();

  it('a decision maker finds a proposal in "Voor mij", finds the case by reference, approves it, and the queue shrinks', async () => {
    const { page } = b;
    await loginAs(page, 'besluit2');
    const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
    const link = nav.getByRole('link', { name: /^Voor mij/ });
    await link.getByText(/wachtend/).waitFor();
    await link.click();
    await page.getByRole('heading', { level: 1, name: 'Voor mij' }).waitFor();
    await page.getByRole('heading', { level: 2, name: /^Meldingen van nieuw werk/ }).waitFor();
    const queue = page.getByRole('region', { name: /^Besluit ter goedkeuring/ });
    const before = Number((await queue.getByRole('heading', { level: 2 }).innerText()).match(/\((\d+)\)/)![1]);
    expect(before).toBeGreaterThan(0);
    await checkPage(page, 'voor mij');
    const reference = (await queue.getByRole('rowheader').first().innerText()).trim();

    await nav.getByRole('link', { name: 'Overzicht' }).click();
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.getByRole('status').getByText(/casussen gevonden/).waitFor();
    await checkPage(page, 'overview, default order');
    await page.getByLabel('Zoeken', { exact: true }).fill(reference.slice(-8));
    await page.getByRole('button', { name: 'Zoeken' }).click();
    await page.getByRole('status').getByText('1 casus gevonden.').waitFor();
    await checkPage(page, 'overview, searched by reference');
    await page.getByRole('link', { name: reference }).click();
    await page.getByRole('heading', { level: 1, name: reference }).waitFor();

    await openCaseTab(page, 'Acties');
    await page.getByLabel('Toelichting bij goedkeuring (optioneel)').fill('Akkoord, vier ogen.');
    await page.getByRole('button', { name: 'Besluit goedkeuren' }).click();
    await page.getByText('Maatregelen actief', { exact: false }).first().waitFor();
    await nav.getByRole('link', { name: /^Voor mij/ }).click();
    const after = page.getByRole('region', { name: /^Besluit ter goedkeuring/ });
    await after.getByRole('heading', { level: 2, name: new RegExp(`\\(${before - 1}\\)`) }).waitFor();
    expect(await after.getByRole('rowheader', { name: reference }).count()).toBe(0);
    expect(b.pageErrors.map((e) => e.message)).toEqual([]);
  });

  it('the overview filters by phase and pages through the cases', async () => {
    const { page } = b;
    await loginAs(page, 'inspectie');
    await page.getByRole('status').getByText(/casussen gevonden/).waitFor();
    await page.getByRole('navigation', { name: 'Paginering' }).getByRole('link', { name: /2/ }).first().click();
    await page.getByRole('status').getByText(/Pagina 2 van/).waitFor();
    await checkPage(page, 'overview, page 2');
    await page.getByLabel('Filter op fase').selectOption({ label: 'Beëindigd' });
    await page.getByRole('status').getByText(/Pagina 1 van|0 casussen/).waitFor();
  });
});

describe("the inspectorate's tools", () => {
  const b = useBrowser();

  it('a break-glass grant taken by the LCC is reviewed with a finding', async () => {
    const { page } = b;
    await loginAs(page, 'triage');
    const registered = await apiPost(page, '/api/cases', {
      referralSource: 'police_unit',
      referrerDescription: 'Eenheid Den Haag (synthetisch)',
      reportedPhenomenon: 'organised_crime',
      firstInformation: '[SYNTHETISCHE DEMODATA] Dreiging na een getuigenverklaring.',
      classification: 'dep_confidential',
      persons: [{ role: 'threatened_person', fullName: 'Noor Synthetisch' }],
    });
    expect(registered.status).toBe(201);
    shared.caseId = String(registered.json.caseId);

    await loginAs(page, 'lcc', `/casussen/${shared.caseId}`);
    await page.getByLabel('Waarom is inzage nu dringend nodig?').fill('Incident bij de woning vannacht; coördinatie met de eenheid is nu nodig.');
    await page.getByRole('button', { name: 'Noodtoegang vragen' }).click();
    await page.getByRole('heading', { level: 1, name: /^HOE-/ }).waitFor();

    await loginAs(page, 'inspectie');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Noodtoegang' }).click();
    await page.getByRole('heading', { level: 1, name: 'Noodtoegang beoordelen' }).waitFor();
    const grant = page.getByRole('region', { name: /Lars Coördinator$/ }).first();
    await grant.getByText('Incident bij de woning vannacht', { exact: false }).waitFor();
    await checkPage(page, 'break-glass review');
    await grant.getByLabel('Bevinding').fill('kort');
    await grant.getByRole('button', { name: 'Beoordeling vastleggen' }).click();
    await grant.getByText('Schrijf een bevinding van minstens tien tekens.').waitFor();
    await checkPage(page, 'break-glass review with an error');
    await grant.getByLabel('Bevinding').fill('Gerechtvaardigd: incident bevestigd door de eenheid (synthetisch).');
    await grant.getByRole('button', { name: 'Beoordeling vastleggen' }).click();
    await page.getByRole('table', { name: /Beoordeelde noodtoegang/ }).getByText('Gerechtvaardigd: incident bevestigd').waitFor();
    expect(b.pageErrors.map((e) => e.message)).toEqual([]);
  });

  it('the inspector opens an audit entry of that case and verifies its proof in the browser', async () => {
    const { page } = b;
    await loginAs(page, 'inspectie');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Auditlog', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Auditlog' }).waitFor();
    await page.getByLabel('Casus-id').fill(shared.caseId!);
    await page.getByRole('button', { name: 'Zoeken' }).click();
    await page.getByRole('status').getByText(/regels? gevonden/).waitFor();
    await checkPage(page, 'audit log search');
    // The sealer folds new entries into the tree every second; the oldest entry is sealed by now.
    await page.getByRole('table', { name: /Auditregels/ }).getByRole('rowheader').last().getByRole('link').click();
    const entry = page.getByRole('region', { name: /met bewijs van opname$/ });
    await entry.getByText('Wortelhash').waitFor();
    await entry.getByRole('button', { name: 'Verifiëren in deze browser' }).click();
    await entry.getByRole('status').getByText('Geverifieerd.').waitFor();
    await checkPage(page, 'audit entry verified');
    expect(b.pageErrors.map((e) => e.message)).toEqual([]);
  });
});

describe('statistics for the advisory body', () => {
  const b = useBrowser();

  it('sees charts and tables without a figure below 5', async () => {
    const { page } = b;
    await loginAs(page, 'advies');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Statistieken' }).click();
    await page.getByRole('heading', { level: 1, name: 'Statistieken' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Casussen per fenomeen en fase' }).waitFor();
    expect(await page.locator('.hoeder-chart canvas').count()).toBeGreaterThanOrEqual(4);
    const figures = (await page.getByRole('cell').allInnerTexts()).map((s) => s.trim()).filter((s) => /^\d+(\.\d+)?$/.test(s));
    const counts = (await page.getByRole('table', { name: /x = onderdrukt\)$/ }).getByRole('cell').allInnerTexts()).map((s) => s.trim()).filter((s) => /^\d+$/.test(s)).map(Number);
    expect(figures.length).toBeGreaterThan(0);
    expect(counts.filter((n) => n < 5)).toEqual([]);
    await checkPage(page, 'statistics');
    expect(b.pageErrors.map((e) => e.message)).toEqual([]);
  });
});
