import { randomUUID } from 'node:crypto';
import type { ArrangementStepRequest, ArrangementsView, ArrangementView, PolicyFactsView, RecordAgreementRequest, RecordCareReferralRequest, RecordEmployerRequest } from '@hoeder/contracts';
import {
  applyArrangementStep,
  insertArrangement,
  insertEmployer,
  loadArrangementEvents,
  loadArrangements,
  loadCaseEvents,
  loadEmployers,
  type ArrangementEventRow,
  type ArrangementRow,
  type Db,
  type ArrangementWriteGrant,
  type CaseReadGrant,
} from '@hoeder/db';
import {
  arrangementAsOf,
  assessment,
  decideArrangement,
  EMPLOYER_DUTIES,
  fail,
  followUpOverdue,
  INITIAL_STATUS,
  ok,
  projectCase,
  SOURCED_FACTS,
  TRANSITIONS,
  type ArrangementKind,
  type CasePhase,
  type CaseState,
  type Result,
  type Transition,
} from '@hoeder/domain';
import type { AuthenticatedActor, RequestContext } from '../platform/actor';
import { arrangementRead, arrangementWrite, policyFactsRead } from '../platform/guard/arrangement-check';
import type { Guard } from '../platform/guard/guard';
import { derivedFactsOf, employersWithDuties } from './derived-facts';

/** Arrangements are made around the decision: from assessment on, not once the case ended or left. */
const RECORDING_PHASES: readonly CasePhase[] = ['in_assessment', 'assessed', 'decision_pending_approval', 'measures_active'];

const today = (now: Date) => now.toISOString().slice(0, 10);

/** The rows and steps as they stood at `asOf` (issue 12, ADR 0031); all of them for now. */
function asOfMoment(rows: readonly ArrangementRow[], events: readonly ArrangementEventRow[], asOf: Date | undefined) {
  if (!asOf) return { rows, events };
  const shownEvents = events.filter((e) => Date.parse(e.occurredAt) <= asOf.getTime());
  const shownRows = rows.flatMap((r) => arrangementAsOf(r, shownEvents.filter((e) => e.arrangementId === r.arrangementId), asOf) ?? []);
  return { rows: shownRows, events: shownEvents };
}

function toView(row: ArrangementRow, events: readonly ArrangementEventRow[], now: Date, past = false): ArrangementView {
  const table = TRANSITIONS[row.kind] as Record<string, Transition>;
  return {
    arrangementId: row.arrangementId,
    kind: row.kind,
    code: row.code,
    personId: row.personId,
    employerId: row.employerId,
    description: row.description,
    consequence: row.consequence,
    owner: row.owner,
    status: row.status,
    followUpOn: row.followUpOn,
    overdue: followUpOverdue(row, today(now)),
    version: row.version,
    // No step can be taken on a past state.
    actions: past ? [] : Object.entries(table).filter(([, t]) => t.from.includes(row.status)).map(([a]) => a),
    events: events.filter((e) => e.arrangementId === row.arrangementId).map(({ arrangementId: _a, owner: _o, ...e }) => e),
  };
}

async function caseState(trx: Db, grant: CaseReadGrant): Promise<CaseState | undefined> {
  return projectCase(await loadCaseEvents(trx, grant));
}

/** The person must be one registered on the case; the case in a phase that takes arrangements. */
function checkTarget(state: CaseState | undefined, personId: string): Result<CaseState> {
  if (!state) return fail('NOT_FOUND', 'case not found');
  if (!RECORDING_PHASES.includes(state.phase)) return fail('INVALID_TRANSITION', `arrangements are recorded from assessment until the case ends, not in phase ${state.phase}`, { phase: state.phase });
  if (!state.persons.some((p) => p.personId === personId)) return fail('VALIDATION_FAILED', 'the person is not registered on this case', { field: 'personId' });
  return ok(state);
}

function checkFollowUp(followUpOn: string | undefined, now: Date): Result<string | null> {
  if (followUpOn && followUpOn < today(now)) return fail('VALIDATION_FAILED', 'a follow-up date cannot lie in the past', { field: 'followUpOn' });
  return ok(followUpOn ?? null);
}

/**
 * Agreements, care referrals and the employer's duties (issue 12 items 4–7) on the guarded layer:
 * read per kind under need-to-know, recorded by the liaison on the case, every step an event.
 */
export function createArrangementService({ guard }: { guard: Guard }) {
  const onCase = (operation: string, caseId: string) => ({ operation, objectType: 'case', objectId: caseId, dataSubjectId: caseId });
  const writeAccess = (operation: string, caseId: string) => ({
    ...onCase(operation, caseId),
    check: arrangementWrite(caseId),
    conflict: () => ({ code: 'VERSION_CONFLICT' as const, message: 'the arrangement was changed by someone else; reload it' }),
  });

  async function insertNew(trx: Db, grant: ArrangementWriteGrant, actor: AuthenticatedActor, now: Date, row: { kind: ArrangementKind; code: string; personId: string; employerId?: string; description: string; consequence?: string; owner?: string; followUpOn: string | null }) {
    const arrangementId = randomUUID();
    await insertArrangement(trx, grant, { arrangementId, kind: row.kind, code: row.code, personId: row.personId, employerId: row.employerId ?? null, description: row.description, consequence: row.consequence ?? null, owner: row.owner ?? null, status: INITIAL_STATUS[row.kind], followUpOn: row.followUpOn, createdBy: actor.userId }, now);
    return arrangementId;
  }

  return {
    /** Now, or (with `asOf`) as they stood at that moment: only what was recorded by then, with its status then. */
    view: (ctx: RequestContext, actor: AuthenticatedActor, caseId: string, asOf?: Date): Promise<Result<ArrangementsView>> =>
      guard.withAccess(ctx, actor, { ...onCase('arrangements.view', caseId), check: arrangementRead(caseId) }, async ({ trx, grant, note }) => {
        const state = await caseState(trx, grant.caseRead);
        const { rows, events } = asOfMoment(await loadArrangements(trx, grant.read), await loadArrangementEvents(trx, grant.read), asOf);
        // Overdue as it was at the moment shown.
        const at = asOf ?? ctx.now;
        const past = asOf !== undefined;
        const views = (kind: ArrangementKind) => (grant.read.kinds.has(kind) ? rows.filter((r) => r.kind === kind).map((r) => toView(r, events, at, past)) : null);
        const recorded = (await loadEmployers(trx, grant.read)).filter((e) => !asOf || Date.parse(e.createdAt) <= asOf.getTime());
        const employers = grant.read.kinds.has('employer_duty')
          ? employersWithDuties(recorded, rows).map(({ employer, duties }) => ({ employerId: employer.employerId, personId: employer.personId, name: employer.name, contact: employer.contact, duties: duties.map((d) => toView(d, events, at, past)) }))
          : null;
        const persons = grant.access.sections.has('persons') ? (state?.persons ?? []).map((p) => ({ personId: p.personId, fullName: p.fullName, role: p.role, relation: p.relation ?? null })) : [];
        note({ arrangements: rows.length, ...(asOf ? { asOf: asOf.toISOString() } : {}) });
        return ok({ caseId, asOf: asOf?.toISOString() ?? null, mayEdit: grant.mayEdit && !past, persons, agreements: views('agreement'), care: views('care'), employers });
      }),

    recordAgreement: (ctx: RequestContext, actor: AuthenticatedActor, caseId: string, input: RecordAgreementRequest): Promise<Result<{ arrangementId: string }>> =>
      guard.withAccess(ctx, actor, writeAccess('arrangements.agreement.record', caseId), async ({ trx, grant, note }) => {
        const target = checkTarget(await caseState(trx, grant.caseRead), input.personId);
        if (!target.ok) return target;
        const followUpOn = checkFollowUp(input.followUpOn, ctx.now);
        if (!followUpOn.ok) return followUpOn;
        const arrangementId = await insertNew(trx, grant.write, actor, ctx.now, { kind: 'agreement', code: input.type, personId: input.personId, description: input.description.trim(), consequence: input.consequence.trim(), followUpOn: followUpOn.value });
        note({ arrangementId, type: input.type });
        return ok({ arrangementId });
      }),

    recordCare: (ctx: RequestContext, actor: AuthenticatedActor, caseId: string, input: RecordCareReferralRequest): Promise<Result<{ arrangementId: string }>> =>
      guard.withAccess(ctx, actor, writeAccess('arrangements.care.record', caseId), async ({ trx, grant, note }) => {
        const target = checkTarget(await caseState(trx, grant.caseRead), input.personId);
        if (!target.ok) return target;
        const followUpOn = checkFollowUp(input.followUpOn, ctx.now);
        if (!followUpOn.ok) return followUpOn;
        const arrangementId = await insertNew(trx, grant.write, actor, ctx.now, { kind: 'care', code: input.module, personId: input.personId, description: input.description.trim(), followUpOn: followUpOn.value });
        note({ arrangementId, module: input.module });
        return ok({ arrangementId });
      }),

    /** An employer per person, with its five duties opened at once under the named owner. */
    recordEmployer: (ctx: RequestContext, actor: AuthenticatedActor, caseId: string, input: RecordEmployerRequest): Promise<Result<{ employerId: string }>> =>
      guard.withAccess(ctx, actor, writeAccess('arrangements.employer.record', caseId), async ({ trx, grant, note }) => {
        const target = checkTarget(await caseState(trx, grant.caseRead), input.personId);
        if (!target.ok) return target;
        const followUpOn = checkFollowUp(input.followUpOn, ctx.now);
        if (!followUpOn.ok) return followUpOn;
        if ((await loadEmployers(trx, grant.write)).some((e) => e.personId === input.personId)) return fail('INVALID_TRANSITION', 'this person already has an employer recorded on the case');
        const employerId = randomUUID();
        await insertEmployer(trx, grant.write, { employerId, personId: input.personId, name: input.name.trim(), contact: input.contact.trim(), createdBy: actor.userId }, ctx.now);
        for (const duty of EMPLOYER_DUTIES) {
          await insertNew(trx, grant.write, actor, ctx.now, { kind: 'employer_duty', code: duty, personId: input.personId, employerId, description: '', owner: input.owner.trim(), followUpOn: followUpOn.value });
        }
        note({ employerId });
        return ok({ employerId });
      }),

    step: (ctx: RequestContext, actor: AuthenticatedActor, caseId: string, arrangementId: string, input: ArrangementStepRequest): Promise<Result<ArrangementView>> =>
      guard.withAccess(ctx, actor, writeAccess('arrangements.step', caseId), async ({ trx, grant, note }) => {
        const row = (await loadArrangements(trx, grant.write)).find((r) => r.arrangementId === arrangementId);
        if (!row) return fail('NOT_FOUND', 'arrangement not found');
        if (input.owner !== undefined && row.kind !== 'employer_duty') return fail('VALIDATION_FAILED', 'only an employer duty has an owner', { field: 'owner' });
        if (input.expectedVersion !== row.version) return fail('VERSION_CONFLICT', `the arrangement is at version ${row.version}, not ${input.expectedVersion}`, { currentVersion: row.version });
        const change = decideArrangement(row.kind, row.status, input, ctx.now.toISOString());
        if (!change.ok) return change;
        const c = change.value;
        const done = await applyArrangementStep(trx, grant.write, { arrangementId, expectedVersion: row.version, action: c.action, from: c.from, to: c.to, note: c.note, followUpOn: c.followUpOn, owner: input.owner?.trim(), currentOwner: row.owner, actorId: actor.userId }, ctx.now);
        if (!done) return fail('VERSION_CONFLICT', 'the arrangement was changed by someone else; reload it');
        note({ arrangementId, action: c.action, from: c.from, to: c.to });
        const updated = { ...row, status: c.to, followUpOn: c.followUpOn, version: row.version + 1, ...(input.owner !== undefined ? { owner: input.owner.trim() } : {}) };
        return ok(toView(updated, [], ctx.now));
      }),

    /** The decision form's facts with their sources, and the DAF's required resistance next to them. */
    policyFacts: (ctx: RequestContext, actor: AuthenticatedActor, caseId: string): Promise<Result<PolicyFactsView>> =>
      guard.withAccess(ctx, actor, { ...onCase('case.policy.facts', caseId), check: policyFactsRead(caseId) }, async ({ trx, grant }) => {
        const state = await caseState(trx, grant.read);
        const derived = await derivedFactsOf(trx, grant.arrangements, state, ctx.now);
        const seesJudgement = grant.daf?.state && grant.daf.view.parts.includes('judgement');
        const final = seesJudgement ? assessment.currentFinal(grant.daf!.state!) : undefined;
        return ok({
          caseId,
          facts: SOURCED_FACTS.map((f) => derived[f]),
          requiredResistance: final?.content.judgement?.requiredResistance.level ?? null,
          assessmentVersion: final?.versionNumber ?? null,
        });
      }),
  };
}

export type ArrangementService = ReturnType<typeof createArrangementService>;
