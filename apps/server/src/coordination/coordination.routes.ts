import {
  CaseIdParams,
  CoordinationQuery,
  OpenCrownWitnessTrackRequest,
  RecordConsultationRequest,
  RecordDealPublicRequest,
  RecordRiskInventoryRequest,
  RecordWeighingRequest,
  ReviewWeighingRequest,
  WeighingIdParams,
} from '@hoeder/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { requireActor } from '../auth/auth.plugin';
import type { Clock } from '../platform/clock';
import { openApi, parseWith, requestContext, unwrap } from '../platform/http';
import type { CoordinationService } from './coordination.service';

/** The coordination record of a case: crown-witness track, NCTV–OM consultations, weighings (issue 14). */
export function registerCoordinationRoutes(app: FastifyInstance, deps: { coordination: CoordinationService; clock: Clock }) {
  const { coordination, clock } = deps;
  const ctx = (request: FastifyRequest) => requestContext(request, clock);
  const tags = ['coordination'];

  app.get('/api/coordination/cases', { schema: { tags, summary: 'The cases whose coordination record the reader works with (OM, authority, oversight)' } }, async (request) =>
    unwrap(await coordination.cases(ctx(request), requireActor(request))),
  );

  app.get('/api/cases/:caseId/coordination', { schema: { tags, summary: "A case's coordination record as the reader may see it, now or as of a past moment", params: openApi(CaseIdParams), querystring: openApi(CoordinationQuery) } }, async (request) => {
    const actor = requireActor(request);
    const { caseId } = parseWith(CaseIdParams, request.params);
    const { asOf } = parseWith(CoordinationQuery, request.query);
    return unwrap(await coordination.view(ctx(request), actor, caseId, asOf ? new Date(asOf) : undefined));
  });

  const post = <S extends z.ZodType>(path: string, summary: string, schema: S, handle: (request: FastifyRequest, caseId: string, body: z.infer<S>) => ReturnType<CoordinationService['openTrack']>) =>
    app.post(path, { schema: { tags, summary, params: openApi(CaseIdParams), body: openApi(schema) } }, async (request, reply) => {
      const { caseId } = parseWith(CaseIdParams, request.params);
      const body = parseWith(schema, request.body);
      return reply.status(201).send(unwrap(await handle(request, caseId, body)));
    });

  post('/api/cases/:caseId/crown-witness', 'Open a crown-witness track with the OM\'s interest (the OM)', OpenCrownWitnessTrackRequest, (r, caseId, body) => coordination.openTrack(ctx(r), requireActor(r), caseId, body));
  post('/api/cases/:caseId/crown-witness/inventory', 'Record a new version of the risk inventory (the authority)', RecordRiskInventoryRequest, (r, caseId, body) => coordination.recordInventory(ctx(r), requireActor(r), caseId, body));
  post('/api/cases/:caseId/crown-witness/deal-public', 'Record that the deal becomes public: refused unless the gate is open', RecordDealPublicRequest, (r, caseId, body) => coordination.dealPublic(ctx(r), requireActor(r), caseId, body));
  post('/api/cases/:caseId/coordination/consultations', 'Record a strategic or operational NCTV–OM consultation', RecordConsultationRequest, (r, caseId, body) => coordination.recordConsultation(ctx(r), requireActor(r), caseId, body));
  post('/api/cases/:caseId/coordination/weighings', 'Record a weighing of protection against investigation and prosecution', RecordWeighingRequest, (r, caseId, body) => coordination.recordWeighing(ctx(r), requireActor(r), caseId, body));

  app.post('/api/cases/:caseId/coordination/weighings/:weighingId/review', { schema: { tags, summary: 'Test a weighing as an independent reviewer (a second decision maker)', params: openApi(WeighingIdParams), body: openApi(ReviewWeighingRequest) } }, async (request, reply) => {
    const actor = requireActor(request);
    const { caseId, weighingId } = parseWith(WeighingIdParams, request.params);
    const body = parseWith(ReviewWeighingRequest, request.body);
    return reply.status(201).send(unwrap(await coordination.review(ctx(request), actor, caseId, weighingId, body)));
  });
}
