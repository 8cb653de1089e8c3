import { randomUUID } from 'node:crypto';
import {
  fail,
  ok,
  projectCase,
  projectCaseAsOf,
  timelineSection,
  type CaseCommand,
  type Result,
} from '@hoeder/domain';
import type { CaseListItem, CaseView, CommandAccepted, RegisterCaseRequest, TimelineEntry } from '@hoeder/contracts';
import { findUsersByIds, loadCaseEvents, type Database, type Db } from '@hoeder/db';
import type { Kysely } from 'kysely';
import type { AuditService } from '../audit/audit.service';
import type { AuthenticatedActor, RequestContext } from '../platform/actor';
import { buildCaseView, userIdsIn } from './case-view';
import { caseAccess, processingActivity, visibleCases } from './case-access';
import { createCaseCommands } from './case-commands';
import { readableAssessments, withoutUnreadableAssessments } from '../assessments/derived-assessments';
import type { PolicyStore } from '../policy/policy-store';

export interface CaseServiceDeps {
  db: Kysely<Database>;
  audit: AuditService;
  policies: Pick<PolicyStore, 'evaluatorInEffect' | 'ensureShipped'>;
}

async function displayNames(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  const users = await findUsersByIds(db, ids);
  return new Map(users.map((u) => [u.userId, u.displayName]));
}

/**
 * Case reads and writes. Every method starts with the need-to-know check and appends its audit
 * entry in the same transaction as the access itself.
 */
export function createCaseService({ db, audit, policies }: CaseServiceDeps) {
  const commands = createCaseCommands({ db, audit, policies });
  const notFound = () => fail('NOT_FOUND', 'case not found');

  return {
    list: (ctx: RequestContext, actor: AuthenticatedActor): Promise<CaseListItem[]> =>
      db.transaction().execute(async (trx) => {
        const cases = await visibleCases(trx, actor, ctx.now);
        await audit.record(trx, ctx, actor, {
          operation: 'case.list',
          status: 'ok',
          processingActivity: 'protection.case_handling',
          objectType: 'case',
          details: { caseIds: cases.map((c) => c.caseId) },
        });
        // The read model stores the closed lists as text; they were validated when written.
        return cases as CaseListItem[];
      }),

    view: (ctx: RequestContext, actor: AuthenticatedActor, caseId: string, asOf?: string): Promise<Result<CaseView>> =>
      db.transaction().execute(async (trx) => {
        const access = await caseAccess(trx, actor, caseId, ctx.now);
        const events = access ? await loadCaseEvents(trx, caseId) : [];
        const state = asOf ? projectCaseAsOf(events, asOf) : projectCase(events);
        const base = { operation: 'case.view', objectType: 'case', objectId: caseId, dataSubjectId: caseId };
        if (!access || !state) {
          await audit.record(trx, ctx, actor, { ...base, status: 'denied', processingActivity: 'protection.case_handling', details: { asOf: asOf ?? null } });
          return notFound();
        }
        // Recorded DAF versions only at their own marking, content from the DAF record (ADR 0015).
        const assessments = await readableAssessments(trx, actor, access, state);
        await audit.record(trx, ctx, actor, {
          ...base,
          status: 'ok',
          processingActivity: processingActivity(actor, access.memberOf, caseId, access.breakGlass),
          details: { sections: [...access.sections], asOf: asOf ?? null, version: state.version, assessmentIds: assessments.map((a) => a.assessmentId) },
        });
        const names = await displayNames(trx, userIdsIn(state));
        return ok(buildCaseView(state, access.sections, names, asOf ?? null, assessments));
      }),

    timeline: (ctx: RequestContext, actor: AuthenticatedActor, caseId: string): Promise<Result<TimelineEntry[]>> =>
      db.transaction().execute(async (trx) => {
        const access = await caseAccess(trx, actor, caseId, ctx.now);
        const base = { operation: 'case.timeline', objectType: 'case', objectId: caseId, dataSubjectId: caseId };
        if (!access || !access.sections.has('timeline')) {
          await audit.record(trx, ctx, actor, { ...base, status: 'denied', processingActivity: 'protection.case_handling' });
          return notFound();
        }
        const events = await withoutUnreadableAssessments(trx, actor, access, await loadCaseEvents(trx, caseId));
        const shown = events.flatMap((e) => {
          const section = timelineSection(e.body.type, access.sections);
          return section ? [{ ...e, section }] : [];
        });
        await audit.record(trx, ctx, actor, {
          ...base,
          status: 'ok',
          processingActivity: processingActivity(actor, access.memberOf, caseId, access.breakGlass),
          details: { versions: shown.map((e) => e.version) },
        });
        const names = await displayNames(trx, [...new Set(shown.map((e) => e.actorId))]);
        return ok(
          shown.map((e) => ({
            version: e.version,
            type: e.body.type,
            occurredAt: e.occurredAt,
            actor: { userId: e.actorId, displayName: names.get(e.actorId) ?? e.actorId, role: e.actorRole },
            section: e.section,
          })),
        );
      }),

    register: (ctx: RequestContext, actor: AuthenticatedActor, input: RegisterCaseRequest): Promise<Result<CommandAccepted>> => {
      const caseId = randomUUID();
      const command: CaseCommand = {
        type: 'RegisterCase',
        reference: `HOE-${ctx.now.getUTCFullYear()}-${caseId.slice(0, 8).toUpperCase()}`,
        ...input,
        persons: input.persons.map((p) => ({ ...p, personId: randomUUID() })),
      };
      return commands.execute(ctx, actor, caseId, 0, command);
    },

    execute: commands.execute,
  };
}

export type CaseService = ReturnType<typeof createCaseService>;
