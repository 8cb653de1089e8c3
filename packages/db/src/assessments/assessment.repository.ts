import type { assessment, Classification } from '@hoeder/domain';
import type { AnyDafGrant, CaseSetGrant, DafWriteGrant } from '../access/grants';
import { streamRows, type NewStreamEvent } from '../event-stream';
import type { Db } from '../schema';

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
 * The DAF streams a grant covers (one case, or a set for a list), in stream order, in one query.
 * `types` narrows to the events a reader needs (e.g. only those that shape the versions);
 * `afterVersion` to the tail after a snapshot.
 * Information products and judgements: only with a grant from the guarded layer (ADR 0010).
 */
export async function loadAssessmentEvents(
  db: Db,
  grant: AnyDafGrant | CaseSetGrant,
  types?: readonly AssessmentEventBody['type'][],
  afterVersion = 0,
): Promise<Map<string, RecordedAssessmentEvent[]>> {
  const caseIds = 'caseIds' in grant ? (grant.sections.has('assessment') ? grant.caseIds : []) : [grant.caseId];
  const byCase = new Map<string, RecordedAssessmentEvent[]>();
  if (caseIds.length === 0) return byCase;
  let query = db
    .selectFrom('assessment_event')
    .select(['case_id', 'version', 'payload', 'actor_id', 'occurred_at'])
    .where('case_id', 'in', [...caseIds]);
  if (types) query = query.where('type', 'in', [...types]);
  if (afterVersion > 0) query = query.where('version', '>', afterVersion);
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
export async function appendAssessmentEvents(db: Db, grant: DafWriteGrant, expectedVersion: number, events: readonly NewAssessmentEvent[]): Promise<number> {
  if (events.length === 0) return expectedVersion;
  await db
    .insertInto('assessment_event')
    .values(streamRows(grant.caseId, expectedVersion, events))
    .execute();
  return expectedVersion + events.length;
}

export interface AssessmentSummaryRow {
  caseId: string;
  version: number;
  classification: Classification;
  finalVersion: number | null;
  validUntil: string | null;
  openVersion: number | null;
  openStatus: assessment.VersionStatus | null;
}

/** Projects the read model in the same transaction as the events: numbers and markings only. */
export async function saveAssessmentSummary(db: Db, grant: DafWriteGrant, state: AssessmentState, classification: Classification, at: Date): Promise<void> {
  if (state.caseId !== grant.caseId) throw new Error('summary of another DAF record than the grant covers');
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
