import { assessment, fail, learning, ok, readableIncidentTriggers, type Result } from '@hoeder/domain';
import type { AssessmentView, DecisionBasisView, VersionComparisonView } from '@hoeder/contracts';
import { findCaseSummaries, findUsersByIds, loadAssessmentEvents, loadCaseEvents, loadIncidentTriggers, type Db } from '@hoeder/db';
import type { AuthenticatedActor, RequestContext } from '../platform/actor';
import { processingActivity } from '../platform/guard/case-check';
import { dafList, dafRead, type DafAccess } from '../platform/guard/daf-check';
import type { Guard, Scope } from '../platform/guard/guard';
import { createAssessmentCommands } from './assessment-commands';
import { buildAssessmentView, redactComparison, userIdsOf, visibleVersions } from './assessment-view';
import { decisionBasisView } from './decision-basis';

export interface AssessmentServiceDeps {
  guard: Guard;
  /** The method templates in use: shipped plus loaded (`loadMethodTemplates`). */
  templates?: readonly assessment.MethodTemplate[] | undefined;
}

async function displayNames(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  const users = await findUsersByIds(db, ids);
  return new Map(users.map((u) => [u.userId, u.displayName]));
}

/** One entry per information item whose content leaves the service (ids and markings, never content), all in one statement. */
async function auditContentViews(scope: Scope<unknown>, daf: DafAccess, caseId: string, purpose: string, itemIds: readonly string[]) {
  const items = new Map(daf.state?.items.map((i) => [i.itemId, i]));
  await scope.recordMany(
    itemIds.map((itemId) => {
      const item = items.get(itemId);
      return {
        operation: 'assessment.item.view',
        status: 'ok' as const,
        processingActivity: purpose,
        objectType: 'information_item',
        objectId: itemId,
        dataSubjectId: caseId,
        details: { kind: item?.kind, originator: item?.originator, classification: item?.classification, releaseCondition: item?.releaseCondition },
      };
    }),
  );
}

/**
 * The DAF record of a case (ADR 0008, 0009), every method through the guarded layer (ADR 0010):
 * the DAF check, a grant, and the audit entry of each read, each refusal and each information
 * product whose content it hands out.
 */
export function createAssessmentService({ guard, templates = assessment.SHIPPED_TEMPLATES }: AssessmentServiceDeps) {
  const commands = createAssessmentCommands({ guard, templates });
  const onDaf = (operation: string, caseId: string) => ({ operation, objectType: 'assessment', objectId: caseId, dataSubjectId: caseId, check: dafRead(caseId) });

  return {
    view: (ctx: RequestContext, actor: AuthenticatedActor, caseId: string): Promise<Result<AssessmentView>> =>
      guard.withAccess(ctx, actor, onDaf('assessment.view', caseId), async (scope) => {
        const { daf } = scope.grant;
        const shown = daf.view.contentItemIds;
        // The items whose content is shown each get an entry of their own (below); this entry counts
        // them and names only the items whose grading alone is shown (ADR 0036: not the same
        // thousands of ids twice more in one row).
        const contentShown = new Set(shown);
        scope.note({ version: daf.state?.version ?? 0, parts: daf.view.parts, gradedOnlyItemIds: daf.view.gradedItemIds.filter((id) => !contentShown.has(id)), contentItems: shown.length });
        await auditContentViews(scope, daf, caseId, processingActivity(actor, daf.access.memberOf, caseId, daf.access.breakGlass), shown);
        const names = await displayNames(scope.trx, userIdsOf(daf.state));
        // The incident trigger (issue 14): the incidents the reader is cleared for, id and moment only.
        const incidents = learning.reassessmentIncidents(readableIncidentTriggers(actor, await loadIncidentTriggers(scope.trx, scope.grant.read)));
        return ok(buildAssessmentView(caseId, daf.access.summary.version, daf.state, daf.view, names, ctx.now, { incidents, caseEnded: daf.access.summary.phase === 'ended' }));
      }),

    compare: (ctx: RequestContext, actor: AuthenticatedActor, caseId: string, from: number, to: number): Promise<Result<VersionComparisonView>> =>
      guard.withAccess(ctx, actor, onDaf('assessment.compare', caseId), async ({ grant: { daf }, note }) => {
        const shown = visibleVersions(daf.state, daf.view);
        const a = shown.find((v) => v.versionNumber === from);
        const b = shown.find((v) => v.versionNumber === to);
        note({ from, to, parts: daf.view.parts });
        if (!a || !b || daf.view.parts.length === 0) return fail('NOT_FOUND', 'no such assessment version');
        return ok(redactComparison(assessment.compareVersions(a, b), daf.view));
      }),

    decisionBasis: (ctx: RequestContext, actor: AuthenticatedActor, caseId: string, decisionId: string): Promise<Result<DecisionBasisView>> =>
      guard.withAccess(ctx, actor, onDaf('assessment.decision_basis', caseId), async ({ trx, grant, note }) => {
        if (grant.daf.view.parts.length === 0) return fail('NOT_FOUND', 'case not found');
        const caseEvents = await loadCaseEvents(trx, grant.caseRead);
        // "As of" a past moment needs the whole DAF stream, not the snapshot of today.
        const dafEvents = (await loadAssessmentEvents(trx, grant.read)).get(caseId) ?? [];
        const basis = await decisionBasisView(trx, caseId, caseEvents, grant.daf, dafEvents, decisionId);
        note({ decisionId, versionInEffect: basis?.versionInEffect ?? null });
        return basis ? ok(basis) : fail('NOT_FOUND', 'no such decision');
      }),

    /** Set-based: of the cases the actor sees, those whose DAF record they read and that need re-assessment. */
    reassessmentDue: (ctx: RequestContext, actor: AuthenticatedActor): Promise<Result<string[]>> =>
      guard.withAccess(ctx, actor, { operation: 'assessment.reassessment_list', objectType: 'assessment', check: dafList() }, async ({ trx, grant, note }) => {
        const streams = await loadAssessmentEvents(trx, grant.cases);
        const triggers = readableIncidentTriggers(actor, await loadIncidentTriggers(trx, grant.cases));
        const incidentsOf = (id: string) => learning.reassessmentIncidents(triggers.filter((t) => t.caseId === id));
        // The phase only (no personal data), of cases the grant already covers: an ended case is never due.
        const ended = new Set((await findCaseSummaries(trx, grant.cases.caseIds)).filter((c) => c.phase === 'ended').map((c) => c.caseId));
        const due = grant.cases.caseIds.filter((id) => assessment.reassessmentDue(assessment.projectAssessment(streams.get(id) ?? []), ctx.now.toISOString(), { incidents: incidentsOf(id), caseEnded: ended.has(id) }).due);
        note({ caseIds: due });
        return ok(due);
      }),

    templates: (): readonly assessment.MethodTemplate[] => templates,

    execute: commands.execute,
  };
}

export type AssessmentService = ReturnType<typeof createAssessmentService>;
