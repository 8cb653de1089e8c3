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

  it('sends the coded relation of a household member; the contract refuses one without it, naming the field (issue 12 item 1)', () => {
    const base = { ...emptyRegisterDraft(), referralSource: 'police_unit', referrerDescription: 'Eenheid', reportedPhenomenon: 'terrorism', firstInformation: 'Dreigbrief.', classification: 'dep_confidential' };
    const me = { ...emptyPerson(1), fullName: 'A. Persoon', relationCode: 'partner' };
    const partner = { ...emptyPerson(2, 'household_member'), fullName: 'B. Persoon', relation: 'echtgenote' };
    const uncoded = validate(RegisterCaseRequest, toRegisterRequest({ ...base, persons: [me, partner] }));
    expect(uncoded.ok ? {} : uncoded.errors).toHaveProperty(['persons.1.relationCode']);
    const body = toRegisterRequest({ ...base, persons: [me, { ...partner, relationCode: 'partner' }] });
    expect(body.persons).toEqual([expect.not.objectContaining({ relationCode: expect.anything() }), expect.objectContaining({ relationCode: 'partner', relation: 'echtgenote' })]);
    expect(validate(RegisterCaseRequest, body).ok).toBe(true);
  });
});
