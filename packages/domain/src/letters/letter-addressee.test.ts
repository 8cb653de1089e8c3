import { describe, expect, it } from 'vitest';
import { addresseeFrom, type AddresseeRecord } from './letter-addressee';

const home = { addressId: 'a1', domain: 'home' as const, label: 'Woning', street: 'Dorpsstraat 1', postcode: '1234 AB', city: 'Ergens' };
const person: AddresseeRecord = { kind: 'person', id: 'p1', fullName: 'J. Jansen', visibleAddresses: [home] };
const employer: AddresseeRecord = { kind: 'employer', id: 'e1', name: 'Werkgever BV', contact: 'P. Zaken' };
const mayor: AddresseeRecord = { kind: 'local_authority', id: 'm1', addressee: { addresseeId: 'm1', role: 'mayor', name: 'de burgemeester van Ergens', office: 'Gemeente Ergens', addressLines: ['Postbus 1', '1234 AA Ergens'] } };

describe('a letter addressed from a record (issue 12 item 4)', () => {
  it('the decision letter from the person file, with an address the drafter may see, or by name only', () => {
    expect(addresseeFrom('decision_letter', person, 'a1')).toEqual({ ok: true, value: { addressee: { name: 'J. Jansen', lines: ['Dorpsstraat 1', '1234 AB Ergens'] }, addressedFrom: { kind: 'person', id: 'p1' } } });
    expect(addresseeFrom('decision_letter', person, undefined)).toMatchObject({ ok: true, value: { addressee: { name: 'J. Jansen', lines: [] } } });
    expect(addresseeFrom('decision_letter', { ...person, visibleAddresses: [] }, 'a1')).toMatchObject({ ok: false, error: { details: { field: 'addressId' } } });
  });

  it('the employer letter from the employer record, the notice from the stored local authority (which names the authority)', () => {
    expect(addresseeFrom('employer_letter', employer, undefined)).toMatchObject({ ok: true, value: { addressee: { name: 'Werkgever BV', lines: ['t.a.v. P. Zaken'] } } });
    expect(addresseeFrom('authority_notice', mayor, undefined)).toMatchObject({ ok: true, value: { authority: 'mayor', addressee: { lines: ['Gemeente Ergens', 'Postbus 1', '1234 AA Ergens'] }, addressedFrom: { kind: 'local_authority', id: 'm1' } } });
  });

  it('refuses a record of the wrong kind, and an address for anyone but a person', () => {
    expect(addresseeFrom('employer_letter', person, undefined)).toMatchObject({ ok: false, error: { details: { field: 'addressedFrom.kind' } } });
    expect(addresseeFrom('employer_letter', employer, 'a1')).toMatchObject({ ok: false, error: { details: { field: 'addressId' } } });
  });
});
