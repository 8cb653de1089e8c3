import type { InformationItemInput } from '@hoeder/contracts';
import type { Classification } from '@hoeder/domain';
import type { HttpFixture } from '../testing/http-fixture';
import { completeContent, productInput, softInput, TEMPLATE_REF } from './daf-samples';

/** For tests: the DAF flow over HTTP as the real users (analist writes, analist2 challenges). */
export async function finaliseDafOverHttp(
  f: HttpFixture,
  caseId: string,
  options: { validUntil: string; items?: InformationItemInput[]; dissent?: boolean; classification?: Classification },
): Promise<{ version: number; itemIds: string[] }> {
  const today = f.clock.now().toISOString().slice(0, 10);
  const base = `/api/cases/${caseId}/assessment`;
  const current = await f.api(await f.session('analist'), 'GET', base);
  let version = (current.body as { version: number }).version;
  const post = async (who: string, path: string, body: Record<string, unknown>) => {
    const reply = await f.api(await f.session(who), 'POST', `${base}${path}`, { expectedVersion: version, ...body });
    if (reply.status >= 300) throw new Error(`DAF ${who} ${path} failed: ${reply.status} ${JSON.stringify(reply.body)}`);
    version = (reply.body as { version: number }).version;
    return reply.body as { itemId?: string };
  };
  const itemIds: string[] = [];
  for (const item of options.items ?? [productInput(today), softInput(today)]) itemIds.push((await post('analist', '/items', { item })).itemId!);
  const classification = options.classification ?? 'stg_confidential';
  await post('analist', '/drafts', { template: TEMPLATE_REF, classification });
  await post('analist', '/draft', { content: completeContent(itemIds, today, { classification }) });
  await post('analist', '/submit', {});
  const dissent = options.dissent ?? false;
  await post('analist2', '/challenges', { verdict: dissent ? 'dissent' : 'agree', reasons: dissent ? 'Scenario twee is onvoldoende onderbouwd.' : 'Oordeel volgt uit de bronnen.' });
  await post('analist', '/finalise', { validUntil: options.validUntil, expectedDuration: 'over_12_months', ...(dissent ? { responseToDissent: 'Scenario twee blijft staan; zie indicatoren.' } : {}) });
  return { version, itemIds };
}
