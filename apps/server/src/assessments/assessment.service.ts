import { assessment, fail, ok, readableRecords, sectionRecord, type Classification, type Result } from '@hoeder/domain';
import type { AssessmentView, DecisionBasisView, VersionComparisonView } from '@hoeder/contracts';
import { activeBreakGlassCases, findUsersByIds, loadCaseEvents, membershipsOf, type Database, type Db } from '@hoeder/db';
import type { Kysely } from 'kysely';
import type { AuditService } from '../audit/audit.service';
import type { AuthenticatedActor, RequestContext } from '../platform/actor';
import { processingActivity, visibleCases } from '../cases/case-access';
import { dafAccess, seesDaf, type DafAccess } from './assessment-access';
import { createAssessmentCommands } from './assessment-commands';
import { buildAssessmentView, redactComparison, userIdsOf, visibleVersions } from './assessment-view';
import { findAssessmentSummaries, loadAssessmentEvents } from './assessment.repository';
import { decisionBasisView } from './decision-basis';

export interface AssessmentServiceDeps {
  db: Kysely<Database>;
  audit: AuditService;
  /** The method templates in use: shipped plus loaded (`loadMethodTemplates`). */
  templates?: readonly assessment.MethodTemplate[] | undefined;
}

async function displayNames(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  const users = await findUsersByIds(db, ids);
  return new Map(users.map((u) => [u.userId, u.displayName]));
}

/**
 * The DAF record of a case (ADR 0008, 0009). Every method starts with need-to-know (`dafAccess`)
 * and audits in the same transaction: each read, each denied read, and each information product
 * whose content it hands out (ids and markings, never the content).
 */
export function createAssessmentService({ db, audit, templates = assessment.SHIPPED_TEMPLATES }: AssessmentServiceDeps) {
  const commands = createAssessmentCommands({ db, audit, templates });
  const notFound = () => fail('NOT_FOUND', 'case not found');

  /** The gate of every read: the DAF access, or a denied entry and the same 404 as for a case. */
  async function gate(trx: Db, ctx: RequestContext, actor: AuthenticatedActor, caseId: string, operation: string): Promise<DafAccess | undefined> {
    const daf = await dafAccess(trx, actor, caseId, ctx.now);
    if (daf && seesDaf(daf.view)) return daf;
    await audit.record(trx, ctx, actor, { operation, status: 'denied', processingActivity: 'protection.case_handling', objectType: 'assessment', objectId: caseId, dataSubjectId: caseId });
    return undefined;
  }

  const purpose = (actor: AuthenticatedActor, daf: DafAccess, caseId: string) => processingActivity(actor, daf.access.memberOf, caseId, daf.access.breakGlass);

  /** One entry per information item whose content leaves the service. */
  async function auditContentViews(trx: Db, ctx: RequestContext, actor: AuthenticatedActor, daf: DafAccess, caseId: string, itemIds: readonly string[], operation: string) {
    // One entry per item served, all written in one statement.
    const items = new Map(daf.state?.items.map((i) => [i.itemId, i]));
    const processingActivity = purpose(actor, daf, caseId);
    await audit.recordMany(
      trx,
      ctx,
      actor,
      itemIds.map((itemId) => {
        const item = items.get(itemId);
        return {
          operation,
          status: 'ok' as const,
          processingActivity,
          objectType: 'information_item',
          objectId: itemId,
          dataSubjectId: caseId,
          details: { kind: item?.kind, originator: item?.originator, classification: item?.classification, releaseCondition: item?.releaseCondition },
        };
      }),
    );
  }

  return {
    view: (ctx: RequestContext, actor: AuthenticatedActor, caseId: string): Promise<Result<AssessmentView>> =>
      db.transaction().execute(async (trx) => {
        const daf = await gate(trx, ctx, actor, caseId, 'assessment.view');
        if (!daf) return notFound();
        const shown = daf.view.contentItemIds;
        await audit.record(trx, ctx, actor, {
          operation: 'assessment.view',
          status: 'ok',
          processingActivity: purpose(actor, daf, caseId),
          objectType: 'assessment',
          objectId: caseId,
          dataSubjectId: caseId,
          details: { version: daf.state?.version ?? 0, parts: daf.view.parts, gradedItemIds: daf.view.gradedItemIds, contentItemIds: shown },
        });
        await auditContentViews(trx, ctx, actor, daf, caseId, shown, 'assessment.item.view');
        const names = await displayNames(trx, userIdsOf(daf.state));
        return ok(buildAssessmentView(caseId, daf.access.summary.version, daf.state, daf.view, names, ctx.now));
      }),

    compare: (ctx: RequestContext, actor: AuthenticatedActor, caseId: string, from: number, to: number): Promise<Result<VersionComparisonView>> =>
      db.transaction().execute(async (trx) => {
        const daf = await gate(trx, ctx, actor, caseId, 'assessment.compare');
        if (!daf) return notFound();
        const shown = visibleVersions(daf.state, daf.view);
        const a = shown.find((v) => v.versionNumber === from);
        const b = shown.find((v) => v.versionNumber === to);
        const found = !!a && !!b && daf.view.parts.length > 0;
        await audit.record(trx, ctx, actor, {
          operation: 'assessment.compare',
          status: found ? 'ok' : 'error',
          processingActivity: purpose(actor, daf, caseId),
          objectType: 'assessment',
          objectId: caseId,
          dataSubjectId: caseId,
          details: { from, to, parts: daf.view.parts },
        });
        if (!a || !b || !found) return fail('NOT_FOUND', 'no such assessment version');
        return ok(redactComparison(assessment.compareVersions(a, b), daf.view));
      }),

    decisionBasis: (ctx: RequestContext, actor: AuthenticatedActor, caseId: string, decisionId: string): Promise<Result<DecisionBasisView>> =>
      db.transaction().execute(async (trx) => {
        const daf = await gate(trx, ctx, actor, caseId, 'assessment.decision_basis');
        if (!daf || daf.view.parts.length === 0) return notFound();
        const caseEvents = await loadCaseEvents(trx, caseId);
        const basis = await decisionBasisView(trx, caseId, caseEvents, daf, decisionId);
        await audit.record(trx, ctx, actor, {
          operation: 'assessment.decision_basis',
          status: basis ? 'ok' : 'error',
          processingActivity: purpose(actor, daf, caseId),
          objectType: 'assessment',
          objectId: caseId,
          dataSubjectId: caseId,
          details: { decisionId, versionInEffect: basis?.versionInEffect ?? null },
        });
        return basis ? ok(basis) : fail('NOT_FOUND', 'no such decision');
      }),

    /** Set-based: of the cases the actor sees, those whose DAF record they read and that need re-assessment. */
    reassessmentDue: (ctx: RequestContext, actor: AuthenticatedActor): Promise<string[]> =>
      db.transaction().execute(async (trx) => {
        const cases = await visibleCases(trx, actor, ctx.now);
        const summaries = await findAssessmentSummaries(trx, cases.map((c) => c.caseId));
        const withFinal = new Map(summaries.filter((s) => s.finalVersion !== null).map((s) => [s.caseId, s]));
        const candidates = cases.filter((c) => withFinal.has(c.caseId));
        // The list already passed the case gate; this narrows to readers of the assessment section.
        const basis = new Set(candidates.map((c) => c.caseId));
        const marked = candidates.map((c) => sectionRecord(c.caseId, withFinal.get(c.caseId)!.classification as Classification, 'assessment'));
        const readable = readableRecords(actor, marked, await memberOrGranted(trx, actor, basis, ctx.now)).map((r) => r.caseId);
        const streams = await loadAssessmentEvents(trx, readable);
        const due = readable.filter((id) => assessment.reassessmentDue(assessment.projectAssessment(streams.get(id) ?? []), ctx.now.toISOString()).due);
        await audit.record(trx, ctx, actor, {
          operation: 'assessment.reassessment_list',
          status: 'ok',
          processingActivity: 'protection.case_handling',
          objectType: 'assessment',
          details: { caseIds: due },
        });
        return due;
      }),

    templates: (): readonly assessment.MethodTemplate[] => templates,

    execute: commands.execute,
  };
}

/** The cases (of those asked) the actor reads as a member, under break-glass, or by oversight. */
async function memberOrGranted(trx: Db, actor: AuthenticatedActor, caseIds: ReadonlySet<string>, now: Date): Promise<Set<string>> {
  const ids = [...caseIds];
  return new Set([...(await membershipsOf(trx, actor.userId, ids)), ...(await activeBreakGlassCases(trx, actor.userId, now, ids))]);
}

export type AssessmentService = ReturnType<typeof createAssessmentService>;
