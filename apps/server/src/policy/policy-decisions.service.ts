import {
  assessment,
  fail,
  mayIssueCommand,
  mayReadDeviationReport,
  ok,
  OVERSIGHT_ROLES,
  projectCase,
  readableRecords,
  sectionRecord,
  type CaseFacts,
  type Classification,
  type DecisionProposed,
  type Result,
} from '@hoeder/domain';
import { explainPackageNl, proposePackage } from '@hoeder/domain/policy';
import type { DeviationReportItem, PolicyPrefill, PolicyProposal } from '@hoeder/contracts';
import { findCaseSummaries, listDeviatingProposals, loadCaseEvents, membershipsOf, type Database, type Db } from '@hoeder/db';
import type { Kysely } from 'kysely';
import type { AuditService } from '../audit/audit.service';
import { dafAccess } from '../assessments/assessment-access';
import { caseAccess, processingActivity } from '../cases/case-access';
import type { AuthenticatedActor, RequestContext } from '../platform/actor';
import type { PolicyStore } from './policy-store';
import { reasonsOf } from './policy-view';

const POLICY_PHENOMENA = new Set(['organised_crime', 'terrorism', 'state_actor', 'radicalised_loner']);

/**
 * The package policy at the decision maker's side of a case: prefilled facts, the proposal with
 * its explanation, and the deviation report for oversight. Need-to-know first, audited always.
 */
export function createPolicyDecisionService({ db, audit, policies }: { db: Kysely<Database>; audit: AuditService; policies: PolicyStore }) {
  const notFound = () => fail('NOT_FOUND', 'case not found');

  /** Only a decision maker on the case team (who may propose) sees the policy's view of it. */
  async function decisionAccess(trx: Db, ctx: RequestContext, actor: AuthenticatedActor, caseId: string, operation: string) {
    const access = await caseAccess(trx, actor, caseId, ctx.now);
    const target = access && { caseId, classification: access.summary.classification as Classification };
    const allowed = !!access && mayIssueCommand(actor, 'ProposeDecision', target, access.memberOf);
    await audit.record(trx, ctx, actor, {
      operation,
      status: allowed ? 'ok' : 'denied',
      processingActivity: access ? processingActivity(actor, access.memberOf, caseId, access.breakGlass) : 'protection.case_handling',
      objectType: 'case',
      objectId: caseId,
      dataSubjectId: caseId,
    });
    return allowed;
  }

  return {
    prefill: async (ctx: RequestContext, actor: AuthenticatedActor, caseId: string): Promise<Result<PolicyPrefill>> => {
      await policies.ensureShipped();
      return db.transaction().execute(async (trx) => {
        if (!(await decisionAccess(trx, ctx, actor, caseId, 'case.policy.prefill'))) return notFound();
        const state = projectCase(await loadCaseEvents(trx, caseId));
        const current = await policies.inEffect(trx, ctx.now);
        const phenomenon = state?.triage?.phenomenon ?? state?.reportedPhenomenon;
        const judged = await judgementFacts(trx, ctx, actor, caseId);
        return ok({
          policyVersion: current?.version ?? null,
          effectiveFrom: current?.effectiveFrom ?? null,
          phenomenon: phenomenon && POLICY_PHENOMENA.has(phenomenon) ? (phenomenon as PolicyPrefill['phenomenon']) : null,
          // Only from the DAF record, under its access rule: the case stream holds no content (ADR 0015).
          threatLevel: judged?.facts.threatLevel ?? null,
          ownResistance: judged?.facts.ownResistance ?? null,
          employerMeasures: judged?.facts.employerMeasures ?? null,
          assessmentVersion: judged?.versionNumber ?? null,
        });
      });
    },

    propose: async (ctx: RequestContext, actor: AuthenticatedActor, caseId: string, facts: CaseFacts): Promise<Result<PolicyProposal>> => {
      await policies.ensureShipped();
      return db.transaction().execute(async (trx) => {
        if (!(await decisionAccess(trx, ctx, actor, caseId, 'case.policy.proposal'))) return notFound();
        const current = await policies.inEffect(trx, ctx.now);
        if (!current) return fail('RULE_VIOLATION', 'no package policy is in effect today');
        const proposed = proposePackage(current, facts);
        if (!proposed.ok) return fail('VALIDATION_FAILED', proposed.error.message, { field: 'facts', policyError: proposed.error.code });
        const p = proposed.value;
        return ok({
          policyVersion: p.policyVersion,
          effectiveFrom: current.effectiveFrom,
          package: { resistanceLevel: p.resistanceLevel, measures: p.measures, careModules: p.careModules, reviewPeriodMonths: p.reviewPeriodMonths },
          reasons: reasonsOf(p.explanation),
          explanationNl: explainPackageNl(p),
        });
      });
    },

    deviations: (ctx: RequestContext, actor: AuthenticatedActor): Promise<Result<DeviationReportItem[]>> =>
      db.transaction().execute(async (trx) => {
        const base = { operation: 'policy.deviation_report', objectType: 'case', processingActivity: 'oversight.inspection' };
        if (!mayReadDeviationReport(actor)) {
          await audit.record(trx, ctx, actor, { ...base, status: 'denied' });
          return fail('FORBIDDEN_ACTION', 'the deviation report is for the inspectorate and decision makers');
        }
        const items = await readableDeviations(trx, actor);
        await audit.record(trx, ctx, actor, { ...base, status: 'ok', details: { caseIds: [...new Set(items.map((i) => i.caseId))] } });
        return ok(items);
      }),
  };
}

/**
 * The policy facts the final DAF version's integrated judgement gives, when the actor's view of the
 * DAF record includes the judgement (need-to-know per part, ADR 0006/0009).
 */
async function judgementFacts(trx: Db, ctx: RequestContext, actor: AuthenticatedActor, caseId: string) {
  const daf = await dafAccess(trx, actor, caseId, ctx.now);
  if (!daf?.state || !daf.view.parts.includes('judgement')) return undefined;
  const final = assessment.currentFinal(daf.state);
  const judgement = final?.content.judgement;
  return final && judgement ? { versionNumber: final.versionNumber, facts: assessment.policyFactsFromJudgement(judgement) } : undefined;
}

/** Deviating proposals on cases whose decision section the actor may read (set-based check). */
async function readableDeviations(trx: Db, actor: AuthenticatedActor): Promise<DeviationReportItem[]> {
  const rows = await listDeviatingProposals(trx);
  const caseIds = [...new Set(rows.map((r) => r.caseId))];
  const summaries = new Map((await findCaseSummaries(trx, caseIds)).map((s) => [s.caseId, s]));
  const oversight = actor.roles.some((r) => OVERSIGHT_ROLES.includes(r));
  const memberOf = oversight ? new Set<string>() : await membershipsOf(trx, actor.userId, caseIds);
  const records = caseIds.flatMap((id) => {
    const s = summaries.get(id);
    return s ? [sectionRecord(id, s.classification as Classification, 'decision')] : [];
  });
  const readable = new Set(readableRecords(actor, records, memberOf).map((r) => r.caseId));
  return rows.flatMap((r) => {
    const body = r.payload as DecisionProposed;
    const record = body.policy;
    if (!readable.has(r.caseId) || !record?.deviation) return [];
    return [
      {
        caseId: r.caseId,
        reference: summaries.get(r.caseId)?.reference ?? '',
        decisionId: body.decisionId,
        proposedAt: r.occurredAt,
        proposedBy: r.actorId,
        policyVersion: record.policyVersion,
        proposed: record.proposal,
        chosen: record.chosen,
        motivation: record.deviation.motivation,
        addedMeasures: record.deviation.addedMeasures,
        droppedMeasures: record.deviation.droppedMeasures,
      },
    ];
  });
}

export type PolicyDecisionService = ReturnType<typeof createPolicyDecisionService>;
