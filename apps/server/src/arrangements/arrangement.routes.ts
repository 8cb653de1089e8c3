import { AgendaQuery, ArrangementParams, ArrangementStepRequest, CaseIdParams, RecordAgreementRequest, RecordCareReferralRequest, RecordEmployerRequest } from '@hoeder/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { requireActor } from '../auth/auth.plugin';
import type { Clock } from '../platform/clock';
import { openApi, parseWith, requestContext, unwrap } from '../platform/http';
import type { ArrangementService } from './arrangement.service';

/** Agreements, care referrals, the employer's duties and the decision's sourced facts (issue 12 items 4–7). */
export function registerArrangementRoutes(app: FastifyInstance, deps: { arrangements: ArrangementService; clock: Clock }) {
  const { arrangements, clock } = deps;
  const ctx = (request: FastifyRequest) => requestContext(request, clock);
  const tags = ['arrangements'];
  const params = openApi(CaseIdParams);

  app.get('/api/cases/:caseId/arrangements', { schema: { tags, summary: 'Agreements, care referrals and the employer with its duties, as far as the reader may see them; as of a past moment with ?asOf=', params, querystring: openApi(AgendaQuery) } }, async (request) => {
    const { caseId } = parseWith(CaseIdParams, request.params);
    const { asOf } = parseWith(AgendaQuery, request.query);
    return unwrap(await arrangements.view(ctx(request), requireActor(request), caseId, asOf ? new Date(asOf) : undefined));
  });

  app.post('/api/cases/:caseId/agreements', { schema: { tags, summary: 'Record an agreement with the person (cooperation or integrity restriction) and what happens when it is not kept', params, body: openApi(RecordAgreementRequest) } }, async (request, reply) => {
    const actor = requireActor(request);
    const { caseId } = parseWith(CaseIdParams, request.params);
    const body = parseWith(RecordAgreementRequest, request.body);
    return reply.status(201).send(unwrap(await arrangements.recordAgreement(ctx(request), actor, caseId, body)));
  });

  app.post('/api/cases/:caseId/care-referrals', { schema: { tags, summary: 'Propose a care referral (person, partner, children) or peer support', params, body: openApi(RecordCareReferralRequest) } }, async (request, reply) => {
    const actor = requireActor(request);
    const { caseId } = parseWith(CaseIdParams, request.params);
    const body = parseWith(RecordCareReferralRequest, request.body);
    return reply.status(201).send(unwrap(await arrangements.recordCare(ctx(request), actor, caseId, body)));
  });

  app.post('/api/cases/:caseId/employers', { schema: { tags, summary: "Record the person's employer; its five duties open with an owner and follow-up date", params, body: openApi(RecordEmployerRequest) } }, async (request, reply) => {
    const actor = requireActor(request);
    const { caseId } = parseWith(CaseIdParams, request.params);
    const body = parseWith(RecordEmployerRequest, request.body);
    return reply.status(201).send(unwrap(await arrangements.recordEmployer(ctx(request), actor, caseId, body)));
  });

  app.post('/api/cases/:caseId/arrangements/:arrangementId/steps', { schema: { tags, summary: 'One step of an arrangement: accept, refuse, refer, start, end, confirm in place, ...', params: openApi(ArrangementParams), body: openApi(ArrangementStepRequest) } }, async (request) => {
    const actor = requireActor(request);
    const { caseId, arrangementId } = parseWith(ArrangementParams, request.params);
    const body = parseWith(ArrangementStepRequest, request.body);
    return unwrap(await arrangements.step(ctx(request), actor, caseId, arrangementId, body));
  });

  app.get('/api/cases/:caseId/policy-facts', { schema: { tags, summary: 'The policy facts with their sources and the assessment’s required resistance, for the decision form', params } }, async (request) => {
    const { caseId } = parseWith(CaseIdParams, request.params);
    return unwrap(await arrangements.policyFacts(ctx(request), requireActor(request), caseId));
  });
}
