import { randomUUID } from 'node:crypto';
import type { AgendaPostsView, AgendaView, SaveAgendaRequest } from '@hoeder/contracts';
import { appendAgendaVersion, loadAgendaVersions, loadCaseEvents, type AgendaVersionRow } from '@hoeder/db';
import { actingRole } from '../platform/actor';
import { diffAgenda, fail, ok, projectCase, validateAgenda, type AgendaActivity, type CasePhase, type Result } from '@hoeder/domain';
import { agendaPosts } from './agenda-posts';
import type { AuthenticatedActor, RequestContext } from '../platform/actor';
import { agendaPostsRead, agendaRead, agendaWrite } from '../platform/guard/agenda-check';
import type { Guard } from '../platform/guard/guard';

/** The agenda is recorded once a case has been assessed, and no longer once it has ended. */
const EDITABLE_PHASES: readonly CasePhase[] = ['assessed', 'decision_pending_approval', 'measures_active'];

const EMPTY_CHANGES = { added: [], removed: [], changed: [] };

function view(caseId: string, versions: readonly AgendaVersionRow[], asOf: Date | null, mayEdit: boolean): AgendaView {
  const shown = asOf ? versions.filter((v) => Date.parse(v.recordedAt) <= asOf.getTime()) : versions;
  const current = shown.at(-1);
  return {
    caseId,
    version: current?.version ?? 0,
    asOf: asOf ? asOf.toISOString() : null,
    activities: current?.activities ?? [],
    mayEdit: mayEdit && !asOf,
    history: [...shown].reverse().map((v) => ({ version: v.version, recordedBy: v.recordedBy, recordedRole: v.recordedRole, recordedAt: v.recordedAt, changes: v.changes ?? EMPTY_CHANGES })),
  };
}

/**
 * The protected person's agenda (issue 11 item 3) on the guarded layer: read through the case's
 * need-to-know (`agenda` section), recorded by the liaison or LCC on the case. Every save is a
 * whole new version with who, when and what changed; a bad item refuses the whole save.
 */
export function createAgendaService({ guard }: { guard: Guard }) {
  return {
    view: (ctx: RequestContext, actor: AuthenticatedActor, caseId: string, asOf?: Date): Promise<Result<AgendaView>> =>
      guard.withAccess(ctx, actor, { operation: 'agenda.view', objectType: 'case', objectId: caseId, dataSubjectId: caseId, check: agendaRead(caseId) }, async ({ trx, grant, note }) => {
        const versions = await loadAgendaVersions(trx, grant.read, caseId);
        const result = view(caseId, versions, asOf ?? null, grant.mayEdit);
        note({ agendaVersion: result.version, ...(asOf ? { asOf: asOf.toISOString() } : {}) });
        return ok(result);
      }),

    /** The posts one week of the agenda yields under the active measures and the post rules in effect. */
    posts: (ctx: RequestContext, actor: AuthenticatedActor, caseId: string, startDate: string): Promise<Result<AgendaPostsView>> =>
      guard.withAccess(ctx, actor, { operation: 'agenda.posts', objectType: 'case', objectId: caseId, dataSubjectId: caseId, check: agendaPostsRead(caseId) }, async ({ trx, grant, note }) => {
        const current = (await loadAgendaVersions(trx, grant.read, caseId)).at(-1);
        const decision = projectCase(await loadCaseEvents(trx, grant.measures))?.activeDecision;
        const view = agendaPosts(caseId, startDate, current?.activities ?? [], decision);
        note({ agendaVersion: current?.version ?? 0, posts: view.posts.length });
        return ok(view);
      }),

    save: (ctx: RequestContext, actor: AuthenticatedActor, caseId: string, input: SaveAgendaRequest): Promise<Result<AgendaView>> =>
      guard.withAccess(
        ctx,
        actor,
        {
          operation: 'agenda.record',
          objectType: 'case',
          objectId: caseId,
          dataSubjectId: caseId,
          check: agendaWrite(caseId),
          conflict: () => ({ code: 'VERSION_CONFLICT', message: 'the agenda was changed by someone else; reload it' }),
        },
        async ({ trx, grant, note }) => {
          if (!EDITABLE_PHASES.includes(grant.access.summary.phase)) return fail('INVALID_TRANSITION', `the agenda is recorded for an assessed case with (coming) measures, not in phase ${grant.access.summary.phase}`);
          const versions = await loadAgendaVersions(trx, grant.write, caseId);
          const current = versions.at(-1);
          const currentVersion = current?.version ?? 0;
          if (input.expectedVersion !== currentVersion) return fail('VERSION_CONFLICT', `the agenda is at version ${currentVersion}, not ${input.expectedVersion}`, { currentVersion });
          const activities: AgendaActivity[] = input.activities.map((a) => ({ ...a, activityId: a.activityId ?? randomUUID() }));
          const errors = validateAgenda(activities);
          if (errors.length > 0) {
            const issues = errors.map((e) => ({ field: `activities.${e.index}.${e.field}`, message: e.message }));
            return fail('VALIDATION_FAILED', `${issues[0]!.field}: ${issues[0]!.message}`, { issues });
          }
          const changes = diffAgenda(current?.activities ?? [], activities);
          await appendAgendaVersion(trx, grant.write, { version: currentVersion + 1, activities, changes, recordedBy: actor.userId, recordedRole: actingRole(actor) }, ctx.now);
          note({ agendaVersion: currentVersion + 1, added: changes.added.length, removed: changes.removed.length, changed: changes.changed.length });
          return ok(view(caseId, await loadAgendaVersions(trx, grant.write, caseId), null, true));
        },
      ),
  };
}

export type AgendaService = ReturnType<typeof createAgendaService>;
