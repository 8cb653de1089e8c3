import type { Result } from '@hoeder/domain';
import type { FastifyRequest } from 'fastify';
import { hasUnsafeCharacter } from '@hoeder/contracts';
import { z } from 'zod';
import { AppError } from './app-error';
import { wasAudited } from './guard/audited';
import type { Clock } from './clock';
import type { RequestContext } from './actor';

/** The path of the first string (value or key) in parsed input that no text field may hold. */
export function firstUnsafeString(value: unknown, path: string[] = []): string[] | undefined {
  if (typeof value === 'string') return hasUnsafeCharacter(value) ? path : undefined;
  if (value === null || typeof value !== 'object') return undefined;
  for (const [key, inner] of Object.entries(value)) {
    if (hasUnsafeCharacter(key)) return [...path, '(key)'];
    const found = firstUnsafeString(inner, [...path, key]);
    if (found) return found;
  }
  return undefined;
}

/**
 * Parses input at the edge; a failure lists every problem by field, in the caller's terms. Text
 * fields refuse control characters through the contracts' text type; the sweep after parsing is
 * the backstop for a schema that let a plain string through (ADR 0013), so none reaches a handler.
 */
export function parseWith<S extends z.ZodType>(schema: S, data: unknown): z.infer<S> {
  const parsed = schema.safeParse(data ?? {});
  if (parsed.success) {
    const unsafe = firstUnsafeString(parsed.data);
    if (!unsafe) return parsed.data;
    const field = unsafe.join('.') || '(body)';
    throw new AppError('VALIDATION_FAILED', `${field}: contains a control character or an unpaired surrogate`, { issues: [{ field, message: 'contains a control character or an unpaired surrogate' }] });
  }
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
