import { AuditEntriesQuery, AuditSeqParams, BreakGlassReviewRequest, GrantIdParams } from '@hoeder/contracts';
import type { FastifyInstance } from 'fastify';
import { requireActor } from '../auth/auth.plugin';
import type { Clock } from '../platform/clock';
import { openApi, parseWith, requestContext, unwrap } from '../platform/http';
import type { AuditViewerService } from './audit-viewer.service';
import type { BreakGlassReviewService } from './break-glass-review.service';
import type { StatisticsService } from './statistics.service';

export function registerOversightRoutes(app: FastifyInstance, deps: { auditViewer: AuditViewerService; breakGlassReview: BreakGlassReviewService; statistics: StatisticsService; clock: Clock }) {
  const tags = ['oversight'];
  app.post(
    '/api/oversight/break-glass-grants/:grantId/review',
    { schema: { tags, summary: 'Mark a break-glass grant reviewed, with the finding (the inspectorate; once per grant)', params: openApi(GrantIdParams), body: openApi(BreakGlassReviewRequest) } },
    async (request) => {
      const actor = requireActor(request);
      const { grantId } = parseWith(GrantIdParams, request.params);
      const { finding } = parseWith(BreakGlassReviewRequest, request.body);
      return unwrap(await deps.breakGlassReview.review(requestContext(request, deps.clock), actor, grantId, finding));
    },
  );

  app.get('/api/audit/entries', { schema: { tags, summary: 'Search the audit log (the inspectorate): by case, actor, period, operation and purpose', querystring: openApi(AuditEntriesQuery) } }, async (request) => {
    const actor = requireActor(request);
    const query = parseWith(AuditEntriesQuery, request.query);
    return unwrap(await deps.auditViewer.search(requestContext(request, deps.clock), actor, query));
  });

  app.get('/api/audit/entries/:seq/proof', { schema: { tags, summary: 'An audit entry with its proof of inclusion and the signed checkpoint it is under', params: openApi(AuditSeqParams) } }, async (request) => {
    const actor = requireActor(request);
    const { seq } = parseWith(AuditSeqParams, request.params);
    return unwrap(await deps.auditViewer.proof(requestContext(request, deps.clock), actor, seq));
  });

  app.get('/api/statistics', { schema: { tags: ['statistics'], summary: 'Anonymised figures for the advisory body: counts and throughput times, small cells suppressed' } }, async (request) =>
    unwrap(await deps.statistics.figures(requestContext(request, deps.clock), requireActor(request))),
  );
}
