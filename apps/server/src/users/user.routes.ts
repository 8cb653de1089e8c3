import type { FastifyInstance } from 'fastify';
import { requireActor } from '../auth/auth.plugin';
import type { Clock } from '../platform/clock';
import { requestContext, unwrap } from '../platform/http';
import type { UserService } from './user.service';

export function registerUserRoutes(app: FastifyInstance, deps: { users: UserService; clock: Clock }) {
  app.get('/api/users', { schema: { tags: ['users'], summary: 'Staff who can be assigned to cases' } }, async (request) => {
    const actor = requireActor(request);
    return unwrap(await deps.users.listAssignable(requestContext(request, deps.clock), actor));
  });
}
