import type { Objection, ObjectionOutcome, ObjectionParty } from '@hoeder/domain';
import type { Selectable } from 'kysely';
import type { ObjectionReadGrant, ObjectionWriteGrant } from '../access/grants';
import type { CaseObjectionTable, Db } from '../schema';

export interface ObjectionRow extends Objection {
  recordedBy: string;
  recordedAt: string;
  updatedAt: string;
}

const toRow = (r: Selectable<CaseObjectionTable>): ObjectionRow => ({
  objectionId: r.objection_id,
  caseId: r.case_id,
  decisionId: r.decision_id,
  party: r.party as ObjectionParty,
  decisionSentOn: r.decision_sent_on,
  receivedOn: r.received_on,
  grounds: r.grounds,
  advisoryCommittee: r.advisory_committee,
  extendedOn: r.extended_on,
  hearingOn: r.hearing_on,
  outcome: r.outcome as ObjectionOutcome | null,
  decidedOn: r.decided_on,
  motivation: r.motivation,
  appealLodgedOn: r.appeal_lodged_on,
  appealCourt: r.appeal_court,
  recordedBy: r.recorded_by,
  recordedAt: new Date(r.recorded_at).toISOString(),
  updatedAt: new Date(r.updated_at).toISOString(),
});

/** The objections of the granted cases, oldest first. */
export async function listObjections(db: Db, grant: ObjectionReadGrant | ObjectionWriteGrant): Promise<ObjectionRow[]> {
  const ids = 'caseId' in grant ? [grant.caseId] : [...grant.caseIds];
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('case_objection').selectAll().where('case_id', 'in', ids).orderBy('recorded_at').orderBy('objection_id').execute();
  return rows.map(toRow);
}

/**
 * The cases with an objection that still asks for work (undecided, or founded and maybe awaiting
 * a new decision): identifiers only, for the work queue's check to filter by need-to-know.
 */
export async function casesWithOpenObjections(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('case_objection').select('case_id').distinct().where((eb) => eb.or([eb('outcome', 'is', null), eb('outcome', '=', 'founded')])).execute();
  return rows.map((r) => r.case_id);
}

export async function insertObjection(db: Db, grant: ObjectionWriteGrant, o: Objection, recordedBy: string, at: Date): Promise<void> {
  await db
    .insertInto('case_objection')
    .values({
      objection_id: o.objectionId,
      case_id: grant.caseId,
      decision_id: o.decisionId,
      party: o.party,
      decision_sent_on: o.decisionSentOn,
      received_on: o.receivedOn,
      grounds: o.grounds,
      advisory_committee: o.advisoryCommittee,
      extended_on: null,
      hearing_on: null,
      outcome: null,
      decided_on: null,
      motivation: null,
      appeal_lodged_on: null,
      appeal_court: null,
      recorded_by: recordedBy,
      recorded_at: at,
      updated_at: at,
    })
    .execute();
}

/** Writes the handling of an objection, if it is unchanged since `expectedUpdatedAt` (else false). */
export async function updateObjection(db: Db, grant: ObjectionWriteGrant, o: Objection, expectedUpdatedAt: string, at: Date): Promise<boolean> {
  const result = await db
    .updateTable('case_objection')
    .set({ extended_on: o.extendedOn, hearing_on: o.hearingOn, outcome: o.outcome, decided_on: o.decidedOn, motivation: o.motivation, appeal_lodged_on: o.appealLodgedOn, appeal_court: o.appealCourt, updated_at: at })
    .where('case_id', '=', grant.caseId)
    .where('objection_id', '=', o.objectionId)
    .where('updated_at', '=', new Date(expectedUpdatedAt))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
