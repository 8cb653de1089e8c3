import { randomUUID } from 'node:crypto';
import type { CaseFacts } from '@hoeder/domain';
import type { AppDeps } from '../app';
import type { CaseService } from '../cases/case.service';
import { createAssignmentService } from '../assignments/assignment.service';
import type { AuthenticatedActor } from '../platform/actor';
import type { fixedClock } from '../platform/clock';
import type { Guard } from '../platform/guard/guard';

const HOUR = 60 * 60 * 1000;

/**
 * Police and KMar units the demo LCC tasks, in turn: "from synergy and equivalence". Every
 * assignment gets a protection unit (a camera unit alone cannot staff close protection, and since
 * posts go only to tasked units that would leave the person's posts unstaffed); camera
 * surveillance is added next to it for some homes.
 */
const POLICE = ['be-1', 'be-2', 'dkdb-1', 'bb-5', 'be-3', 'bb-7', 'dkdb-2'];
const KMAR = ['bsb-1', 'bsb-2', 'hrb-1', 'contingent-1'];

/** The units of the i-th assignment: be-1 and bsb-1 often enough that the demo unit leads have work. */
export function demoTasking(i: number): string[] {
  const police = i % 4 === 0 ? 'be-1' : POLICE[i % POLICE.length]!;
  const units = [police];
  if (i % 2 === 0) units.push(i % 4 === 0 ? 'bsb-1' : KMAR[i % KMAR.length]!);
  if (i % 5 === 1) units.push('camera-1');
  return [...new Set(units)];
}

const must = <T>(r: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }, step: string): T => {
  if (!r.ok) throw new Error(`demo assignments: ${step} failed: ${r.error.code} ${r.error.message}`);
  return r.value;
};

/**
 * The LCC's side of the demo through the real commands: most live assignments accepted and tasked
 * to a mix of units, a few left new in the inbox; the unit leads acknowledge most of theirs, a
 * few stay unacknowledged; most withdrawals (ended cases) accepted, two left in the inbox.
 */
export async function seedDemoAssignments(
  deps: Pick<AppDeps, 'clock'>,
  guard: Guard,
  cases: CaseService,
  clock: ReturnType<typeof fixedClock>,
  actorOf: (username: string) => AuthenticatedActor,
): Promise<void> {
  const assignments = createAssignmentService({ guard });
  const today = new Date(deps.clock.now().toISOString().slice(0, 10));
  // Three days ago from 08:00 UTC (office hours), not from midnight: the demo shows working times.
  clock.set(new Date(today.getTime() - 72 * HOUR + 8 * HOUR));
  let trace = 0;
  const ctx = () => {
    clock.advance(HOUR / 12); // five minutes a step: the whole seed stays within one working day
    return { traceId: `demo-seed-assignments-${++trace}`, now: clock.now() };
  };
  const [lcc, politie, kmar] = [actorOf('lcc'), actorOf('politie'), actorOf('kmar')];
  const inbox = must(await assignments.inbox(ctx(), lcc), 'inbox');
  let withdrawn = 0;
  for (const [i, item] of inbox.items.entries()) {
    if (item.status === 'withdrawn') {
      if (withdrawn++ >= 2) must(await assignments.accept(ctx(), lcc, item.assignmentId, item.currentVersion), 'accept withdrawal');
      continue;
    }
    if (item.status !== 'new' || i % 8 === 1) continue;
    must(await assignments.accept(ctx(), lcc, item.assignmentId, item.currentVersion), 'accept');
    const units = demoTasking(i);
    must(await assignments.task(ctx(), lcc, item.assignmentId, units), 'task');
    if (i % 3 === 0) must(await assignments.recordConcept(ctx(), lcc, item.assignmentId, 'home', 'Vaste post bij de woning en camerabeelden naar de meldkamer (synthetisch).'), 'concept');
    // Every fifth stays unacknowledged, so the LCC sees who it is waiting for.
    if (i % 5 === 4) continue;
    if (units.includes('be-1')) must(await assignments.acknowledge(ctx(), politie, item.assignmentId, item.currentVersion), 'acknowledge be-1');
    if (units.includes('bsb-1')) must(await assignments.acknowledge(ctx(), kmar, item.assignmentId, item.currentVersion), 'acknowledge bsb-1');
    // Two assignments get a heavier decision after tasking: "changed" in the LCC inbox.
    if (i % 11 === 2) await redecide(cases, ctx, actorOf, item.caseId);
  }
}

const HEAVIER_FACTS: CaseFacts = {
  phenomenon: 'organised_crime',
  threatLevel: 'very_high',
  ownResistance: 'insufficient',
  threatDuration: 'long',
  activityDomains: ['home', 'work', 'transport', 'private'],
  cooperation: true,
  integrityRisk: false,
  employerMeasures: 'none',
  hasPartner: true,
  hasChildren: true,
};

/** A new decision (proposed by one decision maker, approved by the other) issues the next version. */
async function redecide(cases: CaseService, ctx: () => { traceId: string; now: Date }, actorOf: (username: string) => AuthenticatedActor, caseId: string): Promise<void> {
  const [besluit, besluit2] = [actorOf('besluit'), actorOf('besluit2')];
  const view = must(await cases.view(ctx(), besluit, caseId), 'view');
  const decisionId = randomUUID();
  const reviewDate = new Date(ctx().now.getTime() + 90 * 24 * HOUR).toISOString().slice(0, 10);
  const motivation = 'Toegenomen dreiging na een nieuw incident (synthetisch).';
  const proposed = must(await cases.execute(ctx(), besluit, caseId, view.version, { type: 'ProposeDecision', decisionId, facts: HEAVIER_FACTS, motivation, reviewDate }), 'propose');
  must(await cases.execute(ctx(), besluit2, caseId, proposed.version, { type: 'ApproveDecision', decisionId, note: 'Akkoord (vier ogen).' }), 'approve');
}
