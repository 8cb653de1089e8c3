import {
  CaseIdParams,
  CloseEvaluationRequest,
  EvaluationParams,
  LearningViewQuery,
  LessonParams,
  LessonStatusRequest,
  LessonTemplateLinkRequest,
  ReleaseLessonRequest,
  OpenEvaluationRequest,
  PolicyVersionParams,
  RecordContributionRequest,
  RecordIncidentRequest,
  RecordLessonRequest,
  RecordPersonExperienceRequest,
} from '@hoeder/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { requireActor } from '../auth/auth.plugin';
import type { Clock } from '../platform/clock';
import { openApi, parseWith, requestContext, unwrap } from '../platform/http';
import type { EvaluationStep, LearningService } from './learning.service';
import type { LessonService } from './lesson.service';

const TAGS = ['learning'];

export interface LearningRouteDeps {
  learning: LearningService;
  lessons: LessonService;
  clock: Clock;
}

/** Issue 14: incidents, evaluations and lessons. */
export function registerLearningRoutes(app: FastifyInstance, deps: LearningRouteDeps) {
  const ctx = (request: FastifyRequest) => requestContext(request, deps.clock);
  const caseParams = openApi(CaseIdParams);
  const evaluationParams = openApi(EvaluationParams);

  app.get('/api/cases/:caseId/learning', { schema: { tags: TAGS, summary: "A case's incidents, evaluations and lessons (as of a moment with ?asOf=)", params: caseParams } }, async (request) => {
    const actor = requireActor(request);
    const { caseId } = parseWith(CaseIdParams, request.params);
    const { asOf } = parseWith(LearningViewQuery, request.query);
    return unwrap(await deps.learning.view(ctx(request), actor, caseId, asOf ? new Date(asOf) : undefined));
  });

  app.post('/api/cases/:caseId/incidents', { schema: { tags: TAGS, summary: 'Record an incident at or near the protected person', params: caseParams, body: openApi(RecordIncidentRequest) } }, async (request, reply) => {
    const actor = requireActor(request);
    const { caseId } = parseWith(CaseIdParams, request.params);
    const body = parseWith(RecordIncidentRequest, request.body);
    const result = unwrap(await deps.learning.recordIncident(ctx(request), actor, caseId, body));
    return reply.code(201).send(result);
  });

  app.post('/api/cases/:caseId/evaluations', { schema: { tags: TAGS, summary: 'Open an evaluation of the security situation', params: caseParams, body: openApi(OpenEvaluationRequest) } }, async (request, reply) => {
    const actor = requireActor(request);
    const { caseId } = parseWith(CaseIdParams, request.params);
    const body = parseWith(OpenEvaluationRequest, request.body);
    const result = unwrap(await deps.learning.openEvaluation(ctx(request), actor, caseId, body));
    return reply.code(201).send(result);
  });

  const steps = [
    ['contributions', 'A partner records its contribution', (input: unknown): EvaluationStep => ({ type: 'contribution', input: parseWith(RecordContributionRequest, input) })],
    ['person-experience', "The liaison records the person's own experience", (input: unknown): EvaluationStep => ({ type: 'person_experience', input: parseWith(RecordPersonExperienceRequest, input) })],
    ['lessons', 'The decision maker records a lesson with owner and follow-up', (input: unknown): EvaluationStep => ({ type: 'lesson', input: parseWith(RecordLessonRequest, input) })],
    ['close', 'Close the evaluation once every partner and the person were heard', (input: unknown): EvaluationStep => ({ type: 'close', input: parseWith(CloseEvaluationRequest, input) })],
  ] as const;
  const stepBodies = { contributions: RecordContributionRequest, 'person-experience': RecordPersonExperienceRequest, lessons: RecordLessonRequest, close: CloseEvaluationRequest };
  for (const [path, summary, parse] of steps) {
    app.post(`/api/cases/:caseId/evaluations/:evaluationId/${path}`, { schema: { tags: TAGS, summary, params: evaluationParams, body: openApi(stepBodies[path]) } }, async (request) => {
      const actor = requireActor(request);
      const { caseId, evaluationId } = parseWith(EvaluationParams, request.params);
      const step = parse(request.body);
      return unwrap(await deps.learning.step(ctx(request), actor, caseId, evaluationId, step));
    });
  }

  app.get('/api/lessons', { schema: { tags: TAGS, summary: 'Lessons shared across cases, without case data' } }, async (request) => {
    const { asOf } = parseWith(LearningViewQuery, request.query);
    return unwrap(await deps.lessons.list(ctx(request), requireActor(request), asOf ? new Date(asOf) : undefined));
  });

  app.post('/api/lessons/:lessonId/policy-draft', { schema: { tags: TAGS, summary: 'Open (or create) the policy draft a lesson asks for', params: openApi(LessonParams) } }, async (request) => {
    const actor = requireActor(request);
    const { lessonId } = parseWith(LessonParams, request.params);
    return unwrap(await deps.lessons.openPolicyDraft(ctx(request), actor, lessonId));
  });

  app.get('/api/policy/versions/:version/lessons', { schema: { tags: TAGS, summary: 'The lessons a policy version came from', params: openApi(PolicyVersionParams) } }, async (request) => {
    const actor = requireActor(request);
    const { version } = parseWith(PolicyVersionParams, request.params);
    return unwrap(await deps.lessons.ofPolicyVersion(ctx(request), actor, version));
  });

  // ADR 0030: the follow-up lifecycle, the four-eyes release and the link to a method template.
  app.post('/api/lessons/:lessonId/status', { schema: { tags: TAGS, summary: "The owner or a lesson manager updates a lesson's follow-up", params: openApi(LessonParams), body: openApi(LessonStatusRequest) } }, async (request) => {
    const actor = requireActor(request);
    const { lessonId } = parseWith(LessonParams, request.params);
    return unwrap(await deps.lessons.updateStatus(ctx(request), actor, lessonId, parseWith(LessonStatusRequest, request.body)));
  });

  app.post('/api/lessons/:lessonId/release', { schema: { tags: TAGS, summary: "A second person releases a lesson's checked text at a lower marking", params: openApi(LessonParams), body: openApi(ReleaseLessonRequest) } }, async (request) => {
    const actor = requireActor(request);
    const { lessonId } = parseWith(LessonParams, request.params);
    return unwrap(await deps.lessons.release(ctx(request), actor, lessonId, parseWith(ReleaseLessonRequest, request.body)));
  });

  app.post('/api/lessons/:lessonId/method-template', { schema: { tags: TAGS, summary: 'Link a lesson to the method template it proposes to change', params: openApi(LessonParams), body: openApi(LessonTemplateLinkRequest) } }, async (request) => {
    const actor = requireActor(request);
    const { lessonId } = parseWith(LessonParams, request.params);
    return unwrap(await deps.lessons.linkTemplate(ctx(request), actor, lessonId, parseWith(LessonTemplateLinkRequest, request.body)));
  });
}
