import type { Locator, Page } from 'playwright-core';

/** Browser steps on the DAF page (dreigingsinschatting), shared by the DAF and primary-process specs. */

export const inDays = (days: number): string => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

const SAVED = /^Opgeslagen\. Het DAF-dossier is bijgewerkt naar versie (\d+)\.$/;

/** The version named by the "saved" message now on the page, or 0 when there is none. */
async function savedVersion(page: Page): Promise<number> {
  const status = page.getByRole('status').filter({ hasText: SAVED });
  if ((await status.count()) === 0) return 0;
  return Number(SAVED.exec((await status.first().innerText()).trim())?.[1] ?? 0);
}

/** Clicks a submit button and waits for the "saved" message of THIS save (a newer version). */
export async function saveAndWait(page: Page, button: Locator): Promise<void> {
  const before = await savedVersion(page);
  await button.click();
  const deadline = Date.now() + 30_000;
  while ((await savedVersion(page)) <= before) {
    if (Date.now() > deadline) throw new Error(`no "saved" message after version ${before}; the page says:\n${(await page.locator('main').innerText()).slice(0, 2000)}`);
    await page.waitForTimeout(100);
  }
}

export async function openDafPage(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Naar de dreigingsinschatting (DAF)' }).first().click();
  await page.getByRole('heading', { level: 1, name: 'Dreigingsinschatting (DAF)' }).waitFor();
}

export interface ItemInput {
  kind: 'Informatieproduct' | 'Zachte informatie';
  originator?: string;
  framework?: string;
  article?: string;
  reference?: string;
  source?: string;
  classification: string;
  release: string;
  reliability: string;
  credibility: string;
  title: string;
  content: string;
}

export async function registerItem(page: Page, item: ItemInput): Promise<void> {
  const form = page.getByRole('form', { name: 'Informatie registreren' });
  await form.getByLabel(item.kind, { exact: true }).check();
  if (item.kind === 'Informatieproduct') {
    await form.getByLabel('Verstrekker', { exact: true }).selectOption({ label: item.originator! });
    await form.getByLabel('Wettelijk kader', { exact: true }).selectOption({ label: item.framework! });
    await form.getByLabel('Artikel', { exact: true }).fill(item.article!);
    await form.getByLabel('Kenmerk verstrekker', { exact: true }).fill(item.reference!);
  } else {
    await form.getByLabel('Bron (relatie)', { exact: true }).fill(item.source!);
  }
  await form.getByLabel('Rubricering', { exact: true }).selectOption({ label: item.classification });
  await form.getByLabel(item.release, { exact: true }).check();
  await form.getByLabel('Ontvangen op', { exact: true }).fill(inDays(-1));
  await form.getByLabel('Betrouwbaarheid bron (A–F)', { exact: true }).selectOption(item.reliability);
  await form.getByLabel('Geloofwaardigheid informatie (1–6)', { exact: true }).selectOption(item.credibility);
  await form.getByLabel('Titel', { exact: true }).fill(item.title);
  await form.getByLabel('Inhoud', { exact: true }).fill(item.content);
  await saveAndWait(page, form.getByRole('button', { name: 'Informatie registreren' }));
  await page.getByRole('region', { name: 'Informatieregister' }).getByText(item.title).waitFor();
}

export async function startDraft(page: Page): Promise<void> {
  const form = page.getByRole('form', { name: 'Nieuwe versie starten' });
  await form.getByLabel('Methodesjabloon', { exact: true }).selectOption({ index: 1 });
  await saveAndWait(page, form.getByRole('button', { name: 'Versie starten' }));
  await page.getByRole('form', { name: /^Concept versie \d+ bewerken$/ }).waitFor();
}

const JUDGEMENT: [string, string][] = [
  ['Dreiging', 'high'],
  ['Eigen weerstand van de persoon', 'limited'],
  ['Weerstand van de werkgever', 'limited'],
  ['Benodigde weerstand', 'R3'],
  ['Verwachte effectiviteit van maatregelen', 'medium'],
  ['Restrisico', 'medium'],
];

async function fillScenario(group: Locator, actor: string, target: string): Promise<void> {
  await group.getByLabel('Actor', { exact: true }).fill(actor);
  await group.getByLabel('Intentie', { exact: true }).fill('Vergelding voor een getuigenverklaring');
  await group.getByLabel('Capaciteit', { exact: true }).fill('Ingehuurde daders, vuurwapens');
  await group.getByLabel('Doelwit (activiteit of plaats)', { exact: true }).fill(target);
  await group.getByLabel('Waarschijnlijkheid', { exact: true }).selectOption('likely');
  await group.getByLabel('Impact', { exact: true }).selectOption('fatal');
  await group.getByLabel('Indicatoren om te volgen', { exact: true }).fill('Verkenning bij de woning\nOnbekende voertuigen');
  await group.getByLabel('Maatregelen die het scenario tegengaan', { exact: true }).fill('Camerabewaking\nRoutes variëren');
}

export interface DraftInput {
  motivation: string;
  scenarios: { actor: string; target: string }[];
  assumption?: { statement: string; retestOn: string };
  gap?: string;
}

/** Fills the whole draft: judgement, scenarios, assumption, gap, every template item ("unknown"), all items used. */
export async function fillDraft(page: Page, input: DraftInput): Promise<void> {
  const form = page.getByRole('form', { name: /^Concept versie \d+ bewerken$/ });
  for (const [aspect, level] of JUDGEMENT) {
    const group = form.getByRole('group', { name: aspect, exact: true });
    await group.getByLabel('Niveau', { exact: true }).selectOption(level);
    await group.getByLabel('Motivering', { exact: true }).fill(aspect === 'Dreiging' ? input.motivation : `${aspect}: onderbouwd in de scenario's.`);
  }
  for (const [i, s] of input.scenarios.entries()) {
    await form.getByRole('button', { name: 'Scenario toevoegen' }).click();
    await fillScenario(form.getByRole('group', { name: `Scenario ${i + 1}`, exact: true }), s.actor, s.target);
  }
  if (input.assumption) {
    await form.getByRole('button', { name: 'Aanname toevoegen' }).click();
    const group = form.getByRole('group', { name: 'Aanname 1', exact: true });
    await group.getByLabel('Aanname', { exact: true }).fill(input.assumption.statement);
    await group.getByLabel('Grondslag van de aanname', { exact: true }).fill('Detentiegegevens van DJI');
    await group.getByLabel('Hertoetsen op', { exact: true }).fill(input.assumption.retestOn);
  }
  if (input.gap) {
    await form.getByRole('button', { name: 'Informatielacune toevoegen' }).click();
    const group = form.getByRole('group', { name: 'Informatielacune 1', exact: true });
    await group.getByLabel('Wat ontbreekt', { exact: true }).fill(input.gap);
    await group.getByLabel('Betekenis voor het oordeel', { exact: true }).fill('De capaciteit kan zijn onderschat.');
  }
  const unknown = form.getByLabel('Onbekend', { exact: true });
  for (let i = 0; i < (await unknown.count()); i++) await unknown.nth(i).check();
  const rationale = form.getByLabel('Onderbouwing', { exact: true });
  for (let i = 0; i < (await rationale.count()); i++) await rationale.nth(i).fill('Geen informatie beschikbaar; zie informatielacune.');
  const used = form.getByRole('group', { name: 'Informatie waarop deze inschatting steunt' }).getByRole('checkbox');
  for (let i = 0; i < (await used.count()); i++) await used.nth(i).check();
  await saveAndWait(page, form.getByRole('button', { name: 'Concept opslaan' }));
}

export async function submitForChallenge(page: Page): Promise<void> {
  const form = page.getByRole('form', { name: 'Aanbieden voor tegenspraak' });
  await saveAndWait(page, form.getByRole('button', { name: 'Aanbieden voor tegenspraak' }));
  await page.getByRole('form', { name: 'Inschatting vaststellen' }).waitFor();
}

export async function recordChallenge(page: Page, verdict: 'Akkoord' | 'Afwijkende mening', reasons: string): Promise<void> {
  const form = page.getByRole('form', { name: 'Tegenspraak vastleggen' });
  await form.getByLabel(verdict, { exact: true }).check();
  await form.getByLabel('Redenen', { exact: true }).fill(reasons);
  await saveAndWait(page, form.getByRole('button', { name: 'Tegenspraak vastleggen' }));
}

export async function finalise(page: Page, validUntil: string, responseToDissent?: string): Promise<void> {
  const form = page.getByRole('form', { name: 'Inschatting vaststellen' });
  await form.getByLabel('Geldig tot', { exact: true }).fill(validUntil);
  // Issue 12 item 2: the analyst states how long the threat is expected to last.
  await form.getByLabel('Verwachte duur van de dreiging', { exact: true }).selectOption({ label: 'Langer dan een jaar' });
  if (responseToDissent) await form.getByLabel('Reactie op de tegenspraak', { exact: true }).fill(responseToDissent);
  await saveAndWait(page, form.getByRole('button', { name: 'Inschatting vaststellen' }));
  await page.getByRole('heading', { level: 3, name: /^Versie \d+ — Vastgesteld$/ }).waitFor();
}

/** Test-only: moves the server clock (HOEDER_TEST_CLOCK=adjustable) with the user's session. */
export async function moveServerClock(page: Page, body: { advanceDays?: number; reset?: boolean }): Promise<void> {
  const status = await page.evaluate(async (b) => {
    const me = (await (await fetch('/api/me')).json()) as { csrfToken: string };
    const res = await fetch('/api/test/clock', { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken }, body: JSON.stringify(b) });
    return res.status;
  }, body);
  if (status !== 200) throw new Error(`test clock refused: ${status}`);
}
