import { AgendaQuery, CaseIdParams, DraftLetterRequest, LetterIdParams, LodgeObjectionRequest, ObjectionIdParams, ObjectionStepRequest } from '@hoeder/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { requireActor } from '../auth/auth.plugin';
import type { Clock } from '../platform/clock';
import { openApi, parseWith, requestContext, unwrap } from '../platform/http';
import type { LetterService } from './letter.service';
import type { ObjectionService } from './objection.service';

/** Letters and objections of a case (issue 12 items 3 and 8). */
export function registerLetterRoutes(app: FastifyInstance, deps: { letters: LetterService; objections: ObjectionService; clock: Clock }) {
  const { letters, objections, clock } = deps;
  const ctx = (request: FastifyRequest) => requestContext(request, clock);
  const tags = ['letters'];

  app.get('/api/cases/:caseId/letters', { schema: { tags, summary: "The case's letters (without their bytes)", params: openApi(CaseIdParams) } }, async (request) => {
    const actor = requireActor(request);
    const { caseId } = parseWith(CaseIdParams, request.params);
    return unwrap(await letters.list(ctx(request), actor, caseId));
  });

  app.post('/api/cases/:caseId/letters', { schema: { tags, summary: 'Draft a letter from the decision in force and the template in effect', params: openApi(CaseIdParams), body: openApi(DraftLetterRequest) } }, async (request, reply) => {
    const actor = requireActor(request);
    const { caseId } = parseWith(CaseIdParams, request.params);
    const body = parseWith(DraftLetterRequest, request.body);
    return reply.status(201).send(unwrap(await letters.draft(ctx(request), actor, caseId, body)));
  });

  app.post('/api/cases/:caseId/letters/:letterId/approve', { schema: { tags, summary: 'Approve a drafted letter (four eyes: not its drafter); it is then sent', params: openApi(LetterIdParams) } }, async (request) => {
    const actor = requireActor(request);
    const { caseId, letterId } = parseWith(LetterIdParams, request.params);
    return unwrap(await letters.approve(ctx(request), actor, caseId, letterId));
  });

  app.get('/api/cases/:caseId/letters/:letterId/pdf', { schema: { tags, summary: 'The letter as PDF, exactly as stored (audited)', params: openApi(LetterIdParams) } }, async (request, reply) => {
    const actor = requireActor(request);
    const { caseId, letterId } = parseWith(LetterIdParams, request.params);
    const { filename, pdf, sha256 } = unwrap(await letters.download(ctx(request), actor, caseId, letterId));
    return reply.type('application/pdf').header('content-disposition', `attachment; filename="${filename.replace(/[^A-Za-z0-9._-]/g, '_')}"`).header('x-content-sha256', sha256).send(pdf);
  });

  app.get('/api/cases/:caseId/objections', { schema: { tags: ['objections'], summary: 'Objections and appeals against the decisions of a case, with their statutory terms; as of a past moment with ?asOf=', params: openApi(CaseIdParams), querystring: openApi(AgendaQuery) } }, async (request) => {
    const actor = requireActor(request);
    const { caseId } = parseWith(CaseIdParams, request.params);
    const { asOf } = parseWith(AgendaQuery, request.query);
    return unwrap(await objections.list(ctx(request), actor, caseId, asOf ? new Date(asOf) : undefined));
  });

  app.post('/api/cases/:caseId/objections', { schema: { tags: ['objections'], summary: 'Record an objection by the person or the employer against a decision', params: openApi(CaseIdParams), body: openApi(LodgeObjectionRequest) } }, async (request, reply) => {
    const actor = requireActor(request);
    const { caseId } = parseWith(CaseIdParams, request.params);
    const body = parseWith(LodgeObjectionRequest, request.body);
    return reply.status(201).send(unwrap(await objections.lodge(ctx(request), actor, caseId, body)));
  });

  app.post('/api/cases/:caseId/objections/:objectionId/steps', { schema: { tags: ['objections'], summary: 'A step on an objection: hearing, extension, decision, appeal', params: openApi(ObjectionIdParams), body: openApi(ObjectionStepRequest) } }, async (request) => {
    const actor = requireActor(request);
    const { caseId, objectionId } = parseWith(ObjectionIdParams, request.params);
    const body = parseWith(ObjectionStepRequest, request.body);
    return unwrap(await objections.step(ctx(request), actor, caseId, objectionId, body));
  });
}
