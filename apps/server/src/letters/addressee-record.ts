import { findLocalAuthorityAddressee, findPersons, loadEmployers, loadPersonDetails, type Db } from '@hoeder/db';
import type { AddressedFrom, AddresseeRecord } from '@hoeder/domain';
import type { AddresseeGrants } from '../platform/guard/letter-addressee-check';

/**
 * The record a letter is addressed from, as far as the drafter's grants reach (issue 12 item 4):
 * a person's name and only the addresses the drafter may see; an employer of this case; a stored
 * local authority addressee. Undefined: no such record, or none the drafter may use.
 */
export async function addresseeRecord(trx: Db, grants: AddresseeGrants, from: AddressedFrom): Promise<AddresseeRecord | undefined> {
  if (from.kind === 'person' && grants.person) {
    const [person] = await findPersons(trx, grants.person.read, [from.id]);
    if (!person) return undefined;
    const latest = (await loadPersonDetails(trx, grants.person.read, from.id)).at(-1);
    return { kind: 'person', id: from.id, fullName: person.fullName, visibleAddresses: latest?.details.addresses ?? [] };
  }
  if (from.kind === 'employer' && grants.employers) {
    const employer = (await loadEmployers(trx, grants.employers)).find((e) => e.employerId === from.id);
    return employer && { kind: 'employer', id: from.id, name: employer.name, contact: employer.contact };
  }
  if (from.kind === 'local_authority' && grants.authorities) {
    const addressee = await findLocalAuthorityAddressee(trx, grants.authorities, from.id);
    return addressee && { kind: 'local_authority', id: from.id, addressee };
  }
  return undefined;
}
