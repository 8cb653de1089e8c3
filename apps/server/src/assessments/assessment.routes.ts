import { randomUUID } from 'node:crypto';
import {
  CaseIdParams,
  CompareVersionsQuery,
  DecisionBasisParams,
  FinaliseAssessmentRequest,
  RecordAssumptionTestRequest,
  RecordChallengeRequest,
  RegisterItemRequest,
  ReturnToDraftRequest,
  ReviseDraftRequest,
  StartDraftRequest,
  SubmitForChallengeRequest,
} from '@hoeder/contracts';
import type { assessment } from '@hoeder/domain';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { requireActor } from '../auth/auth.plugin';
import type { Clock } from '../platform/clock';
import { openApi, parseWith, requestContext, unwrap } from '../platform/http';
import type { AssessmentService } from './assessment.service';

const TAGS = ['assessments'];

interface CommandRoute<S extends z.ZodType<{ expectedVersion: number }>> {
  path: string;
  summary: string;
  body: S;
  toCommand: (body: z.infer<S>) => assessment.AssessmentCommand;
}

/** One route per DAF command; every body names the DAF stream version it was based on. */
const commandRoutes = [
  { path: '/items', summary: 'Register an information product or soft information', body: RegisterItemRequest, toCommand: (b) => ({ type: 'RegisterItem', item: { ...b.item, itemId: randomUUID() } as assessment.InformationItem }) } satisfies CommandRoute<typeof RegisterItemRequest>,
  { path: '/drafts', summary: 'Start a new version on a method template', body: StartDraftRequest, toCommand: ({ expectedVersion: _v, ...b }) => ({ type: 'StartDraft', ...b }) } satisfies CommandRoute<typeof StartDraftRequest>,
  { path: '/draft', summary: 'Revise the open draft (the author only)', body: ReviseDraftRequest, toCommand: (b) => ({ type: 'ReviseDraft', content: b.content as assessment.AssessmentContent }) } satisfies CommandRoute<typeof ReviseDraftRequest>,
  { path: '/submit', summary: 'Submit the draft for challenge (tegenspraak)', body: SubmitForChallengeRequest, toCommand: () => ({ type: 'SubmitForChallenge' }) } satisfies CommandRoute<typeof SubmitForChallengeRequest>,
  { path: '/challenges', summary: 'Record agreement or dissent as a second analyst', body: RecordChallengeRequest, toCommand: (b) => ({ type: 'RecordChallenge', verdict: b.verdict, reasons: b.reasons }) } satisfies CommandRoute<typeof RecordChallengeRequest>,
  { path: '/return-to-draft', summary: 'Take the version back to revise it (the author only)', body: ReturnToDraftRequest, toCommand: (b) => ({ type: 'ReturnToDraft', reason: b.reason }) } satisfies CommandRoute<typeof ReturnToDraftRequest>,
  { path: '/finalise', summary: 'Finalise the challenged version; records it in the case', body: FinaliseAssessmentRequest, toCommand: (b) => ({ type: 'FinaliseAssessment', validUntil: b.validUntil, expectedDuration: b.expectedDuration, responseToDissent: b.responseToDissent }) } satisfies CommandRoute<typeof FinaliseAssessmentRequest>,
  { path: '/assumption-tests', summary: 'Record the re-test of an assumption of the final version', body: RecordAssumptionTestRequest, toCommand: ({ expectedVersion: _v, ...b }) => ({ type: 'RecordAssumptionTest', ...b }) } satisfies CommandRoute<typeof RecordAssumptionTestRequest>,
] as const;

export function registerAssessmentRoutes(app: FastifyInstance, deps: { assessments: AssessmentService; clock: Clock }) {
  const { assessments, clock } = deps;
  const ctx = (request: FastifyRequest) => requestContext(request, clock);

  app.get('/api/assessment-templates', { schema: { tags: TAGS, summary: 'The method templates analysts rate against' } }, async (request) => {
    requireActor(request);
    return assessments.templates();
  });

  app.get('/api/assessments/reassessment-due', { schema: { tags: TAGS, summary: 'Cases whose assessment needs re-assessment (herijking)' } }, async (request) => {
    return { caseIds: unwrap(await assessments.reassessmentDue(ctx(request), requireActor(request))) };
  });

  app.get('/api/cases/:caseId/assessment', { schema: { tags: TAGS, summary: 'The DAF record of a case as the user may see it', params: openApi(CaseIdParams) } }, async (request) => {
    const actor = requireActor(request);
    const { caseId } = parseWith(CaseIdParams, request.params);
    return unwrap(await assessments.view(ctx(request), actor, caseId));
  });

  app.get('/api/cases/:caseId/assessment/compare', { schema: { tags: TAGS, summary: 'What changed between two versions, and why', params: openApi(CaseIdParams), querystring: openApi(CompareVersionsQuery) } }, async (request) => {
    const actor = requireActor(request);
    const { caseId } = parseWith(CaseIdParams, request.params);
    const { from, to } = parseWith(CompareVersionsQuery, request.query);
    return unwrap(await assessments.compare(ctx(request), actor, caseId, from, to));
  });

  app.get('/api/cases/:caseId/assessment/decision-basis/:decisionId', { schema: { tags: TAGS, summary: 'The assessment version and items behind a decision, as of that moment', params: openApi(DecisionBasisParams) } }, async (request) => {
    const actor = requireActor(request);
    const { caseId, decisionId } = parseWith(DecisionBasisParams, request.params);
    return unwrap(await assessments.decisionBasis(ctx(request), actor, caseId, decisionId));
  });

  for (const route of commandRoutes) {
    const r = route as unknown as CommandRoute<z.ZodType<{ expectedVersion: number }>>;
    app.post(`/api/cases/:caseId/assessment${r.path}`, { schema: { tags: TAGS, summary: r.summary, params: openApi(CaseIdParams), body: openApi(r.body) } }, async (request) => {
      const actor = requireActor(request);
      const { caseId } = parseWith(CaseIdParams, request.params);
      const body = parseWith(r.body, request.body);
      return unwrap(await assessments.execute(ctx(request), actor, caseId, body.expectedVersion, r.toCommand(body)));
    });
  }
}
