import { assessment, fail, isNationalPhenomenon, ok, projectCase, type CaseFacts, type DecisionProposed, type Result } from '@hoeder/domain';
import { explainPackageNl, proposePackage } from '@hoeder/domain/policy';
import type { DeviationReportItem, PolicyPrefill, PolicyProposal } from '@hoeder/contracts';
import { listDeviatingProposals, loadCaseEvents } from '@hoeder/db';
import type { AuthenticatedActor, RequestContext } from '../platform/actor';
import type { DafAccess } from '../platform/guard/daf-check';
import type { Guard } from '../platform/guard/guard';
import { caseDecisionForm, deviationReport } from '../platform/guard/policy-check';
import type { PolicyStore } from './policy-store';
import { reasonsOf } from './policy-view';

/**
 * The package policy at the decision maker's side of a case: prefilled facts, the proposal with
 * its explanation, and the deviation report for oversight. Through the guarded layer (ADR 0010).
 */
export function createPolicyDecisionService({ guard, policies }: { guard: Guard; policies: PolicyStore }) {
  const onCase = (operation: string, caseId: string) => ({ operation, objectType: 'case', objectId: caseId, dataSubjectId: caseId, check: caseDecisionForm(caseId) });

  return {
    prefill: async (ctx: RequestContext, actor: AuthenticatedActor, caseId: string): Promise<Result<PolicyPrefill>> => {
      await policies.ensureShipped();
      return guard.withAccess(ctx, actor, onCase('case.policy.prefill', caseId), async ({ trx, grant }) => {
        const state = projectCase(await loadCaseEvents(trx, grant.read));
        const current = await policies.inEffect(trx, ctx.now);
        const phenomenon = state?.triage?.phenomenon ?? state?.reportedPhenomenon;
        const judged = judgementFacts(grant.daf);
        return ok({
          policyVersion: current?.version ?? null,
          effectiveFrom: current?.effectiveFrom ?? null,
          phenomenon: phenomenon && isNationalPhenomenon(phenomenon) ? phenomenon : null,
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
      return guard.withAccess(ctx, actor, onCase('case.policy.proposal', caseId), async ({ trx }) => {
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
      guard.withAccess(ctx, actor, { operation: 'policy.deviation_report', objectType: 'case', check: deviationReport() }, async ({ trx, grant, note }) => {
        const rows = await listDeviatingProposals(trx, grant.cases);
        const items = rows.flatMap((r): DeviationReportItem[] => {
          const body = r.payload as DecisionProposed;
          const record = body.policy;
          if (!record?.deviation) return [];
          return [
            {
              caseId: r.caseId,
              reference: grant.summaries.get(r.caseId)?.reference ?? '',
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
        note({ caseIds: [...new Set(items.map((i) => i.caseId))] });
        return ok(items);
      }),
  };
}

/**
 * The policy facts the final DAF version's integrated judgement gives, when the actor's view of the
 * DAF record includes the judgement (need-to-know per part, ADR 0006/0009).
 */
function judgementFacts(daf: DafAccess | undefined) {
  if (!daf?.state || !daf.view.parts.includes('judgement')) return undefined;
  const final = assessment.currentFinal(daf.state);
  const judgement = final?.content.judgement;
  return final && judgement ? { versionNumber: final.versionNumber, facts: assessment.policyFactsFromJudgement(judgement) } : undefined;
}

export type PolicyDecisionService = ReturnType<typeof createPolicyDecisionService>;
