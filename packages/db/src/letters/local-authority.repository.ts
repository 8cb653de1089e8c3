import type { LocalAuthorityAddressee } from '@hoeder/domain';
import type { LocalAuthorityGrant } from '../access/grants';
import type { Db } from '../schema';

/**
 * The local authorities' addressees (issue 12 item 4, migration 0023): a mayor or chief prosecutor,
 * typed once and stored as such, so a notice is addressed from this record, not typed per letter.
 */
export async function listLocalAuthorityAddressees(db: Db, _grant: LocalAuthorityGrant): Promise<LocalAuthorityAddressee[]> {
  const rows = await db.selectFrom('local_authority_addressee').selectAll().orderBy('office').orderBy('role').execute();
  return rows.map((r) => ({ addresseeId: r.addressee_id, role: r.role, name: r.name, office: r.office, addressLines: JSON.parse(r.address_lines) as string[] }));
}

export async function findLocalAuthorityAddressee(db: Db, grant: LocalAuthorityGrant, addresseeId: string): Promise<LocalAuthorityAddressee | undefined> {
  return (await listLocalAuthorityAddressees(db, grant)).find((a) => a.addresseeId === addresseeId);
}

export async function insertLocalAuthorityAddressee(db: Db, grant: LocalAuthorityGrant, a: LocalAuthorityAddressee, recordedBy: string, at: Date): Promise<void> {
  if (!grant.write) throw new Error('local authority addressees are recorded with a write grant');
  await db
    .insertInto('local_authority_addressee')
    .values({ addressee_id: a.addresseeId, role: a.role, name: a.name, office: a.office, address_lines: JSON.stringify(a.addressLines), recorded_by: recordedBy, recorded_at: at })
    .execute();
}
