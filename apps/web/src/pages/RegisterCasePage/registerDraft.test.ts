import { describe, expect, it } from 'vitest';
import { RegisterCaseRequest } from '@hoeder/contracts';
import { validate } from '../../lib/validation';
import { emptyPerson, emptyRegisterDraft, requireThreatenedPerson, toRegisterRequest } from './registerDraft';

describe('registration draft', () => {
  it('leaves empty optional fields out, so the contract accepts them', () => {
    const draft = {
      ...emptyRegisterDraft(),
      referralSource: 'police_unit',
      referrerDescription: 'Eenheid Rotterdam',
      reportedPhenomenon: 'terrorism',
      firstInformation: 'Dreigbrief ontvangen.',
      classification: 'dep_confidential',
      persons: [{ ...emptyPerson(1), fullName: 'A. Persoon' }],
    };
    const body = toRegisterRequest(draft);
    expect(body.persons).toEqual([{ role: 'threatened_person', fullName: 'A. Persoon', dateOfBirth: undefined, relation: undefined }]);
    expect(validate(RegisterCaseRequest, body).ok).toBe(true);
  });

  it('requires someone to protect', () => {
    const draft = { ...emptyRegisterDraft(), persons: [emptyPerson(1, 'household_member')] };
    expect(requireThreatenedPerson({}, draft)).toEqual({ persons: { key: 'validation.threatenedPersonRequired' } });
    expect(requireThreatenedPerson({}, emptyRegisterDraft())).toEqual({});
  });
});
