import type { Role } from '../shared/vocabulary';
import type { CoordinationEventBody, RecordedCoordinationEvent } from './coordination-events';

/** Test helper: events as the store would record them, one minute apart. */
export function recorder(caseId = 'c1') {
  const events: RecordedCoordinationEvent[] = [];
  const t0 = Date.parse('2026-11-01T09:00:00Z');
  return {
    events,
    append(body: CoordinationEventBody, actorId: string, actorRole: Role): RecordedCoordinationEvent {
      const e: RecordedCoordinationEvent = {
        caseId,
        seq: events.length + 1,
        body,
        marking: { classification: 'stg_confidential', originator: actorRole === 'om_prosecutor' ? 'OM' : 'NCTV' },
        actorId,
        actorRole,
        occurredAt: new Date(t0 + events.length * 60_000).toISOString(),
      };
      events.push(e);
      return e;
    },
  };
}
