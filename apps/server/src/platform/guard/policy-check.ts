import { mayAdministerPolicy, mayIssueCommand, mayReadDeviationReport, OVERSIGHT_ROLES, readableRecords, sectionRecord, type Classification } from '@hoeder/domain';
import { findCaseSummaries, listActiveCaseIds, listDeviatingCaseIds, membershipsOf, type AgendaReadGrant, type CaseReadGrant, type CaseSetGrant, type CaseSummaryRow, type Db } from '@hoeder/db';
import { mintAgendaRead, mintCaseRead, mintCaseSet } from '@hoeder/db/grant-mint';
import type { AuthenticatedActor } from '../actor';
import { caseAccess, processingActivity, type CaseAccess } from './case-check';
import { dafForReader, type DafAccess } from './daf-check';
import { forbidden, hidden, type Checked } from './guard';

export interface DecisionForm {
  read: CaseReadGrant;
  access: CaseAccess;
  /** The DAF record as far as the actor reads it, for the facts its judgement gives. */
  daf: DafAccess | undefined;
}

/** The package policy's view of a case: only for a decision maker on its team (who may propose). */
export const caseDecisionForm =
  (caseId: string) =>
  async (trx: Db, actor: AuthenticatedActor, now: Date): Promise<Checked<DecisionForm>> => {
    const access = await caseAccess(trx, actor, caseId, now);
    const target = access && { caseId, classification: access.summary.classification as Classification };
    if (!access || !mayIssueCommand(actor, 'ProposeDecision', target, access.memberOf)) return hidden();
    const read = mintCaseRead(caseId, access.sections, 'member');
    const daf = await dafForReader(trx, actor, caseId, now);
    return { ok: true, grant: { read, access, daf }, purpose: processingActivity(actor, access.memberOf, caseId, access.breakGlass) };
  };

/** The deviation report: oversight for every case, decision makers for the cases whose decision section they read. */
export const deviationReport =
  () =>
  async (trx: Db, actor: AuthenticatedActor): Promise<Checked<{ cases: CaseSetGrant; summaries: Map<string, CaseSummaryRow> }>> => {
    const purpose = 'oversight.inspection';
    if (!mayReadDeviationReport(actor)) return forbidden('the deviation report is for the inspectorate and decision makers', purpose);
    const caseIds = await listDeviatingCaseIds(trx);
    const summaries = new Map((await findCaseSummaries(trx, caseIds)).map((s) => [s.caseId, s]));
    const oversight = actor.roles.some((r) => OVERSIGHT_ROLES.includes(r));
    const memberOf = oversight ? new Set<string>() : await membershipsOf(trx, actor.userId, caseIds);
    const records = [...summaries.values()].map((s) => sectionRecord(s.caseId, s.classification as Classification, 'decision'));
    const readable = readableRecords(actor, records, memberOf).map((r) => r.caseId);
    const cases = mintCaseSet(readable, new Set(['decision']), 'list');
    return { ok: true, grant: { cases, summaries }, purpose };
  };

/**
 * The impact simulation: an administrator reads no case, but the simulation reads the decision
 * facts and the agenda (for the post-rule demand, ADR 0027) of every active case, pseudonymised
 * and reduced to hours before anything leaves (ADR 0103). The grants are aggregate ones.
 */
export const impactPopulation =
  () =>
  async (trx: Db, actor: AuthenticatedActor): Promise<Checked<{ cases: CaseSetGrant; agendas: AgendaReadGrant }>> => {
    const purpose = 'policy.administration';
    if (!mayAdministerPolicy(actor)) return forbidden('policy administration is for functional administrators', purpose);
    const caseIds = await listActiveCaseIds(trx);
    const cases = mintCaseSet(caseIds, new Set(['decision']), 'aggregate');
    return { ok: true, grant: { cases, agendas: mintAgendaRead(caseIds) }, purpose };
  };
