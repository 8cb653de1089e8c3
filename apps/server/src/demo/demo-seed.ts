import type { CaseCommand } from '@hoeder/domain';
import { loadBundledPolicyInEffect, proposePackage } from '@hoeder/domain/policy';
import { listCaseSummaries } from '@hoeder/db';
import type { AppDeps } from '../app';
import { fixedClock } from '../platform/clock';
import type { AuthenticatedActor } from '../platform/actor';
import { createCaseService } from '../cases/case.service';
import { createGuard } from '../platform/guard/guard';
import { createAssessmentService, type AssessmentService } from '../assessments/assessment.service';
import { finaliseDaf } from '../assessments/daf-flow';
import { productInput, softInput } from '../assessments/daf-samples';
import { DEMO_ACCOUNTS, upsertDemoAccounts } from './demo-accounts';
import { demoCasePlans, type DafAssessmentPlan } from './demo-cases';
import { seededRandom } from './demo-random';
import { seedDemoAgendas, seedDemoOfficers } from './demo-master-data';
import { seedDemoAssignments } from './demo-assignments';
import { seedCanaries } from './demo-canaries';
import { seedDemoCrownWitness } from './demo-crown-witness';
import { seedDemoPersonCentral } from './demo-person-central';

const DAY = 24 * 60 * 60 * 1000;
const MINUTE = 60 * 1000;
/** Work happens in office hours: 08:00–17:00 UTC (09:00–18:00 in the Dutch winter), not at midnight. */
const OFFICE_START = 8 * 60;
const OFFICE_END = 17 * 60;

const actorOf = (username: string): AuthenticatedActor => {
  const a = DEMO_ACCOUNTS.find((x) => x.username === username);
  if (!a) throw new Error(`no demo account ${username}`);
  return { userId: a.userId, displayName: a.displayName, roles: a.roles, organisation: a.organisation, clearance: a.clearance, unitId: a.unitId ?? null, sessionId: 'demo-seed' };
};

/**
 * Loads the synthetic national picture once: the demo accounts, then ~80 cases driven through
 * the real commands (so events, read models and audit entries are exactly as in live use).
 */
export async function seedDemo(deps: AppDeps): Promise<{ casesCreated: number; accounts: number }> {
  await upsertDemoAccounts(deps.db, deps.clock.now());
  await seedDemoOfficers(deps);
  if ((await listCaseSummaries(deps.db, 'all')).length > 0) {
    await seedDemoAgendas(deps);
    await seedCanaries(deps);
    return { casesCreated: 0, accounts: DEMO_ACCOUNTS.length };
  }
  const random = seededRandom(20261123);
  // Times of day from their own generator, so the days (and so the demo's cases) stay as they were.
  const officeHours = seededRandom(20261124);
  const today = new Date(deps.clock.now().toISOString().slice(0, 10));
  const clock = fixedClock(new Date(today.getTime() - 320 * DAY));
  const guard = createGuard({ db: deps.db, audit: deps.audit });
  const cases = createCaseService({ guard, policies: deps.policies });
  const assessments = createAssessmentService({ guard });
  const plans = demoCasePlans(random);
  for (const [i, plan] of plans.entries()) {
    let day = today.getTime() - (320 - i * 3) * DAY;
    clock.set(new Date(day + officeHours.int(OFFICE_START, OFFICE_END) * MINUTE));
    const ctx = () => ({ traceId: `demo-seed-${i}`, now: clock.now() });
    const registered = await cases.register(ctx(), actorOf('triage'), plan.registration);
    if (!registered.ok) throw new Error(`demo case ${i} not registered: ${registered.error.code}`);
    let version = registered.value.version;
    for (const step of plan.steps) {
      day += random.int(1, 5) * DAY;
      clock.set(new Date(day + officeHours.int(OFFICE_START, OFFICE_END) * MINUTE));
      const command = step.command;
      if (command.type === 'AssessThroughDaf') {
        version = await assessThroughDaf(assessments, ctx, registered.value.caseId, command, i);
        continue;
      }
      const result = await cases.execute(ctx(), actorOf(step.as), registered.value.caseId, version, await resolve(command, cases, ctx, actorOf(step.as), registered.value.caseId));
      if (!result.ok) throw new Error(`demo case ${i} step ${step.command.type} failed: ${result.error.code} ${result.error.message}`);
      version = result.value.version;
    }
  }
  await seedDemoAgendas(deps);
  await seedDemoAssignments(deps, guard, cases, clock, actorOf);
  // Decoys for access anomaly detection (issue 13): registered last, like any new case.
  await seedCanaries(deps);
  await seedDemoCrownWitness(deps.db, guard, cases, clock, actorOf);
  // The person central (issue 12): contact log, agreements, care and employer on every case in force.
  await seedDemoPersonCentral(deps.db, guard, cases, clock, actorOf, deps.clock.now());
  return { casesCreated: plans.length, accounts: DEMO_ACCOUNTS.length };
}

/**
 * Approval steps need the id of the decision proposed in an earlier step; a proposal takes the
 * threat level of the latest assessment and, when it deviates, offers one level heavier.
 */
async function resolve(command: CaseCommand, cases: ReturnType<typeof createCaseService>, ctx: () => { traceId: string; now: Date }, actor: AuthenticatedActor, caseId: string): Promise<CaseCommand> {
  if (command.type === 'ProposeDecision') return resolveProposal(command, cases, ctx, actor, caseId);
  if (command.type !== 'ApproveDecision') return command;
  const view = await cases.view(ctx(), actor, caseId);
  const decisionId = view.ok ? view.value.decision?.pending?.decisionId : undefined;
  if (!decisionId) throw new Error('demo seed: no pending decision to approve');
  return { ...command, decisionId };
}

type Proposal = Extract<CaseCommand, { type: 'ProposeDecision' }>;
const HEAVIER = { R1: 'R2', R2: 'R3', R3: 'R4', R4: 'R4' } as const;

async function resolveProposal(command: Proposal, cases: ReturnType<typeof createCaseService>, ctx: () => { traceId: string; now: Date }, actor: AuthenticatedActor, caseId: string): Promise<Proposal> {
  const view = await cases.view(ctx(), actor, caseId);
  const threatLevel = (view.ok && view.value.assessments?.at(-1)?.threatLevel) || command.facts.threatLevel;
  const facts = { ...command.facts, threatLevel };
  if (!command.deviationMotivation) return { ...command, facts };
  const policy = await loadBundledPolicyInEffect(ctx().now.toISOString().slice(0, 10));
  const proposed = policy.ok ? proposePackage(policy.value, facts) : undefined;
  if (!proposed?.ok) return { ...command, facts, deviationMotivation: undefined };
  const p = proposed.value;
  const offered = { resistanceLevel: HEAVIER[p.resistanceLevel], measures: { ...p.measures, home: [...new Set([...p.measures.home, 'camera_surveillance_home'])] }, careModules: p.careModules, reviewPeriodMonths: 3 };
  return { ...command, facts, offered };
}

const daysFromNow = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);

/**
 * The plan's assessment step goes through the DAF as analysts work: a product and soft
 * information, a draft, challenge by the second analyst, finalisation (which records it in the
 * case). Every fifth assessment has an assumption already due for re-test, so the demo shows it.
 */
async function assessThroughDaf(assessments: AssessmentService, ctx: () => { traceId: string; now: Date }, caseId: string, plan: DafAssessmentPlan, i: number): Promise<number> {
  const today = ctx().now.toISOString().slice(0, 10);
  const items = [productInput(today, { validUntil: plan.validUntil }), softInput(today)];
  const retestOn = i % 5 === 0 ? daysFromNow(-7) : daysFromNow(45);
  const done = await finaliseDaf(assessments, ctx, actorOf('analist'), actorOf('analist2'), caseId, { validUntil: plan.validUntil, threat: plan.threatLevel, items, retestOn, dissent: i % 4 === 0 });
  return done.caseVersion;
}
