import { CaseSearchQuery, NotificationIdParams } from '@hoeder/contracts';
import type { FastifyInstance } from 'fastify';
import { requireActor } from '../auth/auth.plugin';
import type { Clock } from '../platform/clock';
import { openApi, parseWith, requestContext, unwrap } from '../platform/http';
import type { CaseSearchService } from './case-search.service';
import type { WorkQueueService } from './work-queue.service';
import type { NotificationService } from './notification.service';

export function registerWorkRoutes(app: FastifyInstance, deps: { workQueues: WorkQueueService; caseSearch: CaseSearchService; notifications: NotificationService; clock: Clock }) {
  app.get('/api/work/queues', { schema: { tags: ['work'], summary: 'The work waiting for the user ("Voor mij"), per queue, with counts' } }, async (request) =>
    unwrap(await deps.workQueues.queues(requestContext(request, deps.clock), requireActor(request))),
  );

  app.get(
    '/api/cases/search',
    { schema: { tags: ['cases'], summary: 'A page of the cases the user sees: search, filters, sorting; total counts only visible cases', querystring: openApi(CaseSearchQuery) } },
    async (request) => {
      const actor = requireActor(request);
      const query = parseWith(CaseSearchQuery, request.query);
      return unwrap(await deps.caseSearch.search(requestContext(request, deps.clock), actor, query));
    },
  );

  app.get('/api/notifications', { schema: { tags: ['work'], summary: "The user's notifications of new work that is still waiting" } }, async (request) =>
    unwrap(await deps.notifications.list(requestContext(request, deps.clock), requireActor(request))),
  );

  app.post('/api/notifications/:notificationId/read', { schema: { tags: ['work'], summary: 'Mark one of your notifications read', params: openApi(NotificationIdParams) } }, async (request) => {
    const actor = requireActor(request);
    const { notificationId } = parseWith(NotificationIdParams, request.params);
    return unwrap(await deps.notifications.markRead(requestContext(request, deps.clock), actor, notificationId));
  });
}
