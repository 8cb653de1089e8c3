import type { Result } from '@hoeder/domain';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from './app-error';
import { wasAudited } from './guard/audited';
import type { Clock } from './clock';
import type { RequestContext } from './actor';

/** Parses input at the edge; a failure lists every problem by field, in the caller's terms. */
export function parseWith<S extends z.ZodType>(schema: S, data: unknown): z.infer<S> {
  const parsed = schema.safeParse(data ?? {});
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => ({ field: i.path.join('.') || '(body)', message: i.message }));
  const first = issues[0];
  throw new AppError('VALIDATION_FAILED', first ? `${first.field}: ${first.message}` : 'invalid input', { issues });
}

/**
 * Turns a service result into a value or an error for the mapper. Only a failure the guarded layer
 * audited is marked so; any other is logged by the error handler's fallback (ADR 0010).
 */
export function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  const error = AppError.from(result.error);
  error.audited = wasAudited(result.error);
  throw error;
}

export const requestContext = (request: FastifyRequest, clock: Clock): RequestContext => ({ traceId: request.id, now: clock.now() });

/** OpenAPI documentation for a zod schema (validation itself is done by `parseWith`). */
export const openApi = (schema: z.ZodType) => z.toJSONSchema(schema, { target: 'openapi-3.0', unrepresentable: 'any' }) as Record<string, unknown>;
