import type { ArrangementsView, CaseView, PersonView } from '@hoeder/contracts';
import type { HttpFixture } from './http-fixture';

/** The records a case's letters are addressed from (issue 12 item 4), made over HTTP as the liaison would. */
export interface LetterRecords {
  personId: string;
  addressId: string;
  employerId: string;
  authorityId: string;
}

type Session = Awaited<ReturnType<HttpFixture['session']>>;

function must<T>(reply: { status: number; body: unknown }, step: string): T {
  if (reply.status >= 300) throw new Error(`${step} failed: ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply.body as T;
}

export async function letterRecords(f: HttpFixture, caseId: string, liaison?: Session): Promise<LetterRecords> {
  const s = liaison ?? (await f.session('liaison'));
  const view = must<CaseView>(await f.api(s, 'GET', `/api/cases/${caseId}`), 'case view');
  const personId = view.persons!.find((p) => p.role === 'threatened_person')!.personId;
  const before = must<PersonView>(await f.api(s, 'GET', `/api/persons/${personId}`), 'person');
  const address = { domain: 'home', label: 'Woning', street: 'Dorpsstraat 1', postcode: '1234 AB', city: 'Ergens' };
  must(await f.api(s, 'POST', `/api/persons/${personId}/details`, { expectedVersion: before.details?.version ?? 0, phone: null, email: null, addresses: [address] }), 'details');
  const person = must<PersonView>(await f.api(s, 'GET', `/api/persons/${personId}`), 'person');
  const arrangements = must<ArrangementsView>(await f.api(s, 'GET', `/api/cases/${caseId}/arrangements`), 'arrangements');
  if (!arrangements.employers?.length) must(await f.api(s, 'POST', `/api/cases/${caseId}/employers`, { personId, name: 'Werkgever BV', contact: 'P. Zaken', owner: 'P. Zaken' }), 'employer');
  const employers = must<ArrangementsView>(await f.api(s, 'GET', `/api/cases/${caseId}/arrangements`), 'arrangements').employers!;
  const authority = { role: 'mayor', name: 'de burgemeester van Ergens', office: 'Gemeente Ergens', addressLines: ['Postbus 1', '1234 AA Ergens'] };
  const { addresseeId } = must<{ addresseeId: string }>(await f.api(s, 'POST', '/api/letters/local-authorities', authority), 'authority');
  return { personId, addressId: person.details!.addresses[0]!.addressId, employerId: employers[0]!.employerId, authorityId: addresseeId };
}

/** Draft bodies addressed from the records. */
export const addressedTo = (r: LetterRecords) => ({
  decision_letter: { kind: 'decision_letter', addressedFrom: { kind: 'person', id: r.personId }, addressId: r.addressId },
  employer_letter: { kind: 'employer_letter', addressedFrom: { kind: 'employer', id: r.employerId } },
  authority_notice: { kind: 'authority_notice', addressedFrom: { kind: 'local_authority', id: r.authorityId } },
});
