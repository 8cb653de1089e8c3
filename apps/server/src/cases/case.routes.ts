import {
  ApproveDecisionRequest,
  AssignMemberRequest,
  CaseIdParams,
  CaseListItem,
  CaseViewQuery,
  DecisionParams,
  EndCaseRequest,
  ProposeDecisionRequest,
  RegisterCaseRequest,
  RejectDecisionRequest,
  TriageRequest,
} from '@hoeder/contracts';
import type { CaseCommand } from '@hoeder/domain';
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { requireActor } from '../auth/auth.plugin';
import type { Clock } from '../platform/clock';
import { openApi, parseWith, requestContext, unwrap } from '../platform/http';
import type { CaseService } from './case.service';

const TAGS = ['cases'];
const CASE_LIST_SCHEMA = openApi(z.array(CaseListItem));

/** A command route: parse params and body, build the command, run it, reply with the new version. */
interface CommandRoute<S extends z.ZodType<{ expectedVersion: number }>> {
  path: string;
  summary: string;
  body: S;
  params: typeof CaseIdParams | typeof DecisionParams;
  toCommand: (body: z.infer<S>, params: { decisionId?: string }) => CaseCommand;
}

const commandRoutes = [
  { path: '/members', summary: 'Add a team member to the case', body: AssignMemberRequest, params: CaseIdParams, toCommand: (b) => ({ type: 'AssignMember', userId: b.userId }) } satisfies CommandRoute<typeof AssignMemberRequest>,
  { path: '/triage', summary: 'Complete triage with a written motivation', body: TriageRequest, params: CaseIdParams, toCommand: ({ expectedVersion: _v, ...b }) => ({ type: 'CompleteTriage', ...b }) } satisfies CommandRoute<typeof TriageRequest>,
  { path: '/decisions', summary: 'Propose a decision (needs a second decision maker)', body: ProposeDecisionRequest, params: CaseIdParams, toCommand: ({ expectedVersion: _v, ...b }) => ({ type: 'ProposeDecision', decisionId: randomUUID(), ...b }) } satisfies CommandRoute<typeof ProposeDecisionRequest>,
  { path: '/decisions/:decisionId/approve', summary: 'Approve a proposed decision (four-eyes)', body: ApproveDecisionRequest, params: DecisionParams, toCommand: (b, p) => ({ type: 'ApproveDecision', decisionId: p.decisionId!, note: b.note }) } satisfies CommandRoute<typeof ApproveDecisionRequest>,
  { path: '/decisions/:decisionId/reject', summary: 'Reject a proposed decision', body: RejectDecisionRequest, params: DecisionParams, toCommand: (b, p) => ({ type: 'RejectDecision', decisionId: p.decisionId!, reason: b.reason }) } satisfies CommandRoute<typeof RejectDecisionRequest>,
  { path: '/end', summary: 'End the case', body: EndCaseRequest, params: CaseIdParams, toCommand: (b) => ({ type: 'EndCase', reason: b.reason }) } satisfies CommandRoute<typeof EndCaseRequest>,
] as const;

export function registerCaseRoutes(app: FastifyInstance, deps: { cases: CaseService; clock: Clock }) {
  const { cases, clock } = deps;
  const ctx = (request: FastifyRequest) => requestContext(request, clock);

  // The answer's schema lets fastify print the list with a compiled serializer (fast-json-stringify),
  // which also leaves out any field the contract does not name (ADR 0042).
  app.get('/api/cases', { schema: { tags: TAGS, summary: 'The cases the user may see', response: { 200: CASE_LIST_SCHEMA } } }, async (request) => {
    return unwrap(await cases.list(ctx(request), requireActor(request)));
  });

  app.post('/api/cases', { schema: { tags: TAGS, summary: 'Register a case (aanmelding)', body: openApi(RegisterCaseRequest) } }, async (request, reply) => {
    const actor = requireActor(request);
    const body = parseWith(RegisterCaseRequest, request.body);
    return reply.status(201).send(unwrap(await cases.register(ctx(request), actor, body)));
  });

  app.get('/api/cases/:caseId', { schema: { tags: TAGS, summary: 'The case as the user may see it, now or as of a past moment', params: openApi(CaseIdParams), querystring: openApi(CaseViewQuery) } }, async (request) => {
    const actor = requireActor(request);
    const { caseId } = parseWith(CaseIdParams, request.params);
    const { asOf } = parseWith(CaseViewQuery, request.query);
    return unwrap(await cases.view(ctx(request), actor, caseId, asOf));
  });

  app.get('/api/cases/:caseId/timeline', { schema: { tags: TAGS, summary: 'What happened to the case, by whom and when', params: openApi(CaseIdParams) } }, async (request) => {
    const actor = requireActor(request);
    const { caseId } = parseWith(CaseIdParams, request.params);
    return unwrap(await cases.timeline(ctx(request), actor, caseId));
  });

  for (const route of commandRoutes) {
    const r = route as unknown as CommandRoute<z.ZodType<{ expectedVersion: number }>>;
    app.post(`/api/cases/:caseId${r.path}`, { schema: { tags: TAGS, summary: r.summary, params: openApi(r.params), body: openApi(r.body) } }, async (request) => {
      const actor = requireActor(request);
      const params = parseWith(r.params, request.params) as { caseId: string; decisionId?: string };
      const body = parseWith(r.body, request.body);
      return unwrap(await cases.execute(ctx(request), actor, params.caseId, body.expectedVersion, r.toCommand(body, params)));
    });
  }
}
