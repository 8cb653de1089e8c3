import type { HouseholdRelation, PersonDetails, PersonInput, RelationCodeBasis } from '@hoeder/domain';
import { sql } from 'kysely';
import type { CaseWriteGrant, PersonDetailsWriteGrant, PersonMatchGrant, PersonReadGrant } from '../access/grants';
import type { Db } from '../schema';

/** The cases a person is in, with each case's marking: what the person check needs (no personal data). */
export interface PersonCaseRef {
  caseId: string;
  personId: string;
  role: string;
  relation: string | null;
  relationCode: HouseholdRelation | null;
  relationCodeBasis: RelationCodeBasis | null;
  reference: string;
  classification: string;
  phase: string;
}

export interface PersonRow {
  personId: string;
  fullName: string;
  dateOfBirth: string | null;
}

export interface PersonDetailsVersionRow {
  personId: string;
  version: number;
  details: PersonDetails;
  recordedBy: string;
  recordedRole: string;
  recordedAt: string;
}

/**
 * The person records of a registration, in the same transaction as its events (issue 12): a new
 * person gets a record; a person already known (the registration named their id) is linked.
 */
export async function projectCasePersons(db: Db, grant: CaseWriteGrant, persons: readonly PersonInput[], at: Date): Promise<void> {
  if (persons.length === 0) return;
  await db
    .insertInto('person')
    .values(persons.map((p) => ({ person_id: p.personId, full_name: p.fullName, date_of_birth: p.dateOfBirth ?? null, created_at: at })))
    .onConflict((oc) => oc.column('person_id').doNothing())
    .execute();
  await db
    .insertInto('case_person')
    .values(persons.map((p) => ({ case_id: grant.caseId, person_id: p.personId, role: p.role, relation: p.relation ?? null, relation_code: p.relationCode ?? null, relation_code_basis: p.relationCode ? 'intake' : null, linked_at: at })))
    .onConflict((oc) => oc.columns(['case_id', 'person_id']).doNothing())
    .execute();
}

/** The case links of one person or of one case's persons (ids and markings only). */
export async function personCaseRefs(db: Db, by: { personId: string } | { caseId: string }): Promise<PersonCaseRef[]> {
  const rows = await db
    .selectFrom('case_person as cp')
    .innerJoin('case_summary as s', 's.case_id', 'cp.case_id')
    .select(['cp.case_id', 'cp.person_id', 'cp.role', 'cp.relation', 'cp.relation_code', 'cp.relation_code_basis', 's.reference', 's.classification', 's.phase'])
    .where('personId' in by ? 'cp.person_id' : 'cp.case_id', '=', 'personId' in by ? by.personId : by.caseId)
    .orderBy('s.reference')
    .execute();
  return rows.map((r) => ({ caseId: r.case_id, personId: r.person_id, role: r.role, relation: r.relation, relationCode: r.relation_code as HouseholdRelation | null, relationCodeBasis: r.relation_code_basis as RelationCodeBasis | null, reference: r.reference, classification: r.classification, phase: r.phase }));
}

const personColumns = ['person_id', sql<string | null>`date_of_birth::text`.as('dob'), 'full_name'] as const;

/** The identity of the granted persons. */
export async function findPersons(db: Db, grant: PersonReadGrant, personIds: readonly string[]): Promise<PersonRow[]> {
  const ids = personIds.filter((id) => grant.personIds.has(id));
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('person').select(personColumns).where('person_id', 'in', ids).execute();
  return rows.map((r) => ({ personId: r.person_id, fullName: r.full_name, dateOfBirth: r.dob }));
}

/** Every known person's name and date of birth, for intake's duplicate warning. */
export async function knownPersons(db: Db, _grant: PersonMatchGrant): Promise<PersonRow[]> {
  const rows = await db.selectFrom('person').select(personColumns).execute();
  return rows.map((r) => ({ personId: r.person_id, fullName: r.full_name, dateOfBirth: r.dob }));
}

/**
 * Every version of one person's contact details, oldest first, already cut to the grant: all of
 * it, only the addresses of the granted domains (no phone, no e-mail), or nothing at all.
 */
export async function loadPersonDetails(db: Db, grant: PersonReadGrant | PersonDetailsWriteGrant, personId: string): Promise<PersonDetailsVersionRow[]> {
  const full = 'personId' in grant ? grant.personId === personId : grant.personIds.has(personId) && grant.details.kind === 'all';
  const domains = 'personIds' in grant && grant.personIds.has(personId) && grant.details.kind === 'domains' ? grant.details.domains : undefined;
  if (!full && !domains) return [];
  const rows = await db.selectFrom('person_details_version').selectAll().where('person_id', '=', personId).orderBy('version').execute();
  return rows.map((r) => {
    const details = JSON.parse(r.details) as PersonDetails;
    const shown: PersonDetails = full ? details : { phone: null, email: null, addresses: details.addresses.filter((a) => domains!.has(a.domain)) };
    return { personId: r.person_id, version: r.version, details: shown, recordedBy: r.recorded_by, recordedRole: r.recorded_role, recordedAt: new Date(r.recorded_at).toISOString() };
  });
}

/** Appends a version; the primary key (person_id, version) refuses a lost race. */
export async function appendPersonDetails(db: Db, grant: PersonDetailsWriteGrant, row: { version: number; details: PersonDetails; recordedBy: string; recordedRole: string }, at: Date): Promise<void> {
  await db
    .insertInto('person_details_version')
    .values({ person_id: grant.personId, version: row.version, details: JSON.stringify(row.details), recorded_by: row.recordedBy, recorded_role: row.recordedRole, recorded_at: at })
    .execute();
}

/** Which of these person ids exist (ids only, no personal data): a registration linking known persons. */
export async function existingPersonIds(db: Db, personIds: readonly string[]): Promise<Set<string>> {
  if (personIds.length === 0) return new Set();
  const rows = await db.selectFrom('person').select('person_id').where('person_id', 'in', [...personIds]).execute();
  return new Set(rows.map((r) => r.person_id));
}
