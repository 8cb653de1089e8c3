import { CapacityQuery, DisruptionRequest, ScenarioRequest, RunIdParams, StartPlanningRunRequest, VersionCaseParams, VersionIdParams, VersionOfficerParams, VersionUnitParams } from '@hoeder/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { requireActor } from '../auth/auth.plugin';
import type { Clock } from '../platform/clock';
import { openApi, parseWith, requestContext, unwrap } from '../platform/http';
import type { CapacityService } from './capacity.service';
import type { PlanningService } from './planning.service';
import type { RosterService } from './roster.service';

export interface PlanningRouteDeps {
  planning: PlanningService;
  roster: RosterService;
  capacity: CapacityService;
  clock: Clock;
}

/** /api/planning (runs) and /api/roster (versions, views, publication, disruptions); ADR 0019. */
export function registerPlanningRoutes(app: FastifyInstance, deps: PlanningRouteDeps) {
  const ctx = (request: FastifyRequest) => requestContext(request, deps.clock);
  const tags = ['planning'];

  app.post('/api/planning/runs', { schema: { tags, summary: 'Start a planning run for a period (a background job)', body: openApi(StartPlanningRunRequest) } }, async (request, reply) => {
    const actor = requireActor(request);
    const body = parseWith(StartPlanningRunRequest, request.body);
    const run = unwrap(await deps.planning.start(ctx(request), actor, body));
    return reply.code(202).send(run);
  });
  app.get('/api/planning/runs', { schema: { tags, summary: 'Recent planning runs with progress' } }, async (request) => unwrap(await deps.planning.list(ctx(request), requireActor(request))));
  app.get('/api/planning/runs/:runId', { schema: { tags, summary: 'One planning run: status, progress, quality so far', params: openApi(RunIdParams) } }, async (request) =>
    unwrap(await deps.planning.get(ctx(request), requireActor(request), parseWith(RunIdParams, request.params).runId)),
  );
  app.post('/api/planning/runs/:runId/cancel', { schema: { tags, summary: 'Cancel a planning run', params: openApi(RunIdParams) } }, async (request) =>
    unwrap(await deps.planning.cancel(ctx(request), requireActor(request), parseWith(RunIdParams, request.params).runId)),
  );

  app.get('/api/capacity', { schema: { tags: ['capacity'], summary: 'Demand against available hours per organisation per week, bottlenecks and the cases behind them', querystring: openApi(CapacityQuery) } }, async (request) =>
    unwrap(await deps.capacity.weeks(ctx(request), requireActor(request), parseWith(CapacityQuery, request.query))),
  );

  const rosterTags = ['roster'];
  app.get('/api/roster/versions', { schema: { tags: rosterTags, summary: 'Roster versions the caller may read' } }, async (request) => unwrap(await deps.roster.list(ctx(request), requireActor(request))));
  app.get('/api/roster/versions/:versionId', { schema: { tags: rosterTags, summary: 'A roster version: per case, per unit, shortfalls explained', params: openApi(VersionIdParams) } }, async (request) =>
    unwrap(await deps.roster.overview(ctx(request), requireActor(request), parseWith(VersionIdParams, request.params).versionId)),
  );
  app.get('/api/roster/versions/:versionId/cases/:caseId', { schema: { tags: rosterTags, summary: 'Who covers which post of a case when', params: openApi(VersionCaseParams) } }, async (request) => {
    const { versionId, caseId } = parseWith(VersionCaseParams, request.params);
    return unwrap(await deps.roster.byCase(ctx(request), requireActor(request), versionId, caseId));
  });
  app.get('/api/roster/versions/:versionId/units/:unitId', { schema: { tags: rosterTags, summary: "A unit's officers over the period (timeline)", params: openApi(VersionUnitParams) } }, async (request) => {
    const { versionId, unitId } = parseWith(VersionUnitParams, request.params);
    return unwrap(await deps.roster.byUnit(ctx(request), requireActor(request), versionId, unitId));
  });
  app.get('/api/roster/versions/:versionId/officers/:officerId', { schema: { tags: rosterTags, summary: "One officer's days", params: openApi(VersionOfficerParams) } }, async (request) => {
    const { versionId, officerId } = parseWith(VersionOfficerParams, request.params);
    return unwrap(await deps.roster.byOfficer(ctx(request), requireActor(request), versionId, officerId));
  });
  app.post('/api/roster/versions/:versionId/publish', { schema: { tags: rosterTags, summary: 'Publish a version to the units', params: openApi(VersionIdParams) } }, async (request) =>
    unwrap(await deps.roster.publish(ctx(request), requireActor(request), parseWith(VersionIdParams, request.params).versionId)),
  );
  app.get('/api/roster/versions/:versionId/scenarios', { schema: { tags: rosterTags, summary: 'Saved what-if scenarios of a version, to compare side by side', params: openApi(VersionIdParams) } }, async (request) =>
    unwrap(await deps.roster.scenarios(ctx(request), requireActor(request), parseWith(VersionIdParams, request.params).versionId)),
  );
  app.post('/api/roster/versions/:versionId/scenarios', { schema: { tags: rosterTags, summary: 'Compute a what-if on a copy of a version (never the live roster) and save it', params: openApi(VersionIdParams), body: openApi(ScenarioRequest) } }, async (request) => {
    const actor = requireActor(request);
    const { versionId } = parseWith(VersionIdParams, request.params);
    const body = parseWith(ScenarioRequest, request.body);
    return unwrap(await deps.roster.scenario(ctx(request), actor, versionId, body));
  });
  app.post('/api/roster/versions/:versionId/disruptions', { schema: { tags: rosterTags, summary: 'Replan after a disruption (everything else pinned) as a job: the run to follow; done, it names the new version with the diff', params: openApi(VersionIdParams), body: openApi(DisruptionRequest) } }, async (request, reply) => {
    const actor = requireActor(request);
    const { versionId } = parseWith(VersionIdParams, request.params);
    const body = parseWith(DisruptionRequest, request.body);
    return reply.code(202).send(unwrap(await deps.roster.disrupt(ctx(request), actor, versionId, body)));
  });
}
