import { mayOnLetters, type AddressedFrom } from '@hoeder/domain';
import type { ArrangementReadGrant, Db, LocalAuthorityGrant } from '@hoeder/db';
import { mintLocalAuthority } from '@hoeder/db/grant-mint';
import type { AuthenticatedActor } from '../actor';
import { arrangementRead } from './arrangement-check';
import { forbidden, type Checked } from './guard';
import { letterWrite, type LetterWriting } from './letter-check';
import { personRead, type PersonReading } from './person-check';

/**
 * Issue 12 item 4 (ADR 0032): drafting a letter addressed from a record. On top of the letter check,
 * the drafter gets the record picked only as far as their own need-to-know goes: the person file
 * under the person rules (only addresses they may see), the employer record under the arrangement
 * rules, the local authorities' addressees as every drafter does. No grant: the record is unknown.
 */
export interface AddresseeGrants {
  person?: PersonReading | undefined;
  employers?: ArrangementReadGrant | undefined;
  authorities?: LocalAuthorityGrant | undefined;
}

export interface LetterDrafting extends LetterWriting {
  addressee: AddresseeGrants;
}

async function addresseeGrants(trx: Db, actor: AuthenticatedActor, now: Date, caseId: string, from: AddressedFrom): Promise<AddresseeGrants> {
  if (from.kind === 'local_authority') return { authorities: mintLocalAuthority(false) };
  if (from.kind === 'employer') {
    const read = await arrangementRead(caseId)(trx, actor, now);
    return read.ok && read.grant.read.kinds.has('employer_duty') ? { employers: read.grant.read } : {};
  }
  const read = await personRead(from.id)(trx, actor, now);
  // Only a person of this case: a letter about this decision goes to someone in it.
  return read.ok && read.grant.cases.some((c) => c.caseId === caseId) ? { person: read.grant } : {};
}

export const letterDraft =
  (caseId: string, from: AddressedFrom) =>
  async (trx: Db, actor: AuthenticatedActor, now: Date): Promise<Checked<LetterDrafting>> => {
    const writing = await letterWrite(caseId, 'draft')(trx, actor, now);
    if (!writing.ok) return writing;
    return { ...writing, grant: { ...writing.grant, addressee: await addresseeGrants(trx, actor, now, caseId, from) }, details: { addressedFrom: from.kind } };
  };

/** The local authorities' addressees: read and recorded by whoever drafts letters (not case-bound: 403 otherwise). */
export const localAuthorityAccess =
  (write: boolean) =>
  async (_trx: Db, actor: AuthenticatedActor): Promise<Checked<LocalAuthorityGrant>> => {
    const purpose = 'protection.case_handling';
    if (!mayOnLetters(actor.roles, 'draft')) return forbidden('the local authorities are kept by those who draft letters', purpose);
    return { ok: true, grant: mintLocalAuthority(write), purpose };
  };
