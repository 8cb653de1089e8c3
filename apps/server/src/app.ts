import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import type { Database } from '@hoeder/db';
import Fastify, { type FastifyInstance, type RouteOptions } from 'fastify';
import type { Kysely } from 'kysely';
import { registerAssessmentRoutes } from './assessments/assessment.routes';
import type { AssessmentService } from './assessments/assessment.service';
import { registerAuditRoutes } from './audit/audit.routes';
import type { AuditService } from './audit/audit.service';
import type { CheckpointService } from './audit/checkpoint.service';
import { registerAuth } from './auth/auth.plugin';
import { registerCaseRoutes } from './cases/case.routes';
import type { CaseService } from './cases/case.service';
import type { BreakGlassService } from './cases/break-glass.service';
import { registerBreakGlassRoutes } from './cases/break-glass.routes';
import type { AppConfig } from './config';
import { AppError } from './platform/app-error';
import { frameworkErrors, installNoStore, installPathCheck } from './platform/edge';
import type { Clock } from './platform/clock';
import { installErrorHandler } from './platform/error-handler';
import { registerHealthRoutes } from './platform/health.routes';
import { loggerOptions } from './platform/logger';
import { registerTestClockRoutes } from './platform/test-clock.routes';
import { registerUserRoutes } from './users/user.routes';
import type { UserService } from './users/user.service';
import { registerPolicyRoutes } from './policy/policy.routes';
import type { PolicyStore } from './policy/policy-store';
import type { PolicyService } from './policy/policy.service';
import type { PolicyDecisionService } from './policy/policy-decisions.service';
import type { PolicyImpact } from './policy/policy-impact';
import { registerExecutionRoutes } from './execution/execution.routes';
import type { MasterDataService } from './execution/master-data.service';
import type { AgendaService } from './execution/agenda.service';
import type { PlanningInputService } from './execution/planning-input.service';
import type { AssignmentService } from './assignments/assignment.service';
import { registerAssignmentRoutes } from './assignments/assignment.routes';
import { registerWorkRoutes } from './work/work.routes';
import type { WorkQueueService } from './work/work-queue.service';
import type { CaseSearchService } from './work/case-search.service';
import type { NotificationService } from './work/notification.service';
import type { Notifier } from './work/notifier';
import { registerOversightRoutes } from './oversight/oversight.routes';
import type { AuditViewerService } from './oversight/audit-viewer.service';
import type { BreakGlassReviewService } from './oversight/break-glass-review.service';
import type { StatisticsService } from './oversight/statistics.service';
import type { PlanningInputSource } from './planning/planning-input';
import { registerPlanningRoutes } from './planning/planning.routes';
import type { PlanningService } from './planning/planning.service';
import type { RosterService } from './planning/roster.service';
import type { CapacityService } from './planning/capacity.service';
import type { LetterService } from './letters/letter.service';
import type { ObjectionService } from './letters/objection.service';
import { registerLetterRoutes } from './letters/letters.routes';

export interface AppDeps {
  config: AppConfig;
  db: Kysely<Database>;
  clock: Clock;
  audit: AuditService;
  checkpoints: CheckpointService;
  cases: CaseService;
  users: UserService;
  breakGlass: BreakGlassService;
  assessments: AssessmentService;
  policies: PolicyStore;
  policy: PolicyService;
  policyDecisions: PolicyDecisionService;
  policyImpact: PolicyImpact;
  masterData: MasterDataService;
  agenda: AgendaService;
  planningInput: PlanningInputService;
  assignments: AssignmentService;
  workQueues: WorkQueueService;
  caseSearch: CaseSearchService;
  notifications: NotificationService;
  notifier: Notifier;
  auditViewer: AuditViewerService;
  breakGlassReview: BreakGlassReviewService;
  statistics: StatisticsService;
  /** Where planning runs get their input (ADR 0019); the demo source until the master data's builder is wired in. */
  planningSource: PlanningInputSource;
  planning: PlanningService;
  roster: RosterService;
  capacity: CapacityService;
  letters: LetterService;
  objections: ObjectionService;
}

/** Builds the HTTP application from ready-made services; listening is left to the caller. */
export async function buildApp(deps: AppDeps, options: { logStream?: NodeJS.WritableStream; onRoute?: (route: RouteOptions) => void } = {}): Promise<FastifyInstance> {
  const app = Fastify({ logger: loggerOptions(deps.config.logLevel, options.logStream), genReqId: () => randomUUID(), bodyLimit: 256 * 1024, frameworkErrors });
  // Tests list every registered route through this (e.g. that every /api reply is no-store).
  if (options.onRoute) app.addHook('onRoute', options.onRoute);
  // The request id ties a reply to its audit entry; callers quote it to the service desk.
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  // zod validates in the handlers (one error format); the JSON schemas only document the API.
  app.setValidatorCompiler(() => (data) => ({ value: data }));
  // The API speaks JSON only; anything else is refused with 415 rather than half-parsed.
  app.removeContentTypeParser('text/plain');
  installErrorHandler(app, deps);
  installNoStore(app);
  await app.register(fastifySwagger, {
    openapi: { info: { title: 'Hoeder API', version: '0.1.0', description: 'Information system of the protection system for threatened persons' } },
  });
  await registerAuth(app, deps);
  installPathCheck(app);
  registerHealthRoutes(app, deps);
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  registerWorkRoutes(app, deps);
  registerCaseRoutes(app, deps);
  registerUserRoutes(app, deps);
  registerBreakGlassRoutes(app, deps);
  registerPolicyRoutes(app, deps);
  registerAssessmentRoutes(app, deps);
  registerAuditRoutes(app, deps);
  registerExecutionRoutes(app, deps);
  registerAssignmentRoutes(app, deps);
  registerOversightRoutes(app, deps);
  registerPlanningRoutes(app, deps);
  registerLetterRoutes(app, deps);
  if (deps.config.testClock === 'adjustable') registerTestClockRoutes(app, deps);
  await serveWeb(app, deps.config.webDist);
  return app;
}

/** Serves the built web UI; client-side routes fall back to index.html, API and asset paths to a JSON 404. */
async function serveWeb(app: FastifyInstance, webDist: string) {
  const hasWeb = existsSync(`${webDist}/index.html`);
  // wildcard: files are looked up per request, so a rebuilt UI is served without a restart.
  if (hasWeb) await app.register(fastifyStatic, { root: webDist, wildcard: true, index: 'index.html' });
  app.setNotFoundHandler(async (request, reply) => {
    const api = /^\/(api|auth|oidc|health|assets)(\/|$)/.test(request.url);
    if (hasWeb && request.method === 'GET' && !api) return reply.type('text/html').sendFile('index.html');
    throw new AppError('ROUTE_NOT_FOUND', `no route ${request.method} ${request.url.split('?')[0]}`);
  });
}
