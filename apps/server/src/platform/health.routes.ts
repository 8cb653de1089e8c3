import { checkReadiness, type Database } from '@hoeder/db';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';

const TAGS = ['operations'];

/**
 * Liveness and readiness for a load balancer or orchestrator. Liveness (`/health`,
 * `/health/live`) says only that the process answers: restarting it would not bring a lost
 * database back. Readiness (`/health/ready`) says whether to send it traffic: the database answers
 * and every migration of this build is applied; 503 with the reason otherwise. Neither reads a
 * session or personal data, so both are public.
 */
export function registerHealthRoutes(app: FastifyInstance, deps: { db: Kysely<Database> }): void {
  const live = async () => ({ status: 'ok' });
  app.get('/health', { schema: { tags: TAGS, summary: 'Liveness (same as /health/live)' } }, live);
  app.get('/health/live', { schema: { tags: TAGS, summary: 'Liveness: the process answers' } }, live);
  app.get('/health/ready', { schema: { tags: TAGS, summary: 'Readiness: database reachable and migrations current' } }, async (_request, reply) => {
    const readiness = await checkReadiness(deps.db);
    if (readiness.ready) return { status: 'ready', migrations: readiness.migrations };
    return reply.status(503).header('retry-after', '5').send({ status: 'unavailable', reason: readiness.reason });
  });
}

/** Health checks skip session lookup and CSRF: they must answer the same with or without a cookie, and during an outage. */
export const isHealthCheck = (url: string): boolean => url === '/health' || url.startsWith('/health/') || url.startsWith('/health?');
