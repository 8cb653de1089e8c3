import type { CoordinationEventBody, Marking, Organisation, RecordedCoordinationEvent, Role } from '@hoeder/domain';
import type { CoordinationReadGrant, CoordinationWriteGrant } from '../access/grants';
import type { Db } from '../schema';

interface Row {
  case_id: string;
  seq: number;
  body: string;
  marking: string;
  recorded_by: string;
  recorded_role: string;
  recorded_at: Date | string;
}

const toEvent = (r: Row): RecordedCoordinationEvent => ({
  caseId: r.case_id,
  seq: r.seq,
  body: JSON.parse(r.body) as CoordinationEventBody,
  marking: JSON.parse(r.marking) as Marking,
  actorId: r.recorded_by,
  actorRole: r.recorded_role as Role,
  occurredAt: new Date(r.recorded_at).toISOString(),
});

const allows = (grant: CoordinationReadGrant | CoordinationWriteGrant, caseId: string) => ('caseId' in grant ? grant.caseId === caseId : grant.caseIds.has(caseId));

/** Every event of one case's coordination record, oldest first (the caller filters per marking). */
export async function loadCoordinationEvents(db: Db, grant: CoordinationReadGrant | CoordinationWriteGrant, caseId: string): Promise<RecordedCoordinationEvent[]> {
  if (!allows(grant, caseId)) return [];
  const rows = await db.selectFrom('coordination_event').selectAll().where('case_id', '=', caseId).orderBy('seq').execute();
  return rows.map(toEvent);
}

/** Appends one event at `seq`; the primary key refuses a lost race. */
export async function appendCoordinationEvent(db: Db, grant: CoordinationWriteGrant, event: { seq: number; body: CoordinationEventBody; marking: Marking; actorId: string; actorRole: string }, at: Date): Promise<void> {
  await db
    .insertInto('coordination_event')
    .values({ case_id: grant.caseId, seq: event.seq, kind: event.body.type, body: JSON.stringify(event.body), marking: JSON.stringify(event.marking), recorded_by: event.actorId, recorded_role: event.actorRole, recorded_at: at })
    .execute();
}

/** Of the given cases (no personal data): which have a crown-witness track, and how many events each record holds. */
export async function coordinationOverview(db: Db, caseIds: readonly string[]): Promise<Map<string, { crownWitness: boolean; events: number }>> {
  if (caseIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('coordination_event')
    .select(['case_id'])
    .select((eb) => [eb.fn.countAll<string>().as('events'), eb.fn.max(eb.case().when('kind', '=', 'CrownWitnessTrackOpened').then(1).else(0).end()).as('track')])
    .where('case_id', 'in', caseIds)
    .groupBy('case_id')
    .execute();
  return new Map(rows.map((r) => [r.case_id, { crownWitness: Number(r.track) === 1, events: Number(r.events) }]));
}

/**
 * The people allowed on a case (its team), by id, name and organisation: the users a weighing or
 * consultation can name as participants (ADR 0030). Active users only.
 */
export async function loadCoordinationTeam(db: Db, grant: CoordinationReadGrant | CoordinationWriteGrant, caseId: string): Promise<{ userId: string; name: string; organisation: Organisation }[]> {
  if (!allows(grant, caseId)) return [];
  const rows = await db
    .selectFrom('case_member as m')
    .innerJoin('app_user as u', 'u.user_id', 'm.user_id')
    .select(['u.user_id', 'u.display_name', 'u.organisation'])
    .where('m.case_id', '=', caseId)
    .where('u.active', '=', true)
    .orderBy('u.display_name')
    .execute();
  return rows.map((r) => ({ userId: r.user_id, name: r.display_name, organisation: r.organisation as Organisation }));
}
