import type { Page } from 'playwright-core';
import { completeContent, productInput, softInput, TEMPLATE_REF } from '../../apps/server/src/assessments/daf-samples';
import { baseUrl } from './browser.js';
import { inDays } from './daf.js';
import { loginAs } from './session.js';

/** Demo account ids (apps/server/src/demo/demo-accounts.ts). */
const USER_ID: Record<string, string> = {
  analist: '00000000-0000-4000-8000-000000000002',
  analist2: '00000000-0000-4000-8000-000000000003',
  besluit: '00000000-0000-4000-8000-000000000004',
  besluit2: '00000000-0000-4000-8000-000000000005',
  lcc: '00000000-0000-4000-8000-000000000006',
  liaison: '00000000-0000-4000-8000-000000000009',
};

/** A call to the API as the user signed in on `page` (CSRF token from /api/me, same origin). */
export async function api(page: Page, method: 'GET' | 'POST', path: string, body?: unknown): Promise<Record<string, unknown>> {
  const me = (await (await page.request.get('/api/me')).json()) as { csrfToken: string };
  const reply = method === 'GET' ? await page.request.get(path) : await page.request.post(path, { data: body ?? {}, headers: { 'x-csrf-token': me.csrfToken, origin: baseUrl() } });
  const json = (await reply.json().catch(() => ({}))) as Record<string, unknown>;
  if (reply.status() >= 300) throw new Error(`${method} ${path}: ${reply.status()} ${JSON.stringify(json)}`);
  return json;
}

/**
 * A new case through the API as the real users, up to a decision waiting for the second
 * decision maker's approval: its own case, so the spec never depends on what other specs left.
 */
export async function caseWithPendingDecision(page: Page): Promise<string> {
  await loginAs(page, 'triage');
  const registered = await api(page, 'POST', '/api/cases', {
    referralSource: 'public_prosecutor_transfer',
    referrerDescription: 'Parket Rotterdam, overdracht (e2e keten)',
    reportedPhenomenon: 'organised_crime',
    firstInformation: 'Signalen van een opdracht tot liquidatie (synthetisch).',
    classification: 'dep_confidential',
    persons: [{ role: 'threatened_person', fullName: 'Keten Persoon', dateOfBirth: '1979-05-02' }],
  });
  const caseId = registered.caseId as string;
  let version = 1;
  const onCase = async (path: string, body: Record<string, unknown>) => {
    version = (await api(page, 'POST', `/api/cases/${caseId}${path}`, { expectedVersion: version, ...body })).version as number;
  };
  for (const who of ['analist', 'analist2', 'besluit', 'besluit2', 'liaison', 'lcc']) await onCase('/members', { userId: USER_ID[who] });
  await onCase('/triage', { facts: { phenomenon: 'organised_crime', onLimitedList: false, inWitnessProtectionTrack: false, ownResistanceSufficient: false }, outcome: 'national', motivation: 'Georganiseerde criminaliteit, nationaal (e2e).' });

  // The DAF: the analyst registers, drafts and submits; the second analyst challenges; finalised.
  const today = inDays(0);
  const daf = `/api/cases/${caseId}/assessment`;
  await loginAs(page, 'analist');
  let dafVersion = (await api(page, 'GET', daf)).version as number;
  const onDaf = async (path: string, body: Record<string, unknown>) => {
    const r = await api(page, 'POST', `${daf}${path}`, { expectedVersion: dafVersion, ...body });
    dafVersion = r.version as number;
    return r;
  };
  const itemIds: string[] = [];
  for (const item of [productInput(today), softInput(today)]) itemIds.push((await onDaf('/items', { item })).itemId as string);
  await onDaf('/drafts', { template: TEMPLATE_REF, classification: 'stg_confidential' });
  await onDaf('/draft', { content: completeContent(itemIds, today, { classification: 'stg_confidential' }) });
  await onDaf('/submit', {});
  await loginAs(page, 'analist2');
  await onDaf('/challenges', { verdict: 'agree', reasons: 'Oordeel volgt uit de bronnen (e2e).' });
  await loginAs(page, 'analist');
  await onDaf('/finalise', { validUntil: inDays(200) });

  await loginAs(page, 'besluit');
  version = (await api(page, 'GET', `/api/cases/${caseId}`)).version as number;
  const facts = { phenomenon: 'organised_crime', threatLevel: 'high', ownResistance: 'insufficient', threatDuration: 'long', activityDomains: ['home', 'work', 'transport', 'private'], cooperation: true, integrityRisk: false, employerMeasures: 'partial', hasPartner: false, hasChildren: false };
  await onCase('/decisions', { facts, motivation: 'Zware weerstand nodig (e2e keten).', reviewDate: inDays(150) });
  return caseId;
}
