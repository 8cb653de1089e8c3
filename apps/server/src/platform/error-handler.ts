import { isDatabaseUnavailable, type Database } from '@hoeder/db';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { AuditService } from '../audit/audit.service';
import { AppError, STATUS_OF, type AppErrorCode } from './app-error';
import type { Clock } from './clock';

const UNAVAILABLE = () => new AppError('DATABASE_UNAVAILABLE', 'the database cannot be reached right now; try again in a few seconds');

/** Fastify's own failures (parsing, limits) and a lost database in our codes; anything else is an internal error. */
function classify(error: FastifyError | AppError): AppError {
  if (error instanceof AppError) return error;
  if (isDatabaseUnavailable(error)) return UNAVAILABLE();
  const byCode: Partial<Record<string, AppErrorCode>> = {
    FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
    FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
    FST_ERR_CTP_EMPTY_JSON_BODY: 'VALIDATION_FAILED',
    FST_ERR_CTP_INVALID_JSON_BODY: 'VALIDATION_FAILED',
    // The static file handler's refusal of a path it will not serve: for the caller, no such file.
    FST_STATIC_FORBIDDEN_PATH: 'ROUTE_NOT_FOUND',
  };
  const code = byCode[error.code] ?? (error.statusCode === 429 ? 'RATE_LIMITED' : undefined);
  if (code === 'ROUTE_NOT_FOUND') return new AppError(code, 'no such file');
  if (code) return new AppError(code, code === 'VALIDATION_FAILED' ? 'the request body is not valid JSON' : error.message);
  if (error instanceof SyntaxError || (error.statusCode === 400 && error.code?.startsWith('FST_ERR'))) {
    return new AppError('VALIDATION_FAILED', 'the request could not be read');
  }
  return new AppError('INTERNAL', 'an internal error occurred; quote the request id to the service desk');
}

/**
 * The one mapper from error codes to HTTP replies. Failures that no service logged (bad input
 * stopped at the edge, CSRF) are audited here when a user is known, so every attempt leaves a trace.
 */
export function installErrorHandler(app: FastifyInstance, deps: { db: Kysely<Database>; audit: AuditService; clock: Clock }) {
  app.setErrorHandler(async (raw: FastifyError | AppError, request: FastifyRequest, reply: FastifyReply) => {
    let error = classify(raw);
    let status = STATUS_OF[error.code];
    if (error.code === 'DATABASE_UNAVAILABLE') request.log.warn({ errCode: (raw as FastifyError).code }, 'request failed: database unavailable');
    else if (status >= 500) request.log.error({ errType: raw.name, errCode: (raw as FastifyError).code, stack: raw.stack?.split('\n').slice(1, 8).join('\n') }, 'request failed');
    const actor = request.actor ?? null;
    // Nothing was served (the access and its entry share a transaction), and there is nowhere to write an entry.
    if (!error.audited && actor && request.url.startsWith('/api/') && error.code !== 'DATABASE_UNAVAILABLE') {
      try {
        await deps.db.transaction().execute((trx) =>
          deps.audit.record(trx, { traceId: request.id, now: deps.clock.now() }, actor, {
            operation: `http.${request.method}.${request.routeOptions.url ?? 'unknown'}`,
            status: status === 401 || status === 403 || status === 404 ? 'denied' : 'error',
            processingActivity: 'protection.case_handling',
            objectType: 'request',
            details: { errorCode: error.code },
          }),
        );
      } catch (auditError) {
        // The database went away between the failure and its audit entry: answer 503, never crash.
        if (!isDatabaseUnavailable(auditError)) throw auditError;
        request.log.warn('audit entry of a failed request not written: database unavailable');
        error = UNAVAILABLE();
        status = STATUS_OF[error.code];
      }
    }
    if (error.code === 'DATABASE_UNAVAILABLE') reply.header('retry-after', '5');
    return reply.status(status).send({
      error: { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) },
      requestId: request.id,
    });
  });
}
