/** An event to append to a per-case stream (`case_event`, `assessment_event`: the same columns). */
export interface NewStreamEvent<B extends { type: string }> {
  body: B;
  actorId: string;
  actorRole: string;
  occurredAt: Date;
  traceId: string;
}

/**
 * The rows for events appended after `expectedVersion`. The unique (case_id, version) constraint of
 * every stream is the arbiter: a concurrent writer that read the same version fails on insert.
 */
export function streamRows<B extends { type: string }>(caseId: string, expectedVersion: number, events: readonly NewStreamEvent<B>[]) {
  return events.map((e, i) => ({
    case_id: caseId,
    version: expectedVersion + i + 1,
    type: e.body.type as B['type'],
    payload: JSON.stringify(e.body),
    actor_id: e.actorId,
    actor_role: e.actorRole,
    occurred_at: e.occurredAt,
    trace_id: e.traceId,
  }));
}

const UNIQUE_VIOLATION = '23505';

/** Whether PostgreSQL refused a row for a unique constraint: on a stream, a lost race. */
export const isUniqueViolation = (e: unknown): boolean =>
  typeof e === 'object' && e !== null && 'code' in e && (e as { code: unknown }).code === UNIQUE_VIOLATION;
