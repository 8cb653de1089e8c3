import { randomUUID } from 'node:crypto';
import { fail, ok, projectCase, projectCaseAsOf, timelineSection, type CaseCommand, type Result } from '@hoeder/domain';
import type { CaseListItem, CaseView, CommandAccepted, RegisterCaseRequest, TimelineEntry } from '@hoeder/contracts';
import { findUsersByIds, loadCaseEvents, loadCaseEventsWithNames, type Db } from '@hoeder/db';
import type { AuthenticatedActor, RequestContext } from '../platform/actor';
import { caseList, caseRead } from '../platform/guard/case-check';
import type { Guard } from '../platform/guard/guard';
import { readableAssessments, withoutUnreadableAssessments } from '../assessments/derived-assessments';
import type { PolicyStore } from '../policy/policy-store';
import { createCaseCommands } from './case-commands';
import { buildCaseView, userIdsIn } from './case-view';

export interface CaseServiceDeps {
  guard: Guard;
  policies: Pick<PolicyStore, 'evaluatorInEffect' | 'ensureShipped'>;
}

async function displayNames(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  const users = await findUsersByIds(db, ids);
  return new Map(users.map((u) => [u.userId, u.displayName]));
}

/** Case reads and writes, each through the guarded layer (ADR 0010): check, grant, audit. */
export function createCaseService({ guard, policies }: CaseServiceDeps) {
  const commands = createCaseCommands({ guard, policies });
  const onCase = (operation: string, caseId: string) => ({ operation, objectType: 'case', objectId: caseId, dataSubjectId: caseId });

  return {
    list: async (ctx: RequestContext, actor: AuthenticatedActor): Promise<Result<CaseListItem[]>> =>
      guard.withAccess(ctx, actor, { operation: 'case.list', objectType: 'case', check: caseList(), readOnly: true }, async ({ grant }) =>
        // The read model stores the closed lists as text; they were validated when written.
        ok(grant.rows as CaseListItem[]),
      ),

    view: (ctx: RequestContext, actor: AuthenticatedActor, caseId: string, asOf?: string): Promise<Result<CaseView>> =>
      guard.withAccess(ctx, actor, { ...onCase('case.view', caseId), check: caseRead(caseId), readOnly: true }, async ({ trx, grant, note }) => {
        // The stream and its staff's names in one round trip (ADR 0036).
        const { events, names } = await loadCaseEventsWithNames(trx, grant.read);
        const state = asOf ? projectCaseAsOf(events, asOf) : projectCase(events);
        note({ asOf: asOf ?? null, version: state?.version ?? null });
        if (!state) return fail('NOT_FOUND', 'case not found');
        // Recorded DAF versions only at their own marking, content from the DAF record (ADR 0015).
        const assessments = await readableAssessments(trx, actor, grant.access, state, grant.dafRead);
        note({ assessmentIds: assessments.map((a) => a.assessmentId) });
        const missing = userIdsIn(state).filter((id) => !names.has(id));
        if (missing.length > 0) for (const [id, name] of await displayNames(trx, missing)) names.set(id, name);
        return ok(buildCaseView(state, grant.access.sections, names, asOf ?? null, assessments));
      }),

    timeline: (ctx: RequestContext, actor: AuthenticatedActor, caseId: string): Promise<Result<TimelineEntry[]>> =>
      guard.withAccess(ctx, actor, { ...onCase('case.timeline', caseId), check: caseRead(caseId, 'timeline') }, async ({ trx, grant, note }) => {
        const events = await withoutUnreadableAssessments(trx, actor, grant.access, await loadCaseEvents(trx, grant.read));
        const shown = events.flatMap((e) => {
          const section = timelineSection(e.body.type, grant.access.sections);
          return section ? [{ ...e, section }] : [];
        });
        note({ versions: shown.map((e) => e.version) });
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
        // A person intake linked to a known record keeps that record's id (issue 12); others get a new one.
        persons: input.persons.map((p) => ({ ...p, personId: p.personId ?? randomUUID() })),
      };
      const linkedPersonIds = input.persons.flatMap((p) => (p.personId ? [p.personId] : []));
      return commands.execute(ctx, actor, caseId, 0, command, { linkedPersonIds });
    },

    execute: commands.execute,
  };
}

export type CaseService = ReturnType<typeof createCaseService>;
