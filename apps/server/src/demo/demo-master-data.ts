import type { AgendaActivityInput } from '@hoeder/contracts';
import { listCaseIdsInPhases } from '@hoeder/db';
import { generateLccWeek, NATIONAL_WEEK, type Officer } from '@hoeder/planner';
import type { AppDeps } from '../app';
import type { AuthenticatedActor } from '../platform/actor';
import { officersToCsv } from '../execution/officer-csv';
import { DEMO_ACCOUNTS } from './demo-accounts';
import { seededRandom, type SeededRandom } from './demo-random';

const FIRST = ['Anouk', 'Bram', 'Charlotte', 'Dennis', 'Esra', 'Fleur', 'Gerrit', 'Hanna', 'Ilse', 'Jasper', 'Karim', 'Lieke', 'Maarten', 'Nadia', 'Okke', 'Priya', 'Quinten', 'Roos', 'Sander', 'Tamara', 'Ugur', 'Vera', 'Wouter', 'Xander', 'Yasmina', 'Zeger', 'Annelies', 'Bilal', 'Demi', 'Erik', 'Fatima', 'Gijs', 'Hidde', 'Inge', 'Jeroen', 'Khadija', 'Luuk', 'Marloes', 'Noor', 'Pieter'];
const LAST = ['de Vries', 'Jansen', 'van den Berg', 'Bakker', 'Visser', 'Smit', 'Meijer', 'de Boer', 'Mulder', 'de Groot', 'Bos', 'Vos', 'Peters', 'Hendriks', 'van Leeuwen', 'Dekker', 'Brouwer', 'de Wit', 'Dijkman', 'Koster', 'Yılmaz', 'Bouzid', 'van der Linden', 'Kramer', 'Prins', 'Huisman', 'Peeters', 'van Wijk', 'Boerma', 'Kaya', 'Sedney', 'Tuinman'];

const actor = (username: string): AuthenticatedActor => {
  const a = DEMO_ACCOUNTS.find((x) => x.username === username);
  if (!a) throw new Error(`no demo account ${username}`);
  return { userId: a.userId, displayName: a.displayName, roles: a.roles, organisation: a.organisation, clearance: a.clearance, unitId: a.unitId ?? null, sessionId: 'demo-seed' };
};

const contractOf = (o: Officer) => (o.contract.maxTotalMinutes <= 1440 ? 'parttime-24' : 'fulltime-36');

/** The planner's national week's officers (same ids, units, qualifications, contracts) with Dutch names and teams. */
export function demoOfficers(r: SeededRandom = seededRandom(20261130)) {
  const week = generateLccWeek(NATIONAL_WEEK);
  const perUnit = new Map<string, number>();
  const officers = week.officers.map((o) => {
    const n = perUnit.get(o.unitId) ?? 0;
    perUnit.set(o.unitId, n + 1);
    const team = `Team ${String.fromCharCode(65 + Math.floor(n / 12))}`;
    return { officerId: o.id, displayName: `${r.pick(FIRST)} ${r.pick(LAST)}`, unitId: o.unitId, teamName: team, qualifications: o.qualifications, contractCode: contractOf(o) };
  });
  return { officers, week };
}

const mondayOf = (now: Date) => {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7) + 7);
  return d;
};
const iso = (d: Date, plus = 0) => new Date(d.getTime() + plus * 86_400_000).toISOString().slice(0, 10);

/**
 * About 1,200 synthetic officers over the 30 demo units, imported through the real (guarded, batch)
 * import as the LCC; the generator's leave of its week becomes leave in the coming week. Once only.
 */
export async function seedDemoOfficers(deps: AppDeps): Promise<number> {
  const lcc = actor('lcc');
  const ctx = { traceId: 'demo-seed-officers', now: deps.clock.now() };
  const existing = await deps.masterData.officers(ctx, lcc, {});
  if (existing.ok && existing.value.length > 0) return 0;
  const { officers, week } = demoOfficers();
  const imported = await deps.masterData.importOfficers(ctx, lcc, { csv: officersToCsv(officers), dryRun: false });
  if (!imported.ok) throw new Error(`demo officers not imported: ${imported.error.message}`);
  const monday = mondayOf(ctx.now);
  const absences = week.officers
    .filter((x) => x.leaveDays.length > 0)
    .map((o) => ({ officerId: o.id, from: iso(monday, Math.min(...o.leaveDays)), until: iso(monday, Math.max(...o.leaveDays)), reason: o.id.endsWith('7') ? ('training' as const) : ('leave' as const) }));
  const recorded = await deps.masterData.recordAbsences(ctx, lcc, absences);
  if (!recorded.ok) throw new Error(`demo absences not recorded: ${recorded.error.message}`);
  return officers.length;
}

const WORKDAYS = [0, 1, 2, 3, 4];
const EVERY_DAY = [0, 1, 2, 3, 4, 5, 6];

/** A realistic week for one person: nights at home, work and the commute, a few private activities. */
export function demoAgenda(r: SeededRandom): AgendaActivityInput[] {
  const workdays = WORKDAYS.filter(() => r.next() < 0.85);
  const start = r.pick(['07:30', '08:00', '08:30']);
  const [h, m] = start.split(':').map(Number) as [number, number];
  const pad = (x: number) => String(x).padStart(2, '0');
  const commuteStart = `${pad(h - 1)}:${pad(m)}`;
  const end = `${pad(h + 8 + (m > 0 ? 1 : 0))}:${m > 0 ? '00' : '30'}`;
  const [eh, em] = end.split(':').map(Number) as [number, number];
  const commuteEnd = `${pad(eh + 1)}:${pad(em)}`;
  const activities: AgendaActivityInput[] = [
    { label: 'Thuis (nacht)', domain: 'home', placeCategory: 'home', priority: 'high', start: '00:00', end: commuteStart, recurrence: { kind: 'weekly', weekdays: EVERY_DAY } },
    { label: 'Thuis (avond)', domain: 'home', placeCategory: 'home', priority: 'high', start: '22:00', end: '24:00', recurrence: { kind: 'weekly', weekdays: EVERY_DAY } },
  ];
  if (workdays.length > 0) {
    activities.push(
      { label: 'Woon-werkverkeer (heen)', domain: 'transport', placeCategory: 'transport_route', priority: 'normal', start: commuteStart, end: start, recurrence: { kind: 'weekly', weekdays: workdays } },
      { label: 'Werk', domain: 'work', placeCategory: 'workplace', priority: 'high', start, end, recurrence: { kind: 'weekly', weekdays: workdays } },
      { label: 'Woon-werkverkeer (terug)', domain: 'transport', placeCategory: 'transport_route', priority: 'normal', start: end, end: commuteEnd, recurrence: { kind: 'weekly', weekdays: workdays } },
    );
  }
  const sport = r.pick([[1], [3], [1, 3], [2]]);
  activities.push({ label: 'Sporten', domain: 'private', placeCategory: 'public_place', priority: 'low', start: '19:30', end: '21:00', recurrence: { kind: 'weekly', weekdays: sport } });
  if (r.next() < 0.7) activities.push({ label: 'Familiebezoek', domain: 'private', placeCategory: 'other', priority: 'normal', start: '13:00', end: '17:00', recurrence: { kind: 'weekly', weekdays: [5] } });
  if (r.next() < 0.5) activities.push({ label: 'Boodschappen', domain: 'private', placeCategory: 'public_place', priority: 'low', start: '10:00', end: '11:30', recurrence: { kind: 'weekly', weekdays: [6] } });
  return activities;
}

/** Every demo case with active measures gets an agenda, recorded by the liaison (once per case). */
export async function seedDemoAgendas(deps: AppDeps): Promise<number> {
  const liaison = actor('liaison');
  const r = seededRandom(20261201);
  let n = 0;
  for (const caseId of await listCaseIdsInPhases(deps.db, ['measures_active'])) {
    const activities = demoAgenda(r);
    const ctx = { traceId: `demo-seed-agenda-${n}`, now: deps.clock.now() };
    const current = await deps.agenda.view(ctx, liaison, caseId);
    if (!current.ok || current.value.version > 0) continue;
    const saved = await deps.agenda.save(ctx, liaison, caseId, { expectedVersion: 0, activities });
    if (!saved.ok) throw new Error(`demo agenda not recorded: ${saved.error.message}`);
    n++;
  }
  return n;
}
