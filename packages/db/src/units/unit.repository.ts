import type { Unit } from '@hoeder/domain';
import type { Db, UnitTable } from '../schema';

/** Units are organisational master data, not personal data: read without a grant. */
const toUnit = (r: Omit<UnitTable, 'active'> & { active: boolean }): Unit => ({
  unitId: r.unit_id,
  name: r.name,
  kind: r.kind,
  organisation: r.organisation,
  region: r.region,
  active: r.active,
});

export async function listUnits(db: Db, options: { includeInactive?: boolean } = {}): Promise<Unit[]> {
  let query = db.selectFrom('unit').selectAll().orderBy('organisation').orderBy('kind').orderBy('unit_id');
  if (!options.includeInactive) query = query.where('active', '=', true);
  return (await query.execute()).map(toUnit);
}

export async function findUnit(db: Db, unitId: string): Promise<Unit | undefined> {
  const row = await db.selectFrom('unit').selectAll().where('unit_id', '=', unitId).executeTakeFirst();
  return row && toUnit(row);
}

export async function upsertUnit(db: Db, unit: Unit): Promise<void> {
  const values = { name: unit.name, kind: unit.kind, organisation: unit.organisation, region: unit.region, active: unit.active };
  await db
    .insertInto('unit')
    .values({ unit_id: unit.unitId, ...values })
    .onConflict((oc) => oc.column('unit_id').doUpdateSet(values))
    .execute();
}
