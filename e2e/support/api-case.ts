import type { Page } from 'playwright-core';
import { completeContent, productInput, softInput, TEMPLATE_REF } from '../../apps/server/src/assessments/daf-samples';
import { baseUrl } from './browser.js';
import { loginAs } from './session.js';

/**
 * A fresh case with measures in force, made through the API as the real users (triage, the two
 * analysts through the DAF, two decision makers), so a spec does not depend on demo data that
 * other specs change. Each user signs in on the page in turn; the page ends signed in as the last.
 */
type Json = Record<string, unknown>;

async function call(page: Page, method: 'GET' | 'POST', path: string, body?: unknown): Promise<Json> {
  const me = (await (await page.request.get('/api/me')).json()) as { csrfToken: string };
  const reply = method === 'GET' ? await page.request.get(path) : await page.request.post(path, { data: body ?? {}, headers: { 'x-csrf-token': me.csrfToken, origin: baseUrl() } });
  const json = (await reply.json()) as Json;
  if (reply.status() >= 300) throw new Error(`${method} ${path} failed: ${reply.status()} ${JSON.stringify(json).slice(0, 500)}`);
  return json;
}

const TEAM = ['Anouk Analist', 'Bram Tegenspraak', 'Diederik Besluitnemer', 'Eva Vierogen', 'Lotte Liaison'];
const today = () => new Date().toISOString().slice(0, 10);
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

export interface ApiCase {
  caseId: string;
  reference: string;
  personName: string;
}

export async function caseInForceThroughApi(page: Page, personName: string): Promise<ApiCase> {
  await loginAs(page, 'triage');
  const registered = await call(page, 'POST', '/api/cases', {
    referralSource: 'public_prosecutor_transfer',
    referrerDescription: 'Parket Rotterdam, overdracht (synthetisch, e2e)',
    reportedPhenomenon: 'organised_crime',
    firstInformation: 'Signalen van een opdracht tot liquidatie (synthetisch).',
    classification: 'dep_confidential',
    persons: [
      { role: 'threatened_person', fullName: personName, dateOfBirth: '1979-05-12' },
      { role: 'household_member', fullName: `${personName} Partner`, relation: 'partner' },
    ],
  });
  const caseId = registered.caseId as string;
  let version = (registered.version as number | undefined) ?? 1;
  const command = async (path: string, body: Json) => {
    version = (await call(page, 'POST', `/api/cases/${caseId}${path}`, { expectedVersion: version, ...body })).version as number;
  };
  const users = (await call(page, 'GET', '/api/users')) as unknown as { userId: string; displayName: string }[];
  for (const name of TEAM) await command('/members', { userId: users.find((u) => u.displayName === name)!.userId });
  await command('/triage', { facts: { phenomenon: 'organised_crime', onLimitedList: false, inWitnessProtectionTrack: false, ownResistanceSufficient: false }, outcome: 'national', motivation: 'Georganiseerde criminaliteit, nationaal.' });

  await assessThroughDaf(page, caseId);

  await loginAs(page, 'besluit');
  const facts = await sourcedFacts(page, caseId);
  version = (await call(page, 'GET', `/api/cases/${caseId}`)).version as number;
  await command('/decisions', { facts, motivation: 'Zware weerstand nodig volgens de dreigingsinschatting (synthetisch).', reviewDate: inDays(90) });
  await loginAs(page, 'besluit2');
  const view = await call(page, 'GET', `/api/cases/${caseId}`);
  const decisionId = (view.decision as { pending: { decisionId: string } }).pending.decisionId;
  await command(`/decisions/${decisionId}/approve`, { note: 'Akkoord (vier ogen).' });
  return { caseId, reference: view.reference as string, personName };
}

/** Items, a draft, the second analyst's challenge and finalisation: the assessment in the case. */
async function assessThroughDaf(page: Page, caseId: string) {
  const base = `/api/cases/${caseId}/assessment`;
  let version = 0;
  const step = async (path: string, body: Json) => {
    const reply = await call(page, 'POST', `${base}${path}`, { expectedVersion: version, ...body });
    version = reply.version as number;
    return reply;
  };
  await loginAs(page, 'analist');
  version = (await call(page, 'GET', base)).version as number;
  const itemIds: string[] = [];
  for (const item of [productInput(today()), softInput(today())]) itemIds.push((await step('/items', { item })).itemId as string);
  await step('/drafts', { template: TEMPLATE_REF, classification: 'dep_confidential' });
  await step('/draft', { content: completeContent(itemIds, today(), { classification: 'dep_confidential' }) });
  await step('/submit', {});
  await loginAs(page, 'analist2');
  await step('/challenges', { verdict: 'agree', reasons: 'Het oordeel volgt uit de bronnen.' });
  await loginAs(page, 'analist');
  await step('/finalise', { validUntil: inDays(180) });
}

/** The policy facts as their sources give them, so the proposal states no fact otherwise. */
async function sourcedFacts(page: Page, caseId: string): Promise<Json> {
  const defaults: Json = { phenomenon: 'organised_crime', threatLevel: 'high', ownResistance: 'insufficient', threatDuration: 'long', activityDomains: ['home', 'work', 'transport', 'private'], cooperation: true, integrityRisk: false, employerMeasures: 'partial', hasPartner: true, hasChildren: false };
  const sourced = (await call(page, 'GET', `/api/cases/${caseId}/policy-facts`)) as { facts: { fact: string; value: unknown }[] };
  return { ...defaults, ...Object.fromEntries(sourced.facts.filter((f) => f.value !== null && f.value !== undefined).map((f) => [f.fact, f.value])) };
}
