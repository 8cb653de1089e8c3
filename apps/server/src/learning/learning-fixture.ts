import type { ApiReply, HttpFixture } from '../testing/http-fixture';
import { driveCase } from '../testing/http-flows';

export const okBody = (r: ApiReply, step: string) => {
  if (r.status >= 300) throw new Error(`${step}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body as Record<string, unknown>;
};

export const MEMBERS = ['analist', 'besluit', 'besluit2', 'lcc', 'politie', 'kmar', 'liaison'];

/** A case with active measures whose assignment the LCC accepted and tasked to the police lead's unit (be-1) only. */
export async function assignedCase(f: HttpFixture): Promise<string> {
  const caseId = await driveCase(f, 'dep_confidential', MEMBERS, 'measures_active');
  const lcc = await f.session('lcc');
  const inbox = okBody(await f.api(lcc, 'GET', '/api/assignments'), 'inbox') as { items: { caseId: string; assignmentId: string }[] };
  const id = inbox.items.find((i) => i.caseId === caseId)!.assignmentId;
  okBody(await f.api(lcc, 'POST', `/api/assignments/${id}/accept`, { version: 1 }), 'accept');
  okBody(await f.api(lcc, 'POST', `/api/assignments/${id}/units`, { unitIds: ['be-1'] }), 'task');
  return caseId;
}

/** A minute before now: with the clock moved on past the DAF's finalisation, the incident follows it. */
export const incidentBody = (f: HttpFixture, over: Record<string, unknown> = {}) => ({
  kind: 'attempted_approach',
  occurredAt: new Date(f.clock.now().getTime() - 60_000).toISOString(),
  description: 'Onbekende man probeerde de woning te naderen (synthetisch).',
  location: 'Woning',
  classification: 'dep_confidential',
  ...over,
});

export const lessonBody = (over: Record<string, unknown> = {}) => ({
  expectedVersion: 1,
  title: 'Meldingen buiten kantoortijd sneller doorzetten',
  finding: 'Een melding in de avond bereikte de eenheid pas de volgende ochtend.',
  owner: 'LCC',
  followUp: 'Piketregeling voor meldingen aanpassen.',
  dueOn: '2026-06-01',
  needsRuleChange: true,
  ...over,
});
