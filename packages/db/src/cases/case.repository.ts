import { CompiledQuery, type Selectable } from 'kysely';
import { PHASE_ATTENTION, type CaseEventBody, type CasePhase, type CaseState, type Classification, type RecordedCaseEvent, type ThreatPhenomenon } from '@hoeder/domain';
import type { AnyCaseGrant, CaseReadGrant, CaseSetGrant, CaseWriteGrant } from '../access/grants';
import { streamRows, type NewStreamEvent } from '../event-stream';
import type { CaseSummaryTable, Db } from '../schema';

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

/** ISO text; text already in the exact form (`ISO_TEXT` below) is passed on without a round trip through Date. */
const iso = (d: Date | string) => (typeof d === 'string' && ISO_FORM.test(d) ? d : new Date(d).toISOString());
const ISO_FORM = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
/** A timestamp column printed by PostgreSQL exactly as `Date.prototype.toISOString` would (UTC, milliseconds). */
const isoText = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
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
 * The case view's read of the stream and, in the same statement, the display names of the staff it
 * names (its events' actors and its members): one round trip instead of two (ADR 0036). Fixed texts
 * (no query builder per request) and prepared per connection (ADR 0038).
 * `$2` (true when the reader reads the decision section) decides whether a decision's policy trace
 * (`policy.explanation`, the fired rules of every table: ~12 kB per decision, most of a stream's
 * bytes) is loaded: only that section shows it, so a reader without it never receives it (ADR 0038).
 */
const CASE_EVENTS_WITH_NAMES = `
  WITH ev AS (
    SELECT case_id, version, actor_id, actor_role, occurred_at,
           CASE WHEN $2 OR type <> 'DecisionProposed' THEN payload ELSE payload #- '{policy,explanation}' END AS payload
    FROM case_event WHERE case_id = $1
  ), named AS (
    SELECT coalesce(json_object_agg(user_id, display_name), '{}'::json) AS names FROM app_user
    WHERE user_id IN (SELECT actor_id FROM ev UNION SELECT user_id FROM case_member WHERE case_id = $1)
  )
  SELECT ev.case_id, ev.version, ev.payload, ev.actor_id, ev.actor_role, ev.occurred_at,
         CASE WHEN ev.version IS NULL OR ev.version = (SELECT min(version) FROM ev) THEN named.names END AS names
  FROM ev RIGHT JOIN named ON true
  ORDER BY ev.version`;

type EventWithNamesRow = { case_id: string | null; version: number; payload: unknown; actor_id: string; actor_role: string; occurred_at: Date; names: Record<string, string> | null };

/**
 * The stream of one case with its staff's names (above). Where the grant does not include the
 * decision section, `DecisionProposed` events come without `policy.explanation`: the projection
 * copies it, and only the decision section's DTO reads it.
 */
export async function loadCaseEventsWithNames(db: Db, grant: CaseReadGrant): Promise<{ events: RecordedCaseEvent[]; names: Map<string, string> }> {
  const { rows } = await db.executeQuery<EventWithNamesRow>(CompiledQuery.raw(CASE_EVENTS_WITH_NAMES, [grant.caseId, grant.sections.has('decision')]));
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
  registered_at: Date | string;
  updated_at: Date | string;
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

/**
 * A case summary exactly as the list answers it (`CaseSummaryRow`, the contract's `CaseListItem`):
 * the columns named and printed by PostgreSQL (timestamps as `Date.prototype.toISOString` would),
 * so the driver's rows are the answer's objects and no per-row mapping runs in the server (ADR 0042).
 */
const SUMMARY_AS_ITEM = `
  SELECT s.case_id AS "caseId", s.reference, s.phase, s.phenomenon, s.classification, s.version,
         ${isoText('s.registered_at')} AS "registeredAt", ${isoText('s.updated_at')} AS "updatedAt",
         to_char(s.review_date, 'YYYY-MM-DD') AS "reviewDate"
  FROM case_summary s`;
const ALL_CASE_SUMMARIES = `${SUMMARY_AS_ITEM} ORDER BY s.updated_at DESC`;
const MEMBER_CASE_SUMMARIES = `${SUMMARY_AS_ITEM}
  WHERE s.case_id IN (SELECT case_id FROM case_member WHERE user_id = $1)
  ORDER BY s.updated_at DESC`;

/** Candidate cases for a list: the user's cases, or all cases for a standing oversight grant. Newest first. */
export async function listCaseSummaries(db: Db, scope: { memberUserId: string } | 'all'): Promise<CaseSummaryRow[]> {
  const query = scope === 'all' ? CompiledQuery.raw(ALL_CASE_SUMMARIES, []) : CompiledQuery.raw(MEMBER_CASE_SUMMARIES, [scope.memberUserId]);
  return (await db.executeQuery<CaseSummaryRow>(query)).rows;
}

type SummaryWithBasisRow = Omit<Selectable<CaseSummaryTable>, 'registered_at' | 'updated_at' | 'review_date'> & {
  registered_at: string;
  updated_at: string;
  review_date: string | null;
  is_member: boolean;
  has_break_glass: boolean;
};

/**
 * A case summary with the user's two bases for seeing it: membership and an unexpired break-glass
 * grant ($1 the user, $2 the moment). A fixed text, prepared per connection, for the access check
 * every case view runs (ADR 0038).
 */
const SUMMARY_WITH_BASIS = `
  SELECT s.case_id, s.reference, s.phase, s.phenomenon, s.classification, s.version,
         ${isoText('s.registered_at')} AS registered_at, ${isoText('s.updated_at')} AS updated_at, to_char(s.review_date, 'YYYY-MM-DD') AS review_date,
         EXISTS (SELECT 1 FROM case_member m WHERE m.case_id = s.case_id AND m.user_id = $1) AS is_member,
         EXISTS (SELECT 1 FROM break_glass_grant g WHERE g.case_id = s.case_id AND g.user_id = $1 AND g.expires_at > $2) AS has_break_glass
  FROM case_summary s`;
const CASE_ACCESS_FACTS = `${SUMMARY_WITH_BASIS} WHERE s.case_id = $3`;

/**
 * The candidates for a user's list in one statement: the cases they are a member of and those an
 * unexpired break-glass grant opens ($1 the user, $2 the moment; ADR 0036: one round trip where
 * `listCaseSummaries` and `activeBreakGlassCases` took two). Members' cases first, newest first.
 * Which basis each row has is not returned: every row has one of the two, and that is all the
 * list's need-to-know rule asks (ADR 0042).
 */
const CASE_SUMMARIES_OF_USER = `${SUMMARY_AS_ITEM}
  WHERE s.case_id IN (SELECT case_id FROM case_member WHERE user_id = $1)
     OR s.case_id IN (SELECT case_id FROM break_glass_grant WHERE user_id = $1 AND expires_at > $2)
  ORDER BY EXISTS (SELECT 1 FROM case_member m WHERE m.case_id = s.case_id AND m.user_id = $1) DESC, s.updated_at DESC`;

export async function listCaseSummariesOfUser(db: Db, userId: string, at: Date): Promise<CaseSummaryRow[]> {
  return (await db.executeQuery<CaseSummaryRow>(CompiledQuery.raw(CASE_SUMMARIES_OF_USER, [userId, at]))).rows;
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
  const { rows } = await db.executeQuery<SummaryWithBasisRow>(CompiledQuery.raw(CASE_ACCESS_FACTS, [userId, at, caseId]));
  const row = rows[0];
  if (!row) return undefined;
  const { is_member, has_break_glass, ...summary } = row;
  return { summary: toSummary(summary), member: Boolean(is_member), breakGlass: Boolean(has_break_glass) };
}
