import type { CoordinationView } from '@hoeder/contracts';
import { driveCase } from '../testing/http-flows';
import type { HttpFixture } from '../testing/http-fixture';
import { samplePolicyFacts, userIdOf } from '../testing/service-fixture';

const must = (reply: { status: number; body: unknown }, step: string) => {
  if (reply.status >= 300) throw new Error(`${step} failed: ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply.body;
};

/**
 * A case with the OM on its team and an assessment (no decision yet), the measures the policy
 * proposes for it, and helpers to move through the crown-witness track over HTTP as the real users.
 */
export async function crownWitnessCase(f: HttpFixture, classification: 'dep_confidential' | 'stg_confidential' = 'dep_confidential') {
  const caseId = await driveCase(f, classification, ['analist', 'besluit', 'besluit2', 'om'], 'assessed');
  const besluit = await f.session('besluit');
  const view = must(await f.api(besluit, 'GET', `/api/cases/${caseId}`), 'case view') as { persons: { personId: string }[] };
  const [witness, partner] = view.persons.map((p) => p.personId) as [string, string];
  const proposal = must(await f.api(besluit, 'POST', `/api/cases/${caseId}/policy/proposal`, { facts: samplePolicyFacts() }), 'proposal') as { package: { measures: Record<string, string[]> } };
  // Two measures the decision will put into effect, straight from the policy's proposal.
  const offered = Object.entries(proposal.package.measures).flatMap(([domain, ms]) => ms.map((measure) => ({ domain, measure })));
  const required = [{ personId: witness, ...offered[0]! }, { personId: partner, ...offered[1]! }];

  let version = 0;
  const post = async (who: string, path: string, body: Record<string, unknown>) => {
    const reply = await f.api(await f.session(who), 'POST', `/api/cases/${caseId}${path}`, { expectedVersion: version, ...body });
    if (reply.status < 300) version = (reply.body as CoordinationView).version;
    f.clock.advance(60_000);
    return reply;
  };
  const read = async (who: string, asOf?: string) => f.api(await f.session(who), 'GET', `/api/cases/${caseId}/coordination${asOf ? `?asOf=${encodeURIComponent(asOf)}` : ''}`);

  const steps = {
    open: (releaseTo: string[] = ['NCTV', 'INSPECTORATE']) =>
      post('om', '/crown-witness', { witnessPersonId: witness, investigativeInterest: 'Unieke informatie over de top van het netwerk.', prosecutorialInterest: 'Doorslaggevende verklaringen in het hoofdproces.', releaseTo }),
    inventory: () =>
      post('besluit', '/crown-witness/inventory', {
        personsInScope: [{ personId: witness, riskLevel: 'very_high', risks: 'Liquidatiedreiging uit het netwerk.' }, { personId: partner, riskLevel: 'high', risks: 'Druk via de naaste omgeving.' }],
        requiredMeasures: required.map((r) => ({ personId: r.personId, domain: r.domain, measure: r.measure })),
        protectionCapacity: 'Beveiliging van woning en vervoer binnen twee weken.',
        witnessProtectionCapacity: 'Opname in het getuigenbeschermingsprogramma mogelijk.',
        ethicalConsequences: 'Ingrijpend voor de partner: verhuizing en beperkt sociaal leven.',
      }),
    weigh: (who = 'besluit', subject: 'crown_witness' | 'case' = 'crown_witness') =>
      post(who, '/coordination/weighings', {
        subject,
        protectionInterest: 'De veiligheid van getuige en partner moet gewaarborgd zijn.',
        investigationInterest: 'Zonder de verklaringen valt de top buiten bereik.',
        outcome: 'proceed_with_conditions',
        reasons: 'Maatregelen haalbaar en draagbaar; deal alleen met actieve maatregelen.',
        participants: [{ userId: userIdOf('om') }, { userId: userIdOf('besluit') }],
      }),
    review: (who: string, weighingId: string, verdict: 'upheld' | 'returned' = 'upheld') => post(who, `/coordination/weighings/${weighingId}/review`, { verdict, findings: 'Zorgvuldig gewogen, ethiek expliciet meegenomen.' }),
    consult: (who = 'om', releaseTo: string[] = []) => post(who, '/coordination/consultations', { level: 'operational', heldOn: '2026-03-02', participants: [{ name: 'Rechercheur Team Getuigen', organisation: 'POLICE' }], summary: 'Afstemming over de timing van de openbaarmaking.', releaseTo }),
    dealPublic: () => post('om', '/crown-witness/deal-public', { note: 'De deal wordt op de zitting openbaar.' }),
    /** The authority decides and approves the package the policy proposes: the measures come into force. */
    decide: async () => {
      const caseVersion = async () => ((await f.api(await f.session('besluit'), 'GET', `/api/cases/${caseId}`)).body as { version: number }).version;
      must(await f.api(await f.session('besluit'), 'POST', `/api/cases/${caseId}/decisions`, { expectedVersion: await caseVersion(), facts: samplePolicyFacts(), factOverrides: [], motivation: 'Zware weerstand nodig.', reviewDate: '2026-06-01' }), 'propose');
      const pending = (await f.api(await f.session('besluit2'), 'GET', `/api/cases/${caseId}`)).body as { decision: { pending: { decisionId: string } } };
      must(await f.api(await f.session('besluit2'), 'POST', `/api/cases/${caseId}/decisions/${pending.decision.pending.decisionId}/approve`, { expectedVersion: await caseVersion(), note: 'Akkoord.' }), 'approve');
      f.clock.advance(60_000);
    },
  };
  return { caseId, witness, partner, required, steps, read, version: () => version };
}
