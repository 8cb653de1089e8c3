import { listCaseSummaries, type Db } from '@hoeder/db';
import type { CaseView } from '@hoeder/contracts';
import type { CaseService } from '../cases/case.service';
import { createCoordinationService } from '../coordination/coordination.service';
import type { AuthenticatedActor } from '../platform/actor';
import type { fixedClock } from '../platform/clock';
import type { Guard } from '../platform/guard/guard';

const SYNTHETIC = '[SYNTHETISCHE DEMODATA]';
const DAY = 24 * 60 * 60 * 1000;

type Actors = (username: string) => AuthenticatedActor;

const must = <T>(r: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }, step: string): T => {
  if (!r.ok) throw new Error(`demo crown witness: ${step} failed: ${r.error.code} ${r.error.message}`);
  return r.value;
};

/** The measures a decision offers, as the inventory names them (domain and measure). */
function offeredMeasures(decision: NonNullable<CaseView['decision']>['pending']): { domain: string; measure: string }[] {
  const chosen = (decision?.policy as { chosen?: { measures: Record<string, string[]>; careModules: string[] } } | undefined)?.chosen;
  if (!chosen) return [];
  return [...Object.entries(chosen.measures).flatMap(([domain, ms]) => ms.map((measure) => ({ domain, measure }))), ...chosen.careModules.map((measure) => ({ domain: 'care', measure }))];
}

/**
 * Two demo cases with a crown-witness track (issue 14), through the real commands: one whose
 * decision still waits for approval — the OM opened the track, the authority inventoried the
 * risks, the weighing is still to come and the deal cannot go public yet (the e2e spec goes on
 * from here) — and one with measures in force where the whole track ran: weighed, reviewed by a
 * second decision maker, consulted, and the deal made public.
 */
export async function seedDemoCrownWitness(db: Db, guard: Guard, cases: CaseService, clock: ReturnType<typeof fixedClock>, actorOf: Actors): Promise<void> {
  const coordination = createCoordinationService({ guard });
  const ctx = () => ({ traceId: 'demo-seed-crown-witness', now: clock.now() });
  const all = await listCaseSummaries(db, 'all');
  const views = async (phase: string) => {
    const found: CaseView[] = [];
    for (const s of all.filter((c) => c.phase === phase)) {
      const view = must(await cases.view(ctx(), actorOf('besluit'), s.caseId), 'view');
      if ((view.persons?.length ?? 0) >= 2) found.push(view);
    }
    return found;
  };
  const [pending] = await views('decision_pending_approval');
  const [active] = await views('measures_active');
  for (const [view, complete] of [[pending, false], [active, true]] as const) {
    if (!view) continue;
    clock.advance(DAY);
    const [witness, relative] = view.persons!.map((p) => p.personId) as [string, string];
    const measures = offeredMeasures(complete ? view.decision?.active : view.decision?.pending);
    must(await cases.execute(ctx(), actorOf('besluit'), view.caseId, view.version, { type: 'AssignMember', userId: actorOf('om').userId }), 'om on the team');
    let version = 0;
    const step = async (r: Promise<{ ok: true; value: { version: number } } | { ok: false; error: { code: string; message: string } }>, name: string) => {
      version = must(await r, name).version;
      clock.advance(DAY / 4);
    };
    await step(coordination.openTrack(ctx(), actorOf('om'), view.caseId, { expectedVersion: version, witnessPersonId: witness, investigativeInterest: `${SYNTHETIC} Verklaringen over opdrachtgevers binnen het netwerk.`, prosecutorialInterest: `${SYNTHETIC} Doorslaggevend bewijs in het hoofdproces.`, releaseTo: ['NCTV', 'INSPECTORATE'] }), 'open');
    await step(
      coordination.recordInventory(ctx(), actorOf('besluit'), view.caseId, {
        expectedVersion: version,
        personsInScope: [{ personId: witness, riskLevel: 'very_high', risks: `${SYNTHETIC} Liquidatiedreiging uit het netwerk.` }, { personId: relative, riskLevel: 'high', risks: `${SYNTHETIC} Druk via de naaste omgeving.` }],
        requiredMeasures: measures.slice(0, 2).map((m, i) => ({ personId: i === 0 ? witness : relative, domain: m.domain as 'home', measure: m.measure })),
        protectionCapacity: `${SYNTHETIC} Bewaking van woning en vervoer is binnen twee weken in te richten.`,
        witnessProtectionCapacity: `${SYNTHETIC} Opname in het getuigenbeschermingsprogramma is mogelijk.`,
        ethicalConsequences: `${SYNTHETIC} Ingrijpend voor de naaste: verhuizing en een beperkt sociaal leven.`,
      }),
      'inventory',
    );
    if (!complete) continue;
    const weighed = must(
      await coordination.recordWeighing(ctx(), actorOf('besluit'), view.caseId, {
        expectedVersion: version,
        subject: 'crown_witness',
        protectionInterest: `${SYNTHETIC} De veiligheid van getuige en naaste moet gewaarborgd zijn.`,
        investigationInterest: `${SYNTHETIC} Zonder de verklaringen blijft de top buiten bereik.`,
        outcome: 'proceed_with_conditions',
        reasons: `${SYNTHETIC} Maatregelen haalbaar en draagbaar; deal alleen met actieve maatregelen.`,
        participants: [{ userId: actorOf('om').userId }],
        releaseTo: [],
      }),
      'weighing',
    );
    version = weighed.version;
    await step(coordination.review(ctx(), actorOf('besluit2'), view.caseId, weighed.weighings[0]!.weighingId, { expectedVersion: version, verdict: 'upheld', findings: `${SYNTHETIC} Zorgvuldig gewogen; ethische gevolgen expliciet meegenomen.` }), 'review');
    await step(coordination.recordConsultation(ctx(), actorOf('om'), view.caseId, { expectedVersion: version, level: 'operational', heldOn: ctx().now.toISOString().slice(0, 10), participants: [{ userId: actorOf('besluit').userId }], summary: `${SYNTHETIC} Afstemming over het moment van openbaarmaking.`, releaseTo: ['NCTV'] }), 'consultation');
    await step(coordination.dealPublic(ctx(), actorOf('om'), view.caseId, { expectedVersion: version, note: `${SYNTHETIC} De deal is op de zitting openbaar gemaakt.`, releaseTo: ['NCTV', 'INSPECTORATE'] }), 'deal public');
  }
}
