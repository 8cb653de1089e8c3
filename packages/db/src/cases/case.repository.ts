import { sql } from 'kysely';
import { PHASE_ATTENTION, type CaseEventBody, type CasePhase, type CaseState, type Classification, type RecordedCaseEvent, type ThreatPhenomenon } from '@hoeder/domain';
import type { AnyCaseGrant, CaseSetGrant, CaseWriteGrant } from '../access/grants';
import { streamRows, type NewStreamEvent } from '../event-stream';
import type { Db } from '../schema';

export type NewCaseEvent = NewStreamEvent<CaseEventBody>;

export interface CaseSummaryRow {
  caseId: string;
  reference: string;
  phase: CasePhase;
  phenomenon: ThreatPhenomenon;
  classification: Classification;
  version: number;
  registeredAt: string;
  updatedAt: string;
  reviewDate: string | null;
}

const iso = (d: Date | string) => new Date(d).toISOString();
const dateOnly = (d: Date | string | null) => (d === null ? null : typeof d === 'string' ? d.slice(0, 10) : localDate(d));
const localDate = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

const eventOf = (r: { case_id: string; version: number; payload: unknown; actor_id: string; actor_role: string; occurred_at: Date }): RecordedCaseEvent => ({
  caseId: r.case_id,
  version: r.version,
  body: r.payload as CaseEventBody,
  actorId: r.actor_id,
  actorRole: r.actor_role,
  occurredAt: iso(r.occurred_at),
});

/** The stream of one case: personal data, so only with a grant from the guarded layer (ADR 0010). */
export async function loadCaseEvents(db: Db, grant: AnyCaseGrant): Promise<RecordedCaseEvent[]> {
  const rows = await db
    .selectFrom('case_event')
    .select(['case_id', 'version', 'payload', 'actor_id', 'actor_role', 'occurred_at'])
    .where('case_id', '=', grant.caseId)
    .orderBy('version')
    .execute();
  return rows.map(eventOf);
}

/**
 * The stream of one case and, in the same statement, the display names of the staff it names
 * (its events' actors and its members): one round trip instead of two (ADR 0036). Names of
 * anyone else the projected state mentions (a member since removed, in an as-of view) the caller
 * looks up separately.
 */
export async function loadCaseEventsWithNames(db: Db, grant: AnyCaseGrant): Promise<{ events: RecordedCaseEvent[]; names: Map<string, string> }> {
  const rows = await db
    .with('ev', (q) => q.selectFrom('case_event').select(['case_id', 'version', 'payload', 'actor_id', 'actor_role', 'occurred_at']).where('case_id', '=', grant.caseId))
    .with('named', (q) =>
      q
        .selectFrom('app_user')
        .select((eb) => eb.fn.coalesce(sql<Record<string, string>>`json_object_agg(user_id, display_name)`, sql<Record<string, string>>`'{}'::json`).as('names'))
        .where((eb) => eb.or([eb('user_id', 'in', eb.selectFrom('ev').select('actor_id')), eb('user_id', 'in', eb.selectFrom('case_member').select('user_id').where('case_id', '=', grant.caseId))])),
    )
    .selectFrom('ev')
    .rightJoin('named', (join) => join.onTrue())
    .select(['ev.case_id', 'ev.version', 'ev.payload', 'ev.actor_id', 'ev.actor_role', 'ev.occurred_at'])
    // The names once, on the first row (or on the one row of an empty stream), not on every event.
    .select(sql<Record<string, string> | null>`CASE WHEN ev.version IS NULL OR ev.version = (SELECT min(version) FROM ev) THEN named.names END`.as('names'))
    .orderBy('ev.version')
    .execute();
  const names = new Map(Object.entries(rows[0]?.names ?? {}));
  const events = rows.flatMap((r) => (r.case_id === null ? [] : [eventOf(r as Parameters<typeof eventOf>[0])]));
  return { events, names };
}

/** The streams of the cases a set grant covers, in one query. */
export async function loadCaseStreams(db: Db, grant: CaseSetGrant): Promise<Map<string, RecordedCaseEvent[]>> {
  const byCase = new Map<string, RecordedCaseEvent[]>();
  if (grant.caseIds.length === 0) return byCase;
  const rows = await db
    .selectFrom('case_event')
    .select(['case_id', 'version', 'payload', 'actor_id', 'actor_role', 'occurred_at'])
    .where('case_id', 'in', [...grant.caseIds])
    .orderBy('case_id')
    .orderBy('version')
    .execute();
  for (const r of rows) byCase.set(r.case_id, [...(byCase.get(r.case_id) ?? []), eventOf(r)]);
  return byCase;
}

/**
 * Appends after `expectedVersion`. The unique (case_id, version) constraint is the arbiter: a
 * concurrent writer that read the same version fails on insert, so no update is ever lost.
 */
export async function appendCaseEvents(db: Db, grant: CaseWriteGrant, expectedVersion: number, events: readonly NewCaseEvent[]): Promise<number> {
  if (events.length === 0) return expectedVersion;
  await db
    .insertInto('case_event')
    .values(streamRows(grant.caseId, expectedVersion, events))
    .execute();
  return expectedVersion + events.length;
}

/** Projects the read model from the new state, in the same transaction as the events. */
export async function saveCaseProjection(db: Db, grant: CaseWriteGrant, state: CaseState, at: Date): Promise<void> {
  if (state.caseId !== grant.caseId) throw new Error('projection of another case than the grant covers');
  const row = {
    case_id: state.caseId,
    reference: state.reference,
    phase: state.phase,
    phenomenon: state.triage?.phenomenon ?? state.reportedPhenomenon,
    classification: state.classification,
    version: state.version,
    registered_at: state.registeredAt,
    updated_at: state.updatedAt,
    review_date: state.activeDecision?.reviewDate ?? null,
    // The overview's default order reads it from an index (ADR 0039); a due review is compared
    // with today when read.
    attention_rank: PHASE_ATTENTION[state.phase],
  };
  await db
    .insertInto('case_summary')
    .values(row)
    .onConflict((oc) => oc.column('case_id').doUpdateSet(row))
    .execute();
  if (state.memberIds.length > 0) {
    await db
      .insertInto('case_member')
      .values(state.memberIds.map((userId) => ({ case_id: state.caseId, user_id: userId, added_at: at })))
      .onConflict((oc) => oc.columns(['case_id', 'user_id']).doNothing())
      .execute();
  }
}

export const toSummary = (r: {
  case_id: string;
  reference: string;
  phase: CasePhase;
  phenomenon: ThreatPhenomenon;
  classification: Classification;
  version: number;
  registered_at: Date;
  updated_at: Date;
  review_date: string | Date | null;
}): CaseSummaryRow => ({
  caseId: r.case_id,
  reference: r.reference,
  phase: r.phase,
  phenomenon: r.phenomenon,
  classification: r.classification,
  version: r.version,
  registeredAt: iso(r.registered_at),
  updatedAt: iso(r.updated_at),
  reviewDate: dateOnly(r.review_date),
});

export async function findCaseSummaries(db: Db, caseIds: readonly string[]): Promise<CaseSummaryRow[]> {
  if (caseIds.length === 0) return [];
  const rows = await db.selectFrom('case_summary').selectAll().where('case_id', 'in', [...caseIds]).execute();
  return rows.map(toSummary);
}

/** Candidate cases for a list: the user's cases, or all cases for a standing oversight grant. */
export async function listCaseSummaries(db: Db, scope: { memberUserId: string } | 'all'): Promise<CaseSummaryRow[]> {
  let query = db.selectFrom('case_summary').selectAll('case_summary');
  if (scope !== 'all') {
    query = query.innerJoin('case_member', 'case_member.case_id', 'case_summary.case_id').where('case_member.user_id', '=', scope.memberUserId);
  }
  const rows = await query.orderBy('case_summary.updated_at', 'desc').execute();
  return rows.map(toSummary);
}

/**
 * The candidates for a user's list in one statement: the cases they are a member of and those an
 * unexpired break-glass grant opens, each with which of the two it is (ADR 0036: one round trip
 * where `listCaseSummaries` and `activeBreakGlassCases` took two). Members' cases first, newest first.
 */
export async function listCaseSummariesOfUser(db: Db, userId: string, at: Date): Promise<(CaseSummaryRow & { member: boolean; breakGlass: boolean })[]> {
  const rows = await db
    .selectFrom('case_summary as s')
    .selectAll('s')
    .select((eb) => [
      eb.exists(eb.selectFrom('case_member as m').select('m.case_id').whereRef('m.case_id', '=', 's.case_id').where('m.user_id', '=', userId)).as('is_member'),
      eb
        .exists(eb.selectFrom('break_glass_grant as g').select('g.case_id').whereRef('g.case_id', '=', 's.case_id').where('g.user_id', '=', userId).where('g.expires_at', '>', at))
        .as('has_break_glass'),
    ])
    .where((eb) =>
      eb.or([
        eb('s.case_id', 'in', eb.selectFrom('case_member').select('case_id').where('user_id', '=', userId)),
        eb('s.case_id', 'in', eb.selectFrom('break_glass_grant').select('case_id').where('user_id', '=', userId).where('expires_at', '>', at)),
      ]),
    )
    .orderBy('is_member', 'desc')
    .orderBy('s.updated_at', 'desc')
    .execute();
  return rows.map(({ is_member, has_break_glass, ...summary }) => ({ ...toSummary(summary), member: Boolean(is_member), breakGlass: Boolean(has_break_glass) }));
}

/** Of the given cases, those the user is a member of. */
export async function membershipsOf(db: Db, userId: string, caseIds: readonly string[]): Promise<Set<string>> {
  if (caseIds.length === 0) return new Set();
  const rows = await db.selectFrom('case_member').select('case_id').where('user_id', '=', userId).where('case_id', 'in', [...caseIds]).execute();
  return new Set(rows.map((r) => r.case_id));
}

export async function countCaseEvents(db: Db): Promise<number> {
  const row = await db.selectFrom('case_event').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** What the need-to-know check of one case asks, in one round trip: its summary, and the user's membership and live break-glass grant. */
export async function findCaseAccessFacts(db: Db, userId: string, caseId: string, at: Date): Promise<{ summary: CaseSummaryRow; member: boolean; breakGlass: boolean } | undefined> {
  const row = await db
    .selectFrom('case_summary as s')
    .selectAll('s')
    .select((eb) => [
      eb.exists(eb.selectFrom('case_member as m').select('m.case_id').whereRef('m.case_id', '=', 's.case_id').where('m.user_id', '=', userId)).as('is_member'),
      eb
        .exists(eb.selectFrom('break_glass_grant as g').select('g.case_id').whereRef('g.case_id', '=', 's.case_id').where('g.user_id', '=', userId).where('g.expires_at', '>', at))
        .as('has_break_glass'),
    ])
    .where('s.case_id', '=', caseId)
    .executeTakeFirst();
  if (!row) return undefined;
  const { is_member, has_break_glass, ...summary } = row;
  return { summary: toSummary(summary), member: Boolean(is_member), breakGlass: Boolean(has_break_glass) };
}
