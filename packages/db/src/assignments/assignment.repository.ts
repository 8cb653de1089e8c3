import type { AssignmentEvent, AssignmentState, AssignmentVersion, Classification, SecurityConcept, Tasking } from '@hoeder/domain';
import type { AssignmentGrant, CaseWriteGrant } from '../access/grants';
import type { Db } from '../schema';

const iso = (d: Date | string) => new Date(d).toISOString();
const isoOrNull = (d: Date | string | null) => (d === null ? null : iso(d));

/** What a check needs about an assignment: no content, no concepts, no person. */
export interface AssignmentRef {
  assignmentId: string;
  caseId: string;
  reference: string;
  classification: Classification;
  live: boolean;
  taskedUnits: string[];
  updatedAt: string;
}

/**
 * The input of the assignment checks (like `listCaseSummaries`): ids, the case's marking and the
 * tasked units, for one assignment, one case, the units' assignments, or all of them.
 */
export async function assignmentRefs(db: Db, filter: { assignmentId: string } | { caseIds: readonly string[] } | { unitId: string } | 'all'): Promise<AssignmentRef[]> {
  if (typeof filter === 'object' && 'caseIds' in filter && filter.caseIds.length === 0) return [];
  let query = db
    .selectFrom('security_assignment as a')
    .innerJoin('case_summary as s', 's.case_id', 'a.case_id')
    .select(['a.assignment_id', 'a.case_id', 'a.current_kind', 's.reference', 's.classification', 'a.updated_at']);
  if (filter !== 'all') {
    if ('assignmentId' in filter) query = query.where('a.assignment_id', '=', filter.assignmentId);
    else if ('caseIds' in filter) query = query.where('a.case_id', 'in', [...filter.caseIds]);
    else query = query.where((eb) => eb.exists(eb.selectFrom('assignment_tasking as t').select('t.unit_id').whereRef('t.assignment_id', '=', 'a.assignment_id').where('t.unit_id', '=', filter.unitId).where('t.removed_at', 'is', null)));
  }
  const rows = await query.orderBy('a.updated_at', 'desc').execute();
  if (rows.length === 0) return [];
  const taskings = await db
    .selectFrom('assignment_tasking')
    .select(['assignment_id', 'unit_id'])
    .where('assignment_id', 'in', rows.map((r) => r.assignment_id))
    .where('removed_at', 'is', null)
    .orderBy('unit_id')
    .execute();
  return rows.map((r) => ({
    assignmentId: r.assignment_id,
    caseId: r.case_id,
    reference: r.reference,
    classification: r.classification,
    live: r.current_kind === 'issued',
    taskedUnits: taskings.filter((t) => t.assignment_id === r.assignment_id).map((t) => t.unit_id),
    updatedAt: iso(r.updated_at),
  }));
}

const versionOf = (r: { version: number; kind: 'issued' | 'withdrawn'; content: string | null; diff: string | null; reason: string | null; source_case_version: number; issued_at: Date }): AssignmentVersion =>
  r.kind === 'issued'
    ? { version: r.version, kind: 'issued', content: JSON.parse(r.content!), diff: JSON.parse(r.diff!), issuedAt: iso(r.issued_at), sourceCaseVersion: r.source_case_version }
    : { version: r.version, kind: 'withdrawn', reason: r.reason as 'case_ended' | 'package_ended', issuedAt: iso(r.issued_at), sourceCaseVersion: r.source_case_version };

/** The case's assignment and its latest version, for the projection in the case command. */
export async function latestAssignmentVersion(db: Db, grant: CaseWriteGrant): Promise<{ assignmentId: string; latest: AssignmentVersion } | undefined> {
  const row = await db
    .selectFrom('security_assignment as a')
    .innerJoin('security_assignment_version as v', (j) => j.onRef('v.assignment_id', '=', 'a.assignment_id').onRef('v.version', '=', 'a.current_version'))
    .select(['a.assignment_id', 'v.version', 'v.kind', 'v.content', 'v.diff', 'v.reason', 'v.source_case_version', 'v.issued_at'])
    .where('a.case_id', '=', grant.caseId)
    .executeTakeFirst();
  return row && { assignmentId: row.assignment_id, latest: versionOf(row) };
}

/**
 * Appends a version in the case command's transaction. The primary key (assignment_id, version)
 * decides a race between two writers: the loser's whole transaction rolls back.
 */
export async function appendAssignmentVersion(db: Db, grant: CaseWriteGrant, assignmentId: string, v: AssignmentVersion): Promise<void> {
  const head = { current_version: v.version, current_kind: v.kind, updated_at: v.issuedAt };
  if (v.version === 1) await db.insertInto('security_assignment').values({ assignment_id: assignmentId, case_id: grant.caseId, accepted_version: null, accepted_at: null, ...head }).execute();
  else await db.updateTable('security_assignment').set(head).where('assignment_id', '=', assignmentId).where('case_id', '=', grant.caseId).execute();
  await db
    .insertInto('security_assignment_version')
    .values({
      assignment_id: assignmentId,
      version: v.version,
      kind: v.kind,
      content: v.kind === 'issued' ? JSON.stringify(v.content) : null,
      diff: v.kind === 'issued' ? JSON.stringify(v.diff) : null,
      reason: v.kind === 'withdrawn' ? v.reason : null,
      source_case_version: v.sourceCaseVersion,
      issued_at: v.issuedAt,
    })
    .execute();
}

/** Every version of one assignment the grant covers, oldest first. */
export async function loadAssignmentVersions(db: Db, grant: AssignmentGrant, assignmentId: string): Promise<AssignmentVersion[]> {
  if (!grant.assignmentIds.includes(assignmentId)) throw new Error('assignment outside the grant');
  const rows = await db.selectFrom('security_assignment_version').selectAll().where('assignment_id', '=', assignmentId).orderBy('version').execute();
  return rows.map(versionOf);
}

/**
 * The LCC's side of the assignments the grant covers. Concepts are operational: loaded only when
 * the grant allows them. With `forUpdate`, the rows are locked until the transaction ends, so two
 * steps on one assignment run one after the other.
 */
export async function loadAssignmentStates(db: Db, grant: AssignmentGrant, options: { forUpdate?: boolean } = {}): Promise<AssignmentState[]> {
  const ids = [...grant.assignmentIds];
  if (ids.length === 0) return [];
  let heads = db.selectFrom('security_assignment').selectAll().where('assignment_id', 'in', ids).orderBy('updated_at', 'desc');
  if (options.forUpdate) heads = heads.forUpdate();
  const rows = await heads.execute();
  const taskings = await db.selectFrom('assignment_tasking').selectAll().where('assignment_id', 'in', ids).where('removed_at', 'is', null).orderBy('unit_id').execute();
  const concepts = grant.concepts ? await db.selectFrom('security_concept').selectAll().where('assignment_id', 'in', ids).orderBy('domain').execute() : [];
  return rows.map((r) => ({
    assignmentId: r.assignment_id,
    caseId: r.case_id,
    currentVersion: r.current_version,
    currentKind: r.current_kind,
    acceptedVersion: r.accepted_version,
    acceptedAt: isoOrNull(r.accepted_at),
    taskings: taskings
      .filter((t) => t.assignment_id === r.assignment_id)
      .map((t): Tasking => ({ unitId: t.unit_id, taskedAt: iso(t.tasked_at), taskedBy: t.tasked_by, acknowledgedVersion: t.acknowledged_version, acknowledgedAt: isoOrNull(t.acknowledged_at) })),
    concepts: concepts
      .filter((c) => c.assignment_id === r.assignment_id)
      .map((c): SecurityConcept => ({ domain: c.domain as SecurityConcept['domain'], concept: c.concept, classification: c.classification, recordedBy: c.recorded_by, recordedAt: iso(c.recorded_at) })),
  }));
}

/** Stores what a decided step changed (the same changes `applyAssignment` makes to the state). */
export async function saveAssignmentEvents(db: Db, grant: AssignmentGrant, assignmentId: string, events: readonly AssignmentEvent[], actorId: string, at: Date): Promise<void> {
  if (!grant.write || !grant.assignmentIds.includes(assignmentId)) throw new Error('assignment write outside the grant');
  for (const e of events) {
    if (e.type === 'VersionAccepted') {
      await db.updateTable('security_assignment').set({ accepted_version: e.version, accepted_at: at, updated_at: at }).where('assignment_id', '=', assignmentId).execute();
    } else if (e.type === 'UnitsTasked') {
      if (e.removed.length > 0) await db.updateTable('assignment_tasking').set({ removed_at: at }).where('assignment_id', '=', assignmentId).where('unit_id', 'in', e.removed).where('removed_at', 'is', null).execute();
      for (const unitId of e.added) {
        const row = { tasked_at: at, tasked_by: actorId, removed_at: null, acknowledged_version: null, acknowledged_at: null, acknowledged_by: null };
        await db.insertInto('assignment_tasking').values({ assignment_id: assignmentId, unit_id: unitId, ...row }).onConflict((oc) => oc.columns(['assignment_id', 'unit_id']).doUpdateSet(row)).execute();
      }
    } else if (e.type === 'ConceptRecorded') {
      const row = { concept: e.concept.concept, classification: e.concept.classification, recorded_by: actorId, recorded_at: at };
      await db.insertInto('security_concept').values({ assignment_id: assignmentId, domain: e.concept.domain, ...row }).onConflict((oc) => oc.columns(['assignment_id', 'domain']).doUpdateSet(row)).execute();
    } else {
      await db
        .updateTable('assignment_tasking')
        .set({ acknowledged_version: e.version, acknowledged_at: at, acknowledged_by: actorId })
        .where('assignment_id', '=', assignmentId)
        .where('unit_id', '=', e.unitId)
        .where('removed_at', 'is', null)
        .execute();
    }
  }
}

/** Cases whose live security assignment the LCC has accepted: what planning protects. No content. */
export async function acceptedAssignmentCaseIds(db: Db): Promise<string[]> {
  const rows = await db
    .selectFrom('security_assignment')
    .select('case_id')
    .where('current_kind', '=', 'issued')
    .where('accepted_version', 'is not', null)
    .orderBy('case_id')
    .execute();
  return rows.map((r) => r.case_id);
}
