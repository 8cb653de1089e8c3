import { TestClockRequest } from '@hoeder/contracts';
import type { Database } from '@hoeder/db';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { AuditService } from '../audit/audit.service';
import { requireActor } from '../auth/auth.plugin';
import { AppError } from './app-error';
import { isAdjustable, type Clock } from './clock';
import { parseWith, requestContext } from './http';

const DAY = 24 * 60 * 60 * 1000;

/**
 * Test-only clock control for end-to-end tests (ADR 0009). Registered only when the server was
 * started with HOEDER_TEST_CLOCK=adjustable; otherwise the route does not exist (404). Every
 * adjustment is audited, so a test server's log shows that time was moved.
 */
export function registerTestClockRoutes(app: FastifyInstance, deps: { clock: Clock; db: Kysely<Database>; audit: AuditService }) {
  app.post('/api/test/clock', { schema: { hide: true } }, async (request) => {
    const actor = requireActor(request);
    const { clock } = deps;
    if (!isAdjustable(clock)) throw new AppError('FORBIDDEN_ACTION', 'the clock of this server cannot be adjusted');
    const body = parseWith(TestClockRequest, request.body);
    const before = clock.now();
    if (body.reset) clock.set(new Date());
    if (body.now) clock.set(new Date(body.now));
    if (body.advanceDays) clock.advance(body.advanceDays * DAY);
    const now = clock.now();
    await deps.db.transaction().execute((trx) =>
      deps.audit.record(trx, requestContext(request, clock), actor, {
        operation: 'test.clock.adjust',
        status: 'ok',
        processingActivity: 'operations.test',
        objectType: 'clock',
        details: { from: before.toISOString(), to: now.toISOString() },
      }),
    );
    return { now: now.toISOString() };
  });
}
