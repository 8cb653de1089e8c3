import { BreakGlassRequest, CaseIdParams } from '@hoeder/contracts';
import type { FastifyInstance } from 'fastify';
import { requireActor } from '../auth/auth.plugin';
import type { Clock } from '../platform/clock';
import { openApi, parseWith, requestContext, unwrap } from '../platform/http';
import type { BreakGlassService } from './break-glass.service';

export function registerBreakGlassRoutes(app: FastifyInstance, deps: { breakGlass: BreakGlassService; clock: Clock }) {
  app.post(
    '/api/cases/:caseId/break-glass',
    { schema: { tags: ['cases'], summary: 'Take a time-limited, justified read grant on a case outside your team (alerts oversight)', params: openApi(CaseIdParams), body: openApi(BreakGlassRequest) } },
    async (request, reply) => {
      const actor = requireActor(request);
      const { caseId } = parseWith(CaseIdParams, request.params);
      const { justification } = parseWith(BreakGlassRequest, request.body);
      const grant = unwrap(await deps.breakGlass.grant(requestContext(request, deps.clock), actor, caseId, justification));
      // The alert for operations and oversight: identifiers only, never the justification text.
      request.log.warn({ alert: 'break_glass_granted', grantId: grant.grantId, caseId, userId: actor.userId, expiresAt: grant.expiresAt }, 'break-glass access granted');
      return reply.status(201).send(grant);
    },
  );

  app.get('/api/oversight/break-glass-grants', { schema: { tags: ['oversight'], summary: 'Every break-glass grant, for the inspectorate' } }, async (request) => {
    const actor = requireActor(request);
    return unwrap(await deps.breakGlass.listForOversight(requestContext(request, deps.clock), actor));
  });
}
