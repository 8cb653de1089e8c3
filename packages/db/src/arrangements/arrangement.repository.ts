import { CLOSED_STATUSES, type ArrangementKind, type ArrangementStatus } from '@hoeder/domain';
import type { ArrangementFollowUpGrant, ArrangementReadGrant, ArrangementWriteGrant } from '../access/arrangement-grants';
import type { Db } from '../schema';

export interface EmployerRow {
  employerId: string;
  caseId: string;
  personId: string;
  name: string;
  contact: string;
  createdBy: string;
  createdAt: string;
}

export interface ArrangementRow {
  arrangementId: string;
  caseId: string;
  kind: ArrangementKind;
  code: string;
  personId: string | null;
  employerId: string | null;
  description: string;
  consequence: string | null;
  owner: string | null;
  status: ArrangementStatus;
  followUpOn: string | null;
  version: number;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

export interface ArrangementEventRow {
  arrangementId: string;
  version: number;
  action: string;
  fromStatus: string | null;
  toStatus: string;
  note: string | null;
  followUpOn: string | null;
  actorId: string;
  occurredAt: string;
  /** The owner after this step (migration 0022; null where not recorded). */
  owner: string | null;
}

const iso = (d: Date | string) => new Date(d).toISOString();

type Stored = { arrangement_id: string; seq?: string; case_id: string; kind: string; code: string; person_id: string | null; employer_id: string | null; description: string; consequence: string | null; owner: string | null; status: string; follow_up_on: string | null; version: number; created_by: string; created_at: Date | string; updated_at: Date | string };
const toArrangement = (r: Stored): ArrangementRow => ({
  arrangementId: r.arrangement_id,
  caseId: r.case_id,
  kind: r.kind as ArrangementKind,
  code: r.code,
  personId: r.person_id,
  employerId: r.employer_id,
  description: r.description,
  consequence: r.consequence,
  owner: r.owner,
  status: r.status as ArrangementStatus,
  followUpOn: r.follow_up_on,
  version: r.version,
  createdBy: r.created_by,
  createdAt: iso(r.created_at),
  updatedAt: iso(r.updated_at),
});

/** The case's arrangements of the kinds the grant covers, oldest first. */
export async function loadArrangements(db: Db, grant: ArrangementReadGrant | ArrangementWriteGrant): Promise<ArrangementRow[]> {
  const kinds = 'kinds' in grant ? [...grant.kinds] : ['agreement', 'care', 'employer_duty'];
  if (kinds.length === 0) return [];
  const rows = await db.selectFrom('case_arrangement').selectAll().where('case_id', '=', grant.caseId).where('kind', 'in', kinds).orderBy('seq').execute();
  return rows.map(toArrangement);
}

/** Every step of the case's arrangements of the granted kinds, oldest first. */
export async function loadArrangementEvents(db: Db, grant: ArrangementReadGrant): Promise<ArrangementEventRow[]> {
  const kinds = [...grant.kinds];
  if (kinds.length === 0) return [];
  const rows = await db
    .selectFrom('case_arrangement_event as e')
    .innerJoin('case_arrangement as a', 'a.arrangement_id', 'e.arrangement_id')
    .select(['e.arrangement_id', 'e.version', 'e.action', 'e.from_status', 'e.to_status', 'e.note', 'e.follow_up_on', 'e.actor_id', 'e.occurred_at', 'e.owner'])
    .where('e.case_id', '=', grant.caseId)
    .where('a.kind', 'in', kinds)
    .orderBy('e.occurred_at')
    .orderBy('e.version')
    .execute();
  return rows.map((r) => ({ arrangementId: r.arrangement_id, version: r.version, action: r.action, fromStatus: r.from_status, toStatus: r.to_status, note: r.note, followUpOn: r.follow_up_on, actorId: r.actor_id, occurredAt: iso(r.occurred_at), owner: r.owner }));
}

/** The employers recorded on the case (employer duties must be readable). */
export async function loadEmployers(db: Db, grant: ArrangementReadGrant | ArrangementWriteGrant): Promise<EmployerRow[]> {
  if ('kinds' in grant && !grant.kinds.has('employer_duty')) return [];
  const rows = await db.selectFrom('case_employer').selectAll().where('case_id', '=', grant.caseId).orderBy('created_at').execute();
  return rows.map((r) => ({ employerId: r.employer_id, caseId: r.case_id, personId: r.person_id, name: r.name, contact: r.contact, createdBy: r.created_by, createdAt: iso(r.created_at) }));
}

export async function insertEmployer(db: Db, grant: ArrangementWriteGrant, row: Omit<EmployerRow, 'caseId' | 'createdAt'>, at: Date): Promise<void> {
  await db.insertInto('case_employer').values({ employer_id: row.employerId, case_id: grant.caseId, person_id: row.personId, name: row.name, contact: row.contact, created_by: row.createdBy, created_at: at }).execute();
}

export type NewArrangement = Omit<ArrangementRow, 'caseId' | 'version' | 'createdAt' | 'updatedAt'>;

/** A new arrangement at version 1, with its first event (the offer, proposal or opening). */
export async function insertArrangement(db: Db, grant: ArrangementWriteGrant, row: NewArrangement, at: Date): Promise<void> {
  await db
    .insertInto('case_arrangement')
    .values({
      arrangement_id: row.arrangementId,
      case_id: grant.caseId,
      kind: row.kind,
      code: row.code,
      person_id: row.personId,
      employer_id: row.employerId,
      description: row.description,
      consequence: row.consequence,
      owner: row.owner,
      status: row.status,
      follow_up_on: row.followUpOn,
      version: 1,
      created_by: row.createdBy,
      created_at: at,
      updated_at: at,
    })
    .execute();
  await db
    .insertInto('case_arrangement_event')
    .values({ arrangement_id: row.arrangementId, version: 1, case_id: grant.caseId, action: 'record', from_status: null, to_status: row.status, note: null, follow_up_on: row.followUpOn, actor_id: row.createdBy, occurred_at: at, owner: row.owner })
    .execute();
}

export interface ArrangementStep {
  arrangementId: string;
  expectedVersion: number;
  action: string;
  from: string;
  to: string;
  note: string | null;
  followUpOn: string | null;
  owner?: string | undefined;
  /** The owner before the step, recorded on the event when the step keeps it. */
  currentOwner: string | null;
  actorId: string;
}

/**
 * One step: the event at the next version (the primary key refuses a lost race) and the row's new
 * status. Returns false when the row was not at the expected version (someone else changed it).
 */
export async function applyArrangementStep(db: Db, grant: ArrangementWriteGrant, step: ArrangementStep, at: Date): Promise<boolean> {
  const updated = await db
    .updateTable('case_arrangement')
    .set({ status: step.to, follow_up_on: step.followUpOn, version: step.expectedVersion + 1, updated_at: at, ...(step.owner !== undefined ? { owner: step.owner } : {}) })
    .where('arrangement_id', '=', step.arrangementId)
    .where('case_id', '=', grant.caseId)
    .where('version', '=', step.expectedVersion)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) return false;
  await db
    .insertInto('case_arrangement_event')
    .values({ arrangement_id: step.arrangementId, version: step.expectedVersion + 1, case_id: grant.caseId, action: step.action, from_status: step.from, to_status: step.to, note: step.note, follow_up_on: step.followUpOn, actor_id: step.actorId, occurred_at: at, owner: step.owner ?? step.currentOwner })
    .execute();
  return true;
}

/** Open arrangements of the granted kinds and cases whose follow-up date lies before `today`. */
export async function overdueFollowUps(db: Db, grant: ArrangementFollowUpGrant, today: string): Promise<ArrangementRow[]> {
  const kinds = [...grant.kinds];
  if (grant.caseIds.length === 0 || kinds.length === 0) return [];
  const rows = await db
    .selectFrom('case_arrangement')
    .selectAll()
    .where('case_id', 'in', grant.caseIds)
    .where('kind', 'in', kinds)
    .where('follow_up_on', 'is not', null)
    .where('follow_up_on', '<', today)
    .where('status', 'not in', [...CLOSED_STATUSES])
    .orderBy('follow_up_on')
    .orderBy('seq')
    .execute();
  return rows.map(toArrangement);
}
