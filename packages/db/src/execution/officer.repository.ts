import type { AbsenceReason } from '@hoeder/domain';
import type { OfficerGrant, OfficerWriteGrant } from '../access/grants';
import type { Db } from '../schema';

/** An officer as a reader sees them; contract is null unless the grant includes personal detail. */
export interface OfficerRow {
  officerId: string;
  unitId: string;
  teamName: string | null;
  displayName: string;
  qualifications: string[];
  contractCode: string | null;
  active: boolean;
}

export interface OfficerInput {
  officerId: string;
  unitId: string;
  teamName: string | null;
  displayName: string;
  qualifications: string[];
  contractCode: string;
}

export interface AbsenceRow {
  absenceId: string;
  officerId: string;
  from: string;
  until: string;
  reason: AbsenceReason;
  recordedBy: string;
  recordedAt: string;
}

const unitsOf = (grant: OfficerGrant): string[] | 'all' => (grant.units === 'all' ? 'all' : [...grant.units]);

/** Teams of the units: organisational master data, read without a grant. */
export async function listTeams(db: Db): Promise<{ unitId: string; name: string }[]> {
  const rows = await db.selectFrom('team').selectAll().orderBy('unit_id').orderBy('name').execute();
  return rows.map((r) => ({ unitId: r.unit_id, name: r.name }));
}

/** Officers of the units the grant covers, optionally of one unit; contracts only with personal detail. */
export async function listOfficers(db: Db, grant: OfficerGrant, filter: { unitId?: string; officerIds?: readonly string[] } = {}): Promise<OfficerRow[]> {
  const units = unitsOf(grant);
  if (units !== 'all' && units.length === 0) return [];
  let q = db.selectFrom('officer').selectAll().orderBy('unit_id').orderBy('officer_id');
  if (units !== 'all') q = q.where('unit_id', 'in', units);
  if (filter.unitId) q = q.where('unit_id', '=', filter.unitId);
  if (filter.officerIds) {
    if (filter.officerIds.length === 0) return [];
    q = q.where('officer_id', 'in', [...filter.officerIds]);
  }
  return (await q.execute()).map((r) => ({
    officerId: r.officer_id,
    unitId: r.unit_id,
    teamName: r.team_name,
    displayName: r.display_name,
    qualifications: r.qualifications,
    contractCode: grant.personal ? r.contract_code : null,
    active: r.active,
  }));
}

/** Absences overlapping [from, until] of officers the grant covers; only with personal detail. */
export async function listAbsences(db: Db, grant: OfficerGrant, range: { from: string; until: string; officerId?: string }): Promise<AbsenceRow[]> {
  if (!grant.personal) return [];
  const units = unitsOf(grant);
  if (units !== 'all' && units.length === 0) return [];
  let q = db
    .selectFrom('officer_absence as a')
    .innerJoin('officer as o', 'o.officer_id', 'a.officer_id')
    .select(['a.absence_id', 'a.officer_id', 'a.from_date', 'a.until_date', 'a.reason', 'a.recorded_by', 'a.recorded_at'])
    .where('a.until_date', '>=', range.from)
    .where('a.from_date', '<=', range.until)
    .orderBy('a.officer_id')
    .orderBy('a.from_date');
  if (units !== 'all') q = q.where('o.unit_id', 'in', units);
  if (range.officerId) q = q.where('a.officer_id', '=', range.officerId);
  return (await q.execute()).map((r) => ({
    absenceId: r.absence_id,
    officerId: r.officer_id,
    from: r.from_date,
    until: r.until_date,
    reason: r.reason,
    recordedBy: r.recorded_by,
    recordedAt: new Date(r.recorded_at).toISOString(),
  }));
}

/** Which of these officer ids exist already (an import's preview says new or updated). */
export async function existingOfficerIds(db: Db, _grant: OfficerWriteGrant, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('officer').select('officer_id').where('officer_id', 'in', [...ids]).execute();
  return new Set(rows.map((r) => r.officer_id));
}

const BATCH = 500;

/** Inserts or updates officers (and their teams) in batches; the caller's transaction makes it all-or-nothing. */
export async function upsertOfficers(db: Db, _grant: OfficerWriteGrant, officers: readonly OfficerInput[], at: Date): Promise<void> {
  const teams = [...new Map(officers.filter((o) => o.teamName).map((o) => [`${o.unitId}\u0000${o.teamName}`, { unit_id: o.unitId, name: o.teamName! }])).values()];
  for (let i = 0; i < teams.length; i += BATCH) {
    await db.insertInto('team').values(teams.slice(i, i + BATCH)).onConflict((oc) => oc.columns(['unit_id', 'name']).doNothing()).execute();
  }
  for (let i = 0; i < officers.length; i += BATCH) {
    const rows = officers.slice(i, i + BATCH).map((o) => ({
      officer_id: o.officerId,
      unit_id: o.unitId,
      team_name: o.teamName,
      display_name: o.displayName,
      qualifications: o.qualifications,
      contract_code: o.contractCode,
      active: true,
      updated_at: at,
    }));
    await db
      .insertInto('officer')
      .values(rows)
      .onConflict((oc) =>
        oc.column('officer_id').doUpdateSet((eb) => ({
          unit_id: eb.ref('excluded.unit_id'),
          team_name: eb.ref('excluded.team_name'),
          display_name: eb.ref('excluded.display_name'),
          qualifications: eb.ref('excluded.qualifications'),
          contract_code: eb.ref('excluded.contract_code'),
          active: true,
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute();
  }
}

/** Records absences (append-only; a correction is a new record). */
export async function insertAbsences(db: Db, _grant: OfficerWriteGrant, absences: readonly Omit<AbsenceRow, 'recordedAt'>[], at: Date): Promise<void> {
  for (let i = 0; i < absences.length; i += BATCH) {
    const rows = absences.slice(i, i + BATCH).map((a) => ({ absence_id: a.absenceId, officer_id: a.officerId, from_date: a.from, until_date: a.until, reason: a.reason, recorded_by: a.recordedBy, recorded_at: at }));
    if (rows.length > 0) await db.insertInto('officer_absence').values(rows).execute();
  }
}

/** Head counts per unit (no personal data): the units page shows them to everyone who sees units. */
export async function officerCountsByUnit(db: Db): Promise<Map<string, number>> {
  const rows = await db.selectFrom('officer').select(['unit_id', (eb) => eb.fn.countAll<string>().as('n')]).where('active', '=', true).groupBy('unit_id').execute();
  return new Map(rows.map((r) => [r.unit_id, Number(r.n)]));
}
