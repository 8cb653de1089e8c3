import { mayHandleAnomalyAlerts, mayReadQualityMonitor } from '@hoeder/domain';
import { listCaseSummaries, listCanaryCaseIds, type CaseSetGrant, type Db, type RosterReadGrant } from '@hoeder/db';
import { mintCaseSet, mintRosterRead } from '@hoeder/db/grant-mint';
import type { AuthenticatedActor } from '../actor';
import { forbidden, roleCheck, type Checked } from './guard';

/**
 * Access anomaly alerts (ADR 0026): the inspectorate and the NCTV's security officer. An alert names
 * a user, a rule and case ids — never case content — so the check is on the role alone.
 */
export const anomalyAlerts = roleCheck(mayHandleAnomalyAlerts, 'anomaly alerts are for the inspectorate and the security officer', 'oversight.anomaly_detection');

/**
 * The NCTV's quality monitor: an aggregate grant over every real case — canaries left out, so the
 * decoys never show in a figure — counted before anything leaves the service. The DAF records are
 * in it for the dissent and re-assessment counts, and the published rosters' counts (no rows) for
 * the capacity figure.
 */
export const qualityPopulation =
  () =>
  async (trx: Db, actor: AuthenticatedActor): Promise<Checked<{ cases: CaseSetGrant; rosters: RosterReadGrant }>> => {
    const purpose = 'quality.monitor';
    if (!mayReadQualityMonitor(actor)) return forbidden('the quality monitor is for the NCTV and the inspectorate', purpose);
    const canaries = new Set(await listCanaryCaseIds(trx));
    const ids = (await listCaseSummaries(trx, 'all')).map((c) => c.caseId).filter((id) => !canaries.has(id));
    return { ok: true, grant: { cases: mintCaseSet(ids, new Set(['summary', 'triage', 'decision', 'assessment']), 'aggregate'), rosters: mintRosterRead({ kind: 'all' }, true) }, purpose };
  };
