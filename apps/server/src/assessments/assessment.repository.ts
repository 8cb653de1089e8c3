import type { assessment } from '@hoeder/domain';
import { streamRows, type Db, type NewStreamEvent } from '@hoeder/db';

type RecordedAssessmentEvent = assessment.RecordedAssessmentEvent;
type AssessmentEventBody = assessment.AssessmentEventBody;
type AssessmentState = assessment.AssessmentState;

export type NewAssessmentEvent = NewStreamEvent<AssessmentEventBody>;

const iso = (d: Date | string) => new Date(d).toISOString();
const pad = (n: number) => String(n).padStart(2, '0');
/** pg hands a `date` column back as a local-midnight Date; PGlite may give a string. */
const dateOnly = (d: Date | string | null) =>
  d === null ? null : typeof d === 'string' ? d.slice(0, 10) : `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

/**
 * The DAF streams of the given cases, in stream order: one query for a whole list (set-based).
 * `types` narrows to the events a reader needs (e.g. only those that shape the versions).
 */
export async function loadAssessmentEvents(db: Db, caseIds: readonly string[], types?: readonly AssessmentEventBody['type'][]): Promise<Map<string, RecordedAssessmentEvent[]>> {
  const byCase = new Map<string, RecordedAssessmentEvent[]>();
  if (caseIds.length === 0) return byCase;
  let query = db
    .selectFrom('assessment_event')
    .select(['case_id', 'version', 'payload', 'actor_id', 'occurred_at'])
    .where('case_id', 'in', [...caseIds]);
  if (types) query = query.where('type', 'in', [...types]);
  const rows = await query
    .orderBy('case_id')
    .orderBy('version')
    .execute();
  for (const r of rows) {
    const list = byCase.get(r.case_id) ?? [];
    list.push({ caseId: r.case_id, version: r.version, body: r.payload as AssessmentEventBody, actorId: r.actor_id, occurredAt: iso(r.occurred_at) });
    byCase.set(r.case_id, list);
  }
  return byCase;
}

/**
 * Appends after `expectedVersion`; the unique (case_id, version) constraint decides a race, so a
 * concurrent writer that read the same version fails on insert and nothing is overwritten.
 */
export async function appendAssessmentEvents(db: Db, caseId: string, expectedVersion: number, events: readonly NewAssessmentEvent[]): Promise<number> {
  if (events.length === 0) return expectedVersion;
  await db
    .insertInto('assessment_event')
    .values(streamRows(caseId, expectedVersion, events))
    .execute();
  return expectedVersion + events.length;
}

export interface AssessmentSummaryRow {
  caseId: string;
  version: number;
  classification: string;
  finalVersion: number | null;
  validUntil: string | null;
  openVersion: number | null;
  openStatus: string | null;
}

/** Projects the read model in the same transaction as the events: numbers and markings only. */
export async function saveAssessmentSummary(db: Db, state: AssessmentState, classification: string, at: Date): Promise<void> {
  const final = state.versions.find((v) => v.status === 'final');
  const open = state.versions.find((v) => v.status === 'draft' || v.status === 'in_challenge');
  const row = {
    case_id: state.caseId,
    version: state.version,
    classification,
    final_version: final?.versionNumber ?? null,
    valid_until: final?.validUntil ?? null,
    open_version: open?.versionNumber ?? null,
    open_status: open?.status ?? null,
    updated_at: at,
  };
  await db
    .insertInto('assessment_summary')
    .values(row)
    .onConflict((oc) => oc.column('case_id').doUpdateSet(row))
    .execute();
}

export async function findAssessmentSummaries(db: Db, caseIds: readonly string[]): Promise<AssessmentSummaryRow[]> {
  if (caseIds.length === 0) return [];
  const rows = await db.selectFrom('assessment_summary').selectAll().where('case_id', 'in', [...caseIds]).execute();
  return rows.map((r) => ({
    caseId: r.case_id,
    version: r.version,
    classification: r.classification,
    finalVersion: r.final_version,
    validUntil: dateOnly(r.valid_until as Date | string | null),
    openVersion: r.open_version,
    openStatus: r.open_status,
  }));
}

export async function countAssessmentEvents(db: Db): Promise<number> {
  const row = await db.selectFrom('assessment_event').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}
