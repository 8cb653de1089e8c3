import type { RegisterCaseRequest } from '@hoeder/contracts';
import type { FieldErrors } from '../../lib/validation';
import { optionalText } from '../../lib/validation';

export interface PersonDraft {
  /** Stable React key for a row; rows can be removed in the middle. */
  key: number;
  role: string;
  fullName: string;
  dateOfBirth: string;
  relation: string;
  /** Issue 12 item 1: the coded relation of a household member ('' until chosen). */
  relationCode: string;
  /** A known person's record intake chose to link after the duplicate warning (issue 12). */
  personId?: string | undefined;
}

export interface RegisterDraft {
  referralSource: string;
  referrerDescription: string;
  reportedPhenomenon: string;
  firstInformation: string;
  classification: string;
  persons: PersonDraft[];
}

export const emptyPerson = (key: number, role = 'threatened_person'): PersonDraft => ({ key, role, fullName: '', dateOfBirth: '', relation: '', relationCode: '' });

export const emptyRegisterDraft = (): RegisterDraft => ({
  referralSource: '',
  referrerDescription: '',
  reportedPhenomenon: '',
  firstInformation: '',
  classification: '',
  persons: [emptyPerson(1)],
});

/** The form as the request the contract describes; empty optional fields are left out. */
export function toRegisterRequest(draft: RegisterDraft): Record<keyof RegisterCaseRequest, unknown> {
  return {
    referralSource: draft.referralSource,
    referrerDescription: draft.referrerDescription,
    reportedPhenomenon: draft.reportedPhenomenon,
    firstInformation: draft.firstInformation,
    classification: draft.classification,
    persons: draft.persons.map((p) => ({
      ...(p.personId ? { personId: p.personId } : {}),
      role: p.role,
      fullName: p.fullName,
      dateOfBirth: optionalText(p.dateOfBirth),
      relation: optionalText(p.relation),
      // Only a household member has a relation; a code left over from a changed role is not sent.
      ...(p.role === 'household_member' ? { relationCode: p.relationCode } : {}),
    })),
  };
}

/** The domain refuses a case without anyone to protect; say so before sending. */
export function requireThreatenedPerson(errors: FieldErrors, draft: RegisterDraft): FieldErrors {
  if (errors.persons || draft.persons.some((p) => p.role === 'threatened_person')) return errors;
  return { ...errors, persons: { key: 'validation.threatenedPersonRequired' } };
}
