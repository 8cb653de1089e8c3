import type { CasePhase, Classification } from '@hoeder/domain';
import { finaliseDafOverHttp } from '../assessments/daf-http-flow';
import type { HttpFixture } from './http-fixture';
import { samplePolicyFacts, sampleRegistration, userIdOf } from './service-fixture';

const expectOk = (status: number, body: unknown, step: string) => {
  if (status >= 300) throw new Error(`${step} failed: ${status} ${JSON.stringify(body)}`);
};

/** Takes a case through the primary process over HTTP as the real users, up to `until`. */
export async function driveCase(f: HttpFixture, classification: Classification, members: string[], until: Extract<CasePhase, 'in_assessment' | 'assessed' | 'measures_active'>): Promise<string> {
  const triage = await f.session('triage');
  const reg = await f.api(triage, 'POST', '/api/cases', sampleRegistration({ classification }));
  expectOk(reg.status, reg.body, 'register');
  const caseId = (reg.body as { caseId: string }).caseId;
  let version = 1;
  const post = async (who: string, path: string, body: Record<string, unknown>) => {
    const reply = await f.api(await f.session(who), 'POST', `/api/cases/${caseId}${path}`, { expectedVersion: version, ...body });
    expectOk(reply.status, reply.body, `${who} ${path}`);
    version = (reply.body as { version: number }).version;
  };
  // The DAF's challenge needs a second analyst on the team (not when the case stops before it).
  const team = until !== 'in_assessment' && members.includes('analist') && !members.includes('analist2') ? [...members, 'analist2'] : members;
  for (const m of team) await post('triage', '/members', { userId: userIdOf(m) });
  await post('triage', '/triage', { facts: { phenomenon: 'organised_crime', onLimitedList: false, inWitnessProtectionTrack: false, ownResistanceSufficient: false }, outcome: 'national', motivation: 'Georganiseerde criminaliteit, nationaal.' });
  if (until === 'in_assessment') return caseId;
  // The assessment comes from the DAF: items, draft, challenge by a second analyst, finalisation.
  await finaliseDafOverHttp(f, caseId, { validUntil: '2026-09-01' });
  version = ((await f.api(await f.session('analist'), 'GET', `/api/cases/${caseId}`)).body as { version: number }).version;
  if (until === 'assessed') return caseId;
  await post('besluit', '/decisions', { facts: samplePolicyFacts(), factOverrides: [], motivation: 'Zware weerstand nodig.', reviewDate: '2026-06-01' });
  const view = await f.api(await f.session('besluit2'), 'GET', `/api/cases/${caseId}`);
  const decisionId = (view.body as { decision: { pending: { decisionId: string } } }).decision.pending.decisionId;
  await post('besluit2', `/decisions/${decisionId}/approve`, { note: 'Akkoord.' });
  return caseId;
}
