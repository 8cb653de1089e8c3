import { sql } from 'kysely';
import type { CaseSetGrant } from '../access/grants';
import type { Db } from '../schema';

import type { PolicyVersionStatus as PolicyStatus } from '@hoeder/domain/policy';

export type { PolicyStatus };
export type PolicyHistoryAction = 'shipped' | 'created' | 'saved' | 'submitted' | 'returned' | 'published';

export interface PolicyVersionRow {
  version: string;
  effectiveFrom: string;
  summary: string;
  status: PolicyStatus;
  revision: number;
  origin: 'shipped' | 'authored';
  authorId: string | null;
  submittedBy: string | null;
  submittedAt: string | null;
  approvedBy: string | null;
  approvedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface PolicyHistoryRow {
  seq: number;
  version: string;
  revision: number;
  action: PolicyHistoryAction;
  actorId: string | null;
  occurredAt: string;
  effectiveFrom: string;
  note: string | null;
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());
/** A `date` column comes back as a Date at local midnight (pg) or as text (PGlite). */
const day = (d: Date | string) =>
  typeof d === 'string' ? d.slice(0, 10) : `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

const COLUMNS = [
  'version',
  'effective_from',
  'summary',
  'status',
  'revision',
  'origin',
  'author_id',
  'submitted_by',
  'submitted_at',
  'approved_by',
  'approved_at',
  'created_at',
  'updated_at',
] as const;

type Row = { [K in (typeof COLUMNS)[number]]: unknown };

function toRow(r: Row): PolicyVersionRow {
  return {
    version: r.version as string,
    effectiveFrom: day(r.effective_from as Date | string),
    summary: r.summary as string,
    status: r.status as PolicyStatus,
    revision: r.revision as number,
    origin: r.origin as PolicyVersionRow['origin'],
    authorId: r.author_id as string | null,
    submittedBy: r.submitted_by as string | null,
    submittedAt: iso(r.submitted_at as Date | null),
    approvedBy: r.approved_by as string | null,
    approvedAt: iso(r.approved_at as Date | null),
    createdAt: iso(r.created_at as Date) as string,
    updatedAt: iso(r.updated_at as Date) as string,
  };
}

export async function listPolicyVersions(db: Db): Promise<PolicyVersionRow[]> {
  const rows = await db.selectFrom('policy_version').select(COLUMNS).orderBy('effective_from', 'desc').orderBy('version', 'desc').execute();
  return rows.map(toRow);
}

export async function findPolicyVersionRow(db: Db, version: string): Promise<(PolicyVersionRow & { xml: string }) | undefined> {
  const row = await db.selectFrom('policy_version').select([...COLUMNS, 'dmn_xml']).where('version', '=', version).executeTakeFirst();
  return row ? { ...toRow(row), xml: row.dmn_xml } : undefined;
}

/** The published version with the latest effective date on or before `onDate` (ISO date). */
export async function findPolicyVersionInEffect(db: Db, onDate: string): Promise<(PolicyVersionRow & { xml: string }) | undefined> {
  const row = await db
    .selectFrom('policy_version')
    .select([...COLUMNS, 'dmn_xml'])
    .where('status', '=', 'published')
    .where('effective_from', '<=', onDate)
    .orderBy('effective_from', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? { ...toRow(row), xml: row.dmn_xml } : undefined;
}

export interface NewPolicyVersion {
  version: string;
  effectiveFrom: string;
  summary: string;
  status: PolicyStatus;
  xml: string;
  origin: 'shipped' | 'authored';
  authorId: string | null;
  at: Date;
}

/** Inserts a version unless one with that name exists; true when inserted. */
export async function insertPolicyVersion(db: Db, v: NewPolicyVersion): Promise<boolean> {
  const inserted = await db
    .insertInto('policy_version')
    .values({
      version: v.version,
      effective_from: v.effectiveFrom,
      summary: v.summary,
      status: v.status,
      dmn_xml: v.xml,
      revision: 1,
      origin: v.origin,
      author_id: v.authorId,
      created_at: v.at,
      updated_at: v.at,
    })
    .onConflict((oc) => oc.column('version').doNothing())
    .returning('version')
    .executeTakeFirst();
  return inserted !== undefined;
}

/**
 * Updates a version only if it still has `expectedRevision` (optimistic concurrency: a stale
 * editor gets nothing back and the caller reports a conflict). Published rows refuse any update.
 */
export async function updatePolicyVersion(
  db: Db,
  version: string,
  expectedRevision: number,
  change: Partial<{ effectiveFrom: string; summary: string; xml: string; status: PolicyStatus; submittedBy: string | null; submittedAt: Date | null; approvedBy: string; approvedAt: Date }> & { at: Date },
): Promise<number | undefined> {
  const row = await db
    .updateTable('policy_version')
    .set({
      revision: expectedRevision + 1,
      updated_at: change.at,
      ...(change.effectiveFrom !== undefined ? { effective_from: change.effectiveFrom } : {}),
      ...(change.summary !== undefined ? { summary: change.summary } : {}),
      ...(change.xml !== undefined ? { dmn_xml: change.xml } : {}),
      ...(change.status !== undefined ? { status: change.status } : {}),
      ...(change.submittedBy !== undefined ? { submitted_by: change.submittedBy } : {}),
      ...(change.submittedAt !== undefined ? { submitted_at: change.submittedAt } : {}),
      ...(change.approvedBy !== undefined ? { approved_by: change.approvedBy } : {}),
      ...(change.approvedAt !== undefined ? { approved_at: change.approvedAt } : {}),
    })
    .where('version', '=', version)
    .where('revision', '=', expectedRevision)
    .returning('revision')
    .executeTakeFirst();
  return row?.revision;
}

export async function appendPolicyHistory(
  db: Db,
  entry: { version: string; revision: number; action: PolicyHistoryAction; actorId: string | null; at: Date; effectiveFrom: string; xml: string; note?: string | null },
): Promise<void> {
  await db
    .insertInto('policy_version_history')
    .values({
      version: entry.version,
      revision: entry.revision,
      action: entry.action,
      actor_id: entry.actorId,
      occurred_at: entry.at,
      effective_from: entry.effectiveFrom,
      dmn_xml: entry.xml,
      note: entry.note ?? null,
    })
    .execute();
}

export async function listPolicyHistory(db: Db, version: string): Promise<PolicyHistoryRow[]> {
  const rows = await db
    .selectFrom('policy_version_history')
    .select(['seq', 'version', 'revision', 'action', 'actor_id', 'occurred_at', 'effective_from', 'note'])
    .where('version', '=', version)
    .orderBy('seq')
    .execute();
  return rows.map((r) => ({
    seq: Number(r.seq),
    version: r.version,
    revision: r.revision,
    action: r.action as PolicyHistoryAction,
    actorId: r.actor_id,
    occurredAt: iso(r.occurred_at) as string,
    effectiveFrom: day(r.effective_from as Date | string),
    note: r.note,
  }));
}

export interface DeviationEventRow {
  caseId: string;
  version: number;
  payload: unknown;
  actorId: string;
  occurredAt: string;
}

/** Decision proposals that deviated from the policy's proposal, newest first (the deviation report). */
export async function listDeviatingProposals(db: Db, grant: CaseSetGrant): Promise<DeviationEventRow[]> {
  if (grant.caseIds.length === 0 || !grant.sections.has('decision')) return [];
  const rows = await db
    .selectFrom('case_event')
    .select(['case_id', 'version', 'payload', 'actor_id', 'occurred_at'])
    .where('type', '=', 'DecisionProposed')
    .where(sql<boolean>`payload->'policy'->>'deviation' IS NOT NULL`)
    .where('case_id', 'in', [...grant.caseIds])
    .orderBy('occurred_at', 'desc')
    .execute();
  return rows.map((r) => ({ caseId: r.case_id, version: r.version, payload: r.payload, actorId: r.actor_id, occurredAt: iso(r.occurred_at) as string }));
}

/** Ids of the cases with a deviating proposal: the candidates the guard checks before the report is read. */
export async function listDeviatingCaseIds(db: Db): Promise<string[]> {
  const rows = await db
    .selectFrom('case_event')
    .select('case_id')
    .distinct()
    .where('type', '=', 'DecisionProposed')
    .where(sql<boolean>`payload->'policy'->>'deviation' IS NOT NULL`)
    .execute();
  return rows.map((r) => r.case_id);
}

/** Ids of the cases whose measures are active or whose decision awaits approval: the impact population. */
export async function listActiveCaseIds(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('case_summary').select('case_id').where('phase', 'in', ['measures_active', 'decision_pending_approval']).orderBy('case_id').execute();
  return rows.map((r) => r.case_id);
}
