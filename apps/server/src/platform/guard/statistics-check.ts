import { mayReadStatistics } from '@hoeder/domain';
import { listCanaryCaseIds, listCaseSummaries, type CaseSetGrant, type Db } from '@hoeder/db';
import { mintCaseSet } from '@hoeder/db/grant-mint';
import type { AuthenticatedActor } from '../actor';
import { forbidden, type Checked } from './guard';

/**
 * The advisory body's statistics (issue 13): an aggregate grant over every case — the figures are
 * counted and small cells suppressed before they leave the service, so no reader sees a case.
 */
export const statisticsPopulation =
  () =>
  async (trx: Db, actor: AuthenticatedActor): Promise<Checked<{ cases: CaseSetGrant }>> => {
    const purpose = 'statistics.advisory';
    if (!mayReadStatistics(actor)) return forbidden('statistics are for the advisory body and the inspectorate', purpose);
    // The canary cases (ADR 0026) are decoys, not work: they are never counted.
    const canaries = new Set(await listCanaryCaseIds(trx));
    const ids = (await listCaseSummaries(trx, 'all')).map((c) => c.caseId).filter((id) => !canaries.has(id));
    return { ok: true, grant: { cases: mintCaseSet(ids, new Set(['summary', 'triage', 'decision']), 'aggregate') }, purpose };
  };
