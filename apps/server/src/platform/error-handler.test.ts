import type { Database } from '@hoeder/db';
import Fastify from 'fastify';
import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createAuditService } from '../audit/audit.service';
import type { AuthenticatedActor } from './actor';
import { AppError } from './app-error';
import { systemClock } from './clock';
import { installErrorHandler } from './error-handler';

const lost = () => Object.assign(new Error('Connection terminated unexpectedly'), {});
/** A database handle whose server is gone: every transaction fails as pg fails then. */
const goneDb = { transaction: () => ({ execute: async () => Promise.reject(lost()) }) } as unknown as Kysely<Database>;
const actor: AuthenticatedActor = { userId: '00000000-0000-4000-8000-000000000001', displayName: 'T', roles: ['triage_officer'], organisation: 'NCTV', clearance: 'stg_secret', sessionId: 's' };

async function appThatThrows(error: () => Error) {
  const app = Fastify({ logger: false });
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (request) => {
    request.actor = actor;
  });
  installErrorHandler(app, { db: goneDb, audit: createAuditService(), clock: systemClock });
  app.get('/api/thing', async () => {
    throw error();
  });
  return app;
}

describe('the error mapper while the database is gone', () => {
  it('answers 503 DATABASE_UNAVAILABLE with Retry-After for a connection failure, without trying to audit', async () => {
    const app = await appThatThrows(() => Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }));
    const reply = await app.inject({ method: 'GET', url: '/api/thing' });
    expect(reply.statusCode).toBe(503);
    expect(reply.headers['retry-after']).toBe('5');
    expect(reply.json()).toMatchObject({ error: { code: 'DATABASE_UNAVAILABLE', message: expect.stringMatching(/database/) } });
  });

  it('answers 503 rather than crashing when the fallback audit entry of another failure cannot be written', async () => {
    const app = await appThatThrows(() => new AppError('VALIDATION_FAILED', 'bad input'));
    const reply = await app.inject({ method: 'GET', url: '/api/thing' });
    expect(reply.statusCode).toBe(503);
    expect(reply.json()).toMatchObject({ error: { code: 'DATABASE_UNAVAILABLE' } });
  });
});
