import { randomUUID } from 'node:crypto';
import type { DisruptionRequest, ScenarioRequest } from '@hoeder/contracts';
import { enqueueJob, findPlanningRun, findRosterVersion, insertPlanningRun, insertScenario, listRosterVersions, listScenarios, listUnits, publishRosterVersion, type Db, type RosterReadGrant, type RosterVersionMeta } from '@hoeder/db';
import { fail, ok, type Result } from '@hoeder/domain';
import type { AuthenticatedActor, RequestContext } from '../platform/actor';
import type { Guard, Scope } from '../platform/guard/guard';
import { rosterPlanning, rosterReading } from '../platform/guard/roster-check';
import type { JobWake } from '../platform/jobs/job-wake';
import { toChange, type RosterDiff } from './disruption';
import { runView } from './planning.service';
import { REPLAN_JOB } from './replan-job';
import { runScenario, type ScenarioResult } from './scenario';
import type { PlanningInput } from './planning-input';
import type { RosterPlan } from './roster-document';
import { caseRoster, officerRoster, rosterOverview, unitRoster, visibleAssignments, type OpenRoster } from './roster-views';

const meta = (v: RosterVersionMeta) => ({
  versionId: v.versionId, versionNo: v.versionNo, startDate: v.startDate, days: v.days, origin: v.origin, parentVersionId: v.parentVersionId, failure: v.failure,
  quality: v.quality, createdAt: v.createdAt.toISOString(), publishedAt: v.publishedAt?.toISOString() ?? null,
});

const NOT_FOUND = 'roster version not found';

/** Roster versions and what users do with them (ADR 0019): views under need-to-know, publication, disruptions. */
export function createRosterService({ guard, jobWake }: { guard: Guard; jobWake?: JobWake }) {
  const read = (operation: string, objectId?: string, dataSubjectId?: string) => ({ operation, objectType: 'roster_version', objectId, dataSubjectId, check: rosterReading() });
  const write = (operation: string, objectId?: string) => ({ operation, objectType: 'roster_version', objectId, check: rosterPlanning() });

  async function open(trx: Db, grant: RosterReadGrant, versionId: string): Promise<{ version: ReturnType<typeof meta> & { change: unknown; diff: RosterDiff | null }; roster: OpenRoster } | undefined> {
    const v = await findRosterVersion(trx, grant, versionId);
    if (!v) return undefined;
    const unitNames = new Map((await listUnits(trx, { includeInactive: true })).map((u) => [u.unitId, u.name]));
    const diff = v.diff ? (JSON.parse(v.diff) as RosterDiff) : null;
    // A unit lead sees the moves of their own unit's officers only.
    const scoped = diff && grant.scope.kind === 'unit' ? { ...diff, moves: diff.moves.filter((m) => grant.scope.kind === 'unit' && m.unitId === grant.scope.unitId) } : diff;
    return { version: { ...meta(v), change: v.change ? (JSON.parse(v.change) as unknown) : null, diff: scoped }, roster: { input: JSON.parse(v.input) as PlanningInput, plan: JSON.parse(v.plan) as RosterPlan, scope: grant.scope, unitNames } };
  }

  /** Opens a version and hands it to a view; the audit entry names the version and the cases shown. */
  function view<T>(ctx: RequestContext, actor: AuthenticatedActor, operation: string, versionId: string, dataSubjectId: string | undefined, fn: (r: OpenRoster, scope: Scope<RosterReadGrant>) => T | undefined) {
    return guard.withAccess(ctx, actor, read(operation, versionId, dataSubjectId), async (scope): Promise<Result<{ version: ReturnType<typeof meta> & { change: unknown; diff: RosterDiff | null } } & { view: T }>> => {
      const opened = await open(scope.trx, scope.grant, versionId);
      const shown = opened && fn(opened.roster, scope);
      if (!opened || shown === undefined) return fail('NOT_FOUND', NOT_FOUND);
      scope.note({ versionId, scope: scope.grant.scope.kind });
      return ok({ version: opened.version, view: shown });
    });
  }

  const scenarioView = (s: { scenarioId: string; kind: string; params: string; result: string; createdAt: Date }) => ({
    scenarioId: s.scenarioId, kind: s.kind, params: JSON.parse(s.params) as ScenarioRequest, result: JSON.parse(s.result) as ScenarioResult, createdAt: s.createdAt.toISOString(),
  });

  return {
    /** A what-if on a copy of the version, saved beside it for comparison; the live roster is not touched. */
    scenario: (ctx: RequestContext, actor: AuthenticatedActor, versionId: string, req: ScenarioRequest) =>
      guard.withAccess(ctx, actor, write('roster.scenario.create', versionId), async ({ trx, grant, note }) => {
        const v = await findRosterVersion(trx, grant, versionId);
        if (!v) return fail('NOT_FOUND', NOT_FOUND);
        const result = runScenario(JSON.parse(v.input) as PlanningInput, JSON.parse(v.plan) as RosterPlan, req);
        if (!result.ok) return result;
        const scenarioId = randomUUID();
        await insertScenario(trx, grant, { scenarioId, versionId, kind: req.kind, params: JSON.stringify(req), result: JSON.stringify(result.value), now: ctx.now });
        note({ scenarioId, kind: req.kind });
        return ok(scenarioView({ scenarioId, kind: req.kind, params: JSON.stringify(req), result: JSON.stringify(result.value), createdAt: ctx.now }));
      }),

    scenarios: (ctx: RequestContext, actor: AuthenticatedActor, versionId: string) =>
      guard.withAccess(ctx, actor, write('roster.scenario.list', versionId), async ({ trx, grant }) => {
        const v = await findRosterVersion(trx, grant, versionId);
        if (!v) return fail('NOT_FOUND', NOT_FOUND);
        return ok({ scenarios: (await listScenarios(trx, grant, versionId)).map(scenarioView) });
      }),

    list: (ctx: RequestContext, actor: AuthenticatedActor) =>
      guard.withAccess(ctx, actor, read('roster.version.list'), async ({ trx, grant }) => ok({ versions: (await listRosterVersions(trx, grant, 50)).map(meta), scope: grant.scope })),

    overview: (ctx: RequestContext, actor: AuthenticatedActor, versionId: string) =>
      view(ctx, actor, 'roster.version.read', versionId, undefined, (r, { note }) => {
        const o = rosterOverview(r);
        note({ caseIds: o.cases.map((c) => c.caseId) });
        return { ...o, visibleAssignments: visibleAssignments(r).length };
      }),

    byCase: (ctx: RequestContext, actor: AuthenticatedActor, versionId: string, caseId: string) => view(ctx, actor, 'roster.case.read', versionId, caseId, (r) => caseRoster(r, caseId)),

    byUnit: (ctx: RequestContext, actor: AuthenticatedActor, versionId: string, unitId: string) =>
      view(ctx, actor, 'roster.unit.read', versionId, undefined, (r, { note }) => {
        const u = unitRoster(r, unitId);
        if (u) note({ unitId });
        return u;
      }),

    byOfficer: (ctx: RequestContext, actor: AuthenticatedActor, versionId: string, officerId: string) =>
      view(ctx, actor, 'roster.officer.read', versionId, undefined, (r, { note }) => {
        const o = officerRoster(r, officerId);
        if (o) note({ officerId });
        return o;
      }),

    publish: (ctx: RequestContext, actor: AuthenticatedActor, versionId: string) =>
      guard.withAccess(ctx, actor, write('roster.version.publish', versionId), async ({ trx, grant }) => {
        const v = await findRosterVersion(trx, grant, versionId);
        if (!v) return fail('NOT_FOUND', NOT_FOUND);
        if (v.publishedAt) return fail('INVALID_TRANSITION', 'this version is already published');
        await publishRosterVersion(trx, grant, versionId, ctx.now);
        return ok(meta((await findRosterVersion(trx, grant, versionId))!));
      }),

    /**
     * A disruption is checked against the version here (a bad one changes nothing and names its
     * field) and replanned by a job on the queue (ADR 0027): the answer is the run to follow.
     */
    disrupt: async (ctx: RequestContext, actor: AuthenticatedActor, versionId: string, req: DisruptionRequest) => {
      const result = await guard.withAccess(ctx, actor, write('roster.version.replan', versionId), async ({ trx, grant, note }) => {
        const v = await findRosterVersion(trx, grant, versionId);
        if (!v) return fail('NOT_FOUND', NOT_FOUND);
        const change = toChange(JSON.parse(v.input) as PlanningInput, req);
        if (!change.ok) return change;
        const [runId, jobId] = [randomUUID(), randomUUID()];
        // The job and its run in one transaction: a run exists exactly when its job does.
        await enqueueJob(trx, { jobId, kind: REPLAN_JOB, payload: { runId }, maxAttempts: 2, now: new Date() });
        await insertPlanningRun(trx, grant, { runId, jobId, startDate: v.startDate, days: v.days, requestedBy: actor.userId, now: ctx.now, replan: { parentVersionId: versionId, change: JSON.stringify(req) } });
        note({ runId, kind: req.kind });
        return ok(runView((await findPlanningRun(trx, runId))!));
      });
      // Committed: this instance's replan lane starts now rather than at its next poll.
      if (result.ok) jobWake?.wake();
      return result;
    },
  };
}

export type RosterService = ReturnType<typeof createRosterService>;
