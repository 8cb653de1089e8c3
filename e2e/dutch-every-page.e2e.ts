import { describe, expect, it } from 'vitest';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { formatViolations, WCAG_TAGS } from './support/axe.js';
import { useBrowser } from './support/browser.js';
import { startPlanningRun } from './support/planning.js';
import { rawCodesOnPage } from './support/raw-codes.js';
import { loginAs } from './support/session.js';

/**
 * Issue 13, item 8, checked everywhere: every demo account signs in and visits every entry of its
 * main navigation, and from there one page of each kind the pages link to (a case, a case's tabs,
 * a person, a roster version and its unit/case/officer views, a policy version with its impact
 * table, an assignment, an agenda, ...). On every page: no raw code, English word, "undefined",
 * ISO timestamp or seeded midnight time on the Dutch screen, and no axe violation (WCAG 2.1 AA).
 * Findings are collected per account, so one run lists them all.
 */
const ACCOUNTS = ['triage', 'analist', 'analist2', 'besluit', 'besluit2', 'lcc', 'politie', 'kmar', 'liaison', 'inspectie', 'advies', 'beheer', 'beheer2', 'beveiliging', 'om'];

/** ISO timestamps and dates are a developer's notation, not a Dutch reader's. */
const ISO = /\b\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?\b/g;
/** At most this many pages of one kind per account; the kind is the path with its ids taken out. */
const PER_KIND = 1;
const MAX_PAGES = 40;

/** "/casussen/4f1c.../dreigingsinschatting" → "/casussen/:id/dreigingsinschatting"; the tab counts as part of the kind. */
function kindOf(href: string): string {
  const url = new URL(href, 'http://x');
  const path = url.pathname
    .split('/')
    .map((s) => (/\d/.test(s) && s !== 'nieuw' ? ':id' : s))
    .join('/');
  const tab = url.searchParams.get('tab');
  return tab ? `${path}?tab=${tab}` : path;
}

/** Links in the page's main region worth following: the app's own pages, no downloads or API calls. */
async function linksIn(page: Page): Promise<string[]> {
  const hrefs = await page.locator('main a[href^="/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  return hrefs.filter((h) => h && !h.startsWith('/api/') && !h.startsWith('/auth/') && !h.includes('#') && !h.includes('asOf='));
}

async function settle(page: Page): Promise<void> {
  await page.getByRole('heading', { level: 1 }).first().waitFor({ timeout: 20_000 });
  await page.waitForLoadState('networkidle');
  // A page that fetches after its heading shows "Bezig met laden": wait for it to go.
  await page.getByRole('status').filter({ hasText: /^Bezig met laden/ }).first().waitFor({ state: 'detached', timeout: 15_000 }).catch(() => undefined);
}

async function scan(page: Page, label: string): Promise<string[]> {
  const found: string[] = [];
  const text = await page.locator('main').innerText();
  for (const code of await rawCodesOnPage(page)) found.push(`${label}: ${code}`);
  for (const m of text.matchAll(ISO)) found.push(`${label}: ISO date or timestamp: "${m[0]}"`);
  const axe = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  if (axe.violations.length > 0) found.push(formatViolations(label, axe.violations));
  return found;
}

/** The case page's tabs, each scanned; the links of every tab (a person in "Personen", ...). */
async function scanTabs(page: Page, label: string): Promise<{ found: string[]; links: string[] }> {
  const found: string[] = [];
  const links: string[] = [];
  const tabs = await page.getByRole('tab').allInnerTexts();
  for (const tab of tabs) {
    await page.getByRole('tab', { name: tab, exact: true }).click();
    await page.waitForLoadState('networkidle');
    found.push(...(await scan(page, `${label} tab "${tab}"`)));
    links.push(...(await linksIn(page)));
  }
  return { found, links };
}

async function visitAll(page: Page, username: string): Promise<{ visited: string[]; findings: string[] }> {
  await loginAs(page, username);
  const nav = await page.getByRole('navigation', { name: 'Hoofdmenu' }).locator('a[href^="/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  const queue = [...new Set(nav)];
  const seen = new Map<string, number>();
  const visited: string[] = [];
  const findings: string[] = [];
  while (queue.length > 0 && visited.length < MAX_PAGES) {
    const href = queue.shift()!;
    const kind = kindOf(href);
    if ((seen.get(kind) ?? 0) >= PER_KIND) continue;
    seen.set(kind, (seen.get(kind) ?? 0) + 1);
    await page.goto(href);
    await settle(page);
    visited.push(kind);
    const label = `${username} ${kind}`;
    findings.push(...(await scan(page, label)));
    const links = await linksIn(page);
    if ((await page.getByRole('tablist', { name: 'Onderdelen van de casus' }).count()) > 0) {
      const tabs = await scanTabs(page, label);
      findings.push(...tabs.found);
      links.push(...tabs.links);
    }
    for (const link of links) if (!seen.has(kindOf(link))) queue.push(link);
  }
  return { visited, findings };
}

describe('Dutch on every page of every role, axe clean', () => {
  const b = useBrowser();

  // The demo has no roster: the LCC plans and publishes one, so the roster pages have content.
  it('first, the LCC publishes a roster', { timeout: 300_000 }, async () => {
    const { page } = b;
    await loginAs(page, 'lcc', '/roosters');
    const run = await startPlanningRun(page);
    await run.getByRole('link', { name: 'Rooster bekijken' }).waitFor({ timeout: 240_000 });
    await run.getByRole('link', { name: 'Rooster bekijken' }).click();
    await page.getByRole('button', { name: 'Publiceren aan de eenheden' }).click();
    await page.getByText(/gepubliceerd op/).waitFor();
  });

  it.each(ACCOUNTS)('%s: every page its navigation reaches', { timeout: 600_000 }, async (username) => {
    const { visited, findings } = await visitAll(b.page, username);
    console.log(`${username}: ${visited.length} pages: ${visited.join(' ')}`);
    expect(visited.length).toBeGreaterThan(1);
    expect(findings).toEqual([]);
  });
});
