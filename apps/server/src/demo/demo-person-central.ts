import type { CaseView, ContactEntryRequest } from '@hoeder/contracts';
import { listCaseSummaries, type Db } from '@hoeder/db';
import { createArrangementService } from '../arrangements/arrangement.service';
import type { CaseService } from '../cases/case.service';
import { createContactLogService } from '../persons/contact-log.service';
import type { AuthenticatedActor } from '../platform/actor';
import type { fixedClock } from '../platform/clock';
import type { Guard } from '../platform/guard/guard';
import { seededRandom, type SeededRandom } from './demo-random';

const SYNTHETIC = '[SYNTHETISCHE DEMODATA]';
const DAY = 24 * 60 * 60 * 1000;
const HOUR = 60 * 60 * 1000;

type Actors = (username: string) => AuthenticatedActor;
type Outcome<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };

const must = <T>(r: Outcome<T>, step: string): T => {
  if (!r.ok) throw new Error(`demo person central: ${step} failed: ${r.error.code} ${r.error.message}`);
  return r.value;
};
const day = (at: Date, plusDays = 0) => new Date(at.getTime() + plusDays * DAY).toISOString().slice(0, 10);

const EMPLOYERS = ['Transportbedrijf Noordkade', 'Advocatenkantoor Van Heuven', 'Gemeente Westerlaan', 'Uitgeverij De Bron', 'Ziekenhuis Oostpoort', 'Bouwbedrijf Dijkhuis'];
const OWNERS = ['Hoofd HR', 'Beveiligingscoördinator', 'Facilitair manager', 'Directiesecretaris'];

/** The contact log of one case: the liaison's line of contact after the decision, in plain Dutch. */
const CONTACTS: readonly Omit<ContactEntryRequest, 'expectedSeq' | 'contactDate' | 'acknowledgeContradictions'>[] = [
  {
    channel: 'in_person',
    spokeWith: 'Betrokkene en liaison',
    discussed: `${SYNTHETIC} Kennismaking. Uitleg over de rol van de liaison als vast aanspreekpunt en over het besluit.`,
    personAsked: 'Hoe lang duren de maatregelen?',
    promised: 'Bij de herbeoordeling bespreken we samen wat er verandert.',
    informationGiven: true,
    toldTopic: 'package_offer',
    message: 'Het pakket is op maat gemaakt maar niet onderhandelbaar. Bij de herbeoordeling kijken we opnieuw naar de dreiging.',
  },
  {
    channel: 'phone',
    spokeWith: 'Betrokkene',
    discussed: `${SYNTHETIC} Vraag over bereikbaarheid buiten kantoortijd.`,
    personAsked: 'Wie kan ik bellen in het weekend?',
    promised: 'Het nummer van de meldkamer per beveiligd bericht sturen.',
    informationGiven: false,
    message: '',
  },
  {
    channel: 'secure_message',
    spokeWith: 'Betrokkene',
    discussed: `${SYNTHETIC} Toezegging van het vorige gesprek nagekomen.`,
    personAsked: '',
    promised: '',
    informationGiven: true,
    toldTopic: 'other',
    message: 'Het nummer van de meldkamer is u toegestuurd; u kunt daar dag en nacht terecht.',
  },
  {
    channel: 'video',
    spokeWith: 'Betrokkene en partner',
    discussed: `${SYNTHETIC} Gevolgen van de maatregelen voor het gezin en de afspraken over medewerking.`,
    personAsked: 'Kan de partner ook met iemand praten?',
    promised: 'Binnen twee weken terugkoppelen over de doorverwijzing naar zorg.',
    informationGiven: true,
    toldTopic: 'threat_background',
    message: 'Wij hebben toegelicht dat de dreiging uit het criminele milieu komt, voor zover de informatie is vrijgegeven.',
  },
];

interface Seeding {
  arrangements: ReturnType<typeof createArrangementService>;
  contactLog: ReturnType<typeof createContactLogService>;
  liaison: AuthenticatedActor;
  clock: ReturnType<typeof fixedClock>;
  r: SeededRandom;
  /** The demo's today: follow-up dates lie ahead of it, except on cases left with overdue work. */
  today: Date;
  overdue: boolean;
}

/** A follow-up `days` ahead of today; on a case left overdue, `days` after the step (long past). */
const followUp = (s: Seeding, days: number) => (s.overdue ? day(s.clock.now(), days) : day(s.today, days));

/**
 * The person central in the demo (issue 12): for every case with a decision in force that the
 * liaison is on, a contact log, agreements, care referrals and an employer with its five duties,
 * through the real services with the seed's clock (so every step is an event with its own
 * moment, and the case as of a moment shows them as they were). Deterministic: its own seeded
 * generator, and the days follow from each decision's approval.
 */
export async function seedDemoPersonCentral(db: Db, guard: Guard, cases: CaseService, clock: ReturnType<typeof fixedClock>, actorOf: Actors, today: Date): Promise<number> {
  const s: Seeding = { arrangements: createArrangementService({ guard }), contactLog: createContactLogService({ guard }), liaison: actorOf('liaison'), clock, r: seededRandom(20261130), today, overdue: false };
  const resume = clock.now();
  const active = (await listCaseSummaries(db, 'all')).filter((c) => c.phase === 'measures_active').sort((a, b) => a.registeredAt.localeCompare(b.registeredAt));
  let seeded = 0;
  for (const [i, summary] of active.entries()) {
    const view = await cases.view({ traceId: 'demo-seed-person-central', now: resume }, s.liaison, summary.caseId);
    const decision = view.ok ? view.value.decision?.active : undefined;
    // The liaison is on the case only when cleared for its marking; the others are left as they are.
    if (!view.ok || !decision?.approvedAt || !view.value.persons) continue;
    clock.set(new Date(Date.parse(decision.approvedAt.slice(0, 10)) + DAY + 9 * HOUR));
    s.overdue = i % 5 === 2;
    await seedCase(s, view.value, i);
    seeded += 1;
  }
  clock.set(resume);
  return seeded;
}

async function seedCase(s: Seeding, view: CaseView, i: number) {
  const ctx: Ctx = () => ({ traceId: 'demo-seed-person-central', now: s.clock.now() });
  const persons = view.persons!;
  const person = persons.find((p) => p.role === 'threatened_person')!.personId;
  const partner = persons.find((p) => p.relation === 'partner')?.personId;
  const child = persons.find((p) => p.relation === 'kind')?.personId;
  const integrityRisk = view.decision?.active?.policy?.facts.integrityRisk ?? i % 7 === 3;
  const a = s.arrangements;
  const later = (hours: number) => s.clock.advance(hours * HOUR);
  let seq = 0;
  const logContact = async (n: number) => {
    seq = must(await s.contactLog.log(ctx(), s.liaison, view.caseId, { ...CONTACTS[n]!, expectedSeq: seq, contactDate: day(s.clock.now()), acknowledgeContradictions: false }), `contact ${n}`).seq;
  };

  // The first conversation, then the agreements made in it.
  await logContact(0);
  const cooperation = must(await a.recordAgreement(ctx(), s.liaison, view.caseId, { personId: person, type: 'cooperation', description: `${SYNTHETIC} Meldt wijzigingen in agenda en woonsituatie een week vooraf bij de liaison.`, consequence: 'Geen dwang: we blijven informeren en adviseren, en het pakket wordt herbeoordeeld.', followUpOn: followUp(s, 14) }), 'cooperation');
  const restriction = integrityRisk
    ? must(await a.recordAgreement(ctx(), s.liaison, view.caseId, { personId: person, type: 'integrity_restriction', description: `${SYNTHETIC} Geen contact met personen uit het vroegere netwerk; geen publieke uitingen over de zaak.`, consequence: 'Bij niet nakomen volgt een herbeoordeling van het pakket; beveiliging onder voorwaarden is mogelijk.' }), 'restriction')
    : undefined;
  const refuses = i % 6 === 5;
  await step(s, ctx, view.caseId, cooperation.arrangementId, 1, refuses ? { action: 'refuse', note: 'Wil de agenda niet vooraf delen met de eenheid.' } : { action: 'accept' });
  if (restriction) await step(s, ctx, view.caseId, restriction.arrangementId, 1, { action: 'accept' });

  // Care for the person and the household, and peer support by a former protected person.
  later(20);
  await logContact(1);
  await care(s, ctx, view.caseId, person, 'care_person', ['refer', 'start'], 30);
  if (partner) await care(s, ctx, view.caseId, partner, 'care_partner', ['refer'], 10);
  if (child) await care(s, ctx, view.caseId, child, 'care_children', [], 7);
  await care(s, ctx, view.caseId, person, 'peer_support', i % 3 === 0 ? ['decline'] : ['refer'], 21);

  // The employer and its five duties, each with an owner and a follow-up date.
  later(26);
  await logContact(2);
  const employer = must(await a.recordEmployer(ctx(), s.liaison, view.caseId, { personId: person, name: `${s.r.pick(EMPLOYERS)} ${SYNTHETIC}`, contact: 'Via de afdeling HR', owner: s.r.pick(OWNERS), followUpOn: followUp(s, 21) }), 'employer');
  const duties = must(await a.view(ctx(), s.liaison, view.caseId), 'view').employers!.find((e) => e.employerId === employer.employerId)!.duties;
  const plan: Record<string, { action: string; owner?: string; note?: string } | undefined> = {
    alertness: { action: 'confirm_in_place' },
    resilience: undefined,
    prevention: i % 4 === 0 ? { action: 'report_not_met', note: 'Preventieplan is nog niet opgesteld door de werkgever.' } : { action: 'agree' },
    security_measures: { action: 'confirm_in_place', owner: 'Beveiligingscoördinator' },
    follow_advice: undefined,
  };
  later(48);
  for (const duty of duties) {
    const next = plan[duty.code];
    if (next) await step(s, ctx, view.caseId, duty.arrangementId, duty.version, { ...next, ...(next.action === 'confirm_in_place' ? {} : { followUpOn: followUp(s, 30) }) });
  }
  await logContact(3);
  // Now and then an entry was recorded wrongly: the correction names it and says why.
  if (i % 4 === 1) {
    later(2);
    const log = must(await s.contactLog.view(ctx(), s.liaison, view.caseId), 'contact view');
    const wrong = log.entries.find((e) => e.seq === 2)!;
    const corrected = { ...CONTACTS[1]!, promised: 'Het nummer van de meldkamer per beveiligd bericht sturen, uiterlijk de volgende werkdag.' };
    must(await s.contactLog.log(ctx(), s.liaison, view.caseId, { ...corrected, expectedSeq: seq, contactDate: wrong.contactDate, acknowledgeContradictions: false, correctsEntryId: wrong.entryId, correctionReason: 'De termijn van de toezegging ontbrak.' }), 'correction');
  }
}

type Ctx = () => { traceId: string; now: Date };

async function step(s: Seeding, ctx: Ctx, caseId: string, arrangementId: string, expectedVersion: number, input: { action: string; note?: string; owner?: string; followUpOn?: string }) {
  return must(await s.arrangements.step(ctx(), s.liaison, caseId, arrangementId, { expectedVersion, ...input }), `step ${input.action}`);
}

/** A referral with its follow-up date, then its steps a few hours apart. */
async function care(s: Seeding, ctx: Ctx, caseId: string, personId: string, module: 'care_person' | 'care_partner' | 'care_children' | 'peer_support', actions: readonly string[], followUpDays: number) {
  const description = module === 'peer_support' ? `${SYNTHETIC} Gesprek aangeboden met een ervaringsdeskundige.` : `${SYNTHETIC} Via de huisarts naar een gespecialiseerde hulpverlener.`;
  const { arrangementId } = must(await s.arrangements.recordCare(ctx(), s.liaison, caseId, { personId, module, description, followUpOn: followUp(s, followUpDays) }), `care ${module}`);
  for (const [n, action] of actions.entries()) {
    s.clock.advance(3 * HOUR);
    await step(s, ctx, caseId, arrangementId, n + 1, action === 'decline' ? { action, note: 'Heeft nu geen behoefte aan een gesprek; later opnieuw aanbieden.' } : { action, followUpOn: followUp(s, followUpDays + 7) });
  }
}
