import type { PersonAddress } from '../persons/person-file';
import { fail, ok, type Result } from '../shared/result';
import type { LocalAuthority } from '../shared/vocabulary';
import type { LetterAddressee } from './letter-content';
import type { LetterKind } from './letter-templates';

/**
 * Where a letter's addressee comes from (issue 12 item 4): the decision letter from the person
 * file, the employer letter from the employer record, the notice from the local authority's
 * addressee (typed once, stored). The stored letter names the record; nothing is typed per letter.
 */
export const ADDRESSEE_SOURCES = ['person', 'employer', 'local_authority'] as const;
export type AddresseeSource = (typeof ADDRESSEE_SOURCES)[number];

export const ADDRESSEE_SOURCE_OF: Record<LetterKind, AddresseeSource> = {
  decision_letter: 'person',
  employer_letter: 'employer',
  authority_notice: 'local_authority',
};

export interface AddressedFrom {
  kind: AddresseeSource;
  id: string;
}

/** A mayor or chief prosecutor as addressee of the notice, as stored. */
export interface LocalAuthorityAddressee {
  addresseeId: string;
  role: LocalAuthority;
  name: string;
  office: string;
  addressLines: string[];
}

/** What the drafter's access gave of the record named (the caller has applied need-to-know). */
export type AddresseeRecord =
  | { kind: 'person'; id: string; fullName: string; visibleAddresses: readonly PersonAddress[] }
  | { kind: 'employer'; id: string; name: string; contact: string }
  | { kind: 'local_authority'; id: string; addressee: LocalAuthorityAddressee };

export interface ResolvedAddressee {
  addressee: LetterAddressee;
  authority?: LocalAuthority | undefined;
  addressedFrom: AddressedFrom;
}

export const personAddressLines = (a: PersonAddress): string[] => [a.street, `${a.postcode} ${a.city}`];

/**
 * The addressee from the record the drafter picked. A person's address must be one the drafter may
 * see under the person need-to-know rules (ADR 0021); a drafter who sees none addresses by name
 * only, and the letter is handed over by the liaison.
 */
export function addresseeFrom(kind: LetterKind, record: AddresseeRecord, addressId: string | undefined): Result<ResolvedAddressee> {
  if (ADDRESSEE_SOURCE_OF[kind] !== record.kind) return fail('VALIDATION_FAILED', `a ${kind} is addressed from the ${ADDRESSEE_SOURCE_OF[kind]} record`, { field: 'addressedFrom.kind' });
  const addressedFrom = { kind: record.kind, id: record.id };
  switch (record.kind) {
    case 'person': {
      const address = addressId === undefined ? undefined : record.visibleAddresses.find((a) => a.addressId === addressId);
      if (addressId !== undefined && !address) return fail('VALIDATION_FAILED', 'choose one of the addresses of this person you may see', { field: 'addressId' });
      return ok({ addressee: { name: record.fullName, lines: address ? personAddressLines(address) : [] }, addressedFrom });
    }
    case 'employer':
      if (addressId !== undefined) return fail('VALIDATION_FAILED', 'an address is chosen only for a person', { field: 'addressId' });
      return ok({ addressee: { name: record.name, lines: record.contact ? [`t.a.v. ${record.contact}`] : [] }, addressedFrom });
    case 'local_authority':
      if (addressId !== undefined) return fail('VALIDATION_FAILED', 'an address is chosen only for a person', { field: 'addressId' });
      return ok({ addressee: { name: record.addressee.name, lines: [record.addressee.office, ...record.addressee.addressLines] }, authority: record.addressee.role, addressedFrom });
  }
}
