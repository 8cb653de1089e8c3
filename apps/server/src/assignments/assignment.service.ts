import {
  applyAssignment,
  decideAssignment,
  assignmentStatus,
  fail,
  isTaskable,
  mayOnAssignments,
  ok,
  projectCase,
  type AssignmentCommand,
  type AssignmentContent,
  type Result,
  type Unit,
} from '@hoeder/domain';
import type { AssignmentCommandAccepted, AssignmentDetail, AssignmentInbox, AssignmentListItem, AssignmentUnitDto, OperationalExtract } from '@hoeder/contracts';
import { listUnits, loadAssignmentStates, loadAssignmentVersions, loadCaseEvents, saveAssignmentEvents, type AssignmentGrant, type AssignmentRef, type Db } from '@hoeder/db';
import type { AuthenticatedActor, RequestContext } from '../platform/actor';
import { assignmentCheck, assignmentInbox, caseAssignmentCheck, extractCheck, unitAssignments } from '../platform/guard/assignment-check';
import { roleCheck, type Guard } from '../platform/guard/guard';
import { conceptDtos, detail, inbox, listItem } from './assignment-view';
import { noAgenda, type OperationalAgendaSource } from './operational-extract';

export interface AssignmentServiceDeps {
  guard: Guard;
  /** The person's agenda for the extract; wired by the composition root (see operational-extract.ts). */
  agenda?: OperationalAgendaSource;
}

const unitMap = async (trx: Db) => new Map((await listUnits(trx, { includeInactive: true })).map((u) => [u.unitId, u]));
const OBJECT = 'security_assignment';
const STEP_ACTION = { AcceptVersion: 'accept', TaskUnits: 'task', RecordConcept: 'recordConcept', AcknowledgeAssignment: 'acknowledge' } as const;

/** The LCC's inbox and tasking and the units' acknowledgement, each through the guarded layer. */
export function createAssignmentService({ guard, agenda = noAgenda }: AssignmentServiceDeps) {
  const on = (operation: string, assignmentId?: string) => ({ operation, objectType: OBJECT, objectId: assignmentId });

  async function items(trx: Db, grant: AssignmentGrant, refs: AssignmentRef[], now: Date): Promise<AssignmentListItem[]> {
    const [states, units] = [await loadAssignmentStates(trx, grant), await unitMap(trx)];
    const byId = new Map(states.map((s) => [s.assignmentId, s]));
    return refs.flatMap((r) => {
      const state = byId.get(r.assignmentId);
      return state ? [listItem(state, r, units, now)] : [];
    });
  }

  /** One step of the lifecycle: lock, decide (pure), store, in one audited transaction. */
  async function step(ctx: RequestContext, actor: AuthenticatedActor, assignmentId: string, command: AssignmentCommand): Promise<Result<AssignmentCommandAccepted>> {
    return guard.withAccess(ctx, actor, { ...on(`assignment.${STEP_ACTION[command.type]}`, assignmentId), check: assignmentCheck(assignmentId, STEP_ACTION[command.type]) }, async ({ trx, grant, note }) => {
      const [state] = await loadAssignmentStates(trx, grant.grant, { forUpdate: true });
      if (!state) return fail('NOT_FOUND', 'assignment not found');
      const units = [...(await unitMap(trx)).values()];
      const context = { actorId: actor.userId, now: ctx.now.toISOString(), units, caseClassification: grant.ref.classification };
      const decided = decideAssignment(state, command, context);
      if (!decided.ok) return decided;
      await saveAssignmentEvents(trx, grant.grant, assignmentId, decided.value, actor.userId, ctx.now);
      // Identifiers only: a concept's text never reaches the audit log.
      note({ caseId: state.caseId, events: decided.value.map((e) => (e.type === 'ConceptRecorded' ? { type: e.type, domain: e.concept.domain } : e)) });
      return ok({ assignmentId, status: assignmentStatus(applyAssignment(state, decided.value, context)) });
    });
  }

  return {
    inbox: (ctx: RequestContext, actor: AuthenticatedActor): Promise<Result<AssignmentInbox>> =>
      guard.withAccess(ctx, actor, { ...on('assignment.inbox'), check: assignmentInbox() }, async ({ trx, grant }) => ok(inbox(await items(trx, grant.grant, grant.refs, ctx.now)))),

    mine: (ctx: RequestContext, actor: AuthenticatedActor): Promise<Result<AssignmentListItem[]>> =>
      guard.withAccess(ctx, actor, { ...on('assignment.mine'), check: unitAssignments() }, async ({ trx, grant }) => {
        const list = await items(trx, grant.grant, grant.refs, ctx.now);
        // A unit sees its own tasking, not which other units share the assignment.
        return ok(list.map((i) => ({ ...i, units: i.units.filter((u) => u.unitId === actor.unitId), unacknowledged: i.units.filter((u) => u.unitId === actor.unitId && u.waitingSince).length })));
      }),

    view: (ctx: RequestContext, actor: AuthenticatedActor, assignmentId: string): Promise<Result<AssignmentDetail>> =>
      guard.withAccess(ctx, actor, { ...on('assignment.view', assignmentId), check: assignmentCheck(assignmentId, 'view') }, async ({ trx, grant, note }) => {
        const [state] = await loadAssignmentStates(trx, grant.grant);
        if (!state) return fail('NOT_FOUND', 'assignment not found');
        const versions = await loadAssignmentVersions(trx, grant.grant, assignmentId);
        note({ versions: versions.map((v) => v.version), conceptDomains: state.concepts.map((c) => c.domain) });
        return ok(detail(state, grant.ref, versions, await unitMap(trx), ctx.now, grant.grant.concepts ? actor : null));
      }),

    caseSection: (ctx: RequestContext, actor: AuthenticatedActor, caseId: string): Promise<Result<AssignmentDetail | null>> =>
      guard.withAccess(ctx, actor, { operation: 'assignment.case_section', objectType: 'case', objectId: caseId, dataSubjectId: caseId, check: caseAssignmentCheck(caseId) }, async ({ trx, grant, note }) => {
        const [state] = await loadAssignmentStates(trx, grant.grant);
        if (!state || !grant.ref) return ok(null);
        const versions = await loadAssignmentVersions(trx, grant.grant, state.assignmentId);
        note({ assignmentId: state.assignmentId, versions: versions.map((v) => v.version) });
        return ok(detail(state, grant.ref, versions, await unitMap(trx), ctx.now, grant.grant.concepts ? actor : null));
      }),

    extract: (ctx: RequestContext, actor: AuthenticatedActor, assignmentId: string): Promise<Result<OperationalExtract>> =>
      guard.withAccess(ctx, actor, { ...on('assignment.extract', assignmentId), check: extractCheck(assignmentId) }, async ({ trx, grant, note }) => {
        const [state] = await loadAssignmentStates(trx, grant.grant);
        const versions = await loadAssignmentVersions(trx, grant.grant, assignmentId);
        const accepted = versions.find((v) => v.version === state?.acceptedVersion);
        if (!state || accepted?.kind !== 'issued') return fail('NOT_FOUND', 'assignment not found');
        const caseState = projectCase(await loadCaseEvents(trx, grant.caseRead));
        // Only the threatened person's name: never the household, intake, triage or assessment.
        const person = caseState?.persons.find((p) => p.role === 'threatened_person');
        const unitId = actor.roles.includes('lcc_coordinator') ? null : (actor.unitId ?? null);
        const tasking = state.taskings.find((t) => t.unitId === unitId);
        const items = await agenda(trx, { caseId: state.caseId, unitId, measures: Object.values(accepted.content.measures).flat(), now: ctx.now });
        note({ caseId: state.caseId, version: accepted.version, agendaItems: items.map((i) => i.activityId) });
        return ok(extractOf(state.assignmentId, state.caseId, grant.ref.reference, accepted.version, accepted.content, person?.fullName ?? '', conceptDtos(state, actor), items, tasking?.acknowledgedVersion ?? null));
      }),

    taskableUnits: (ctx: RequestContext, actor: AuthenticatedActor): Promise<Result<AssignmentUnitDto[]>> =>
      guard.withAccess(ctx, actor, { operation: 'assignment.units', objectType: 'unit', check: roleCheck((a) => mayOnAssignments(a, 'task'), 'only the LCC tasks units', 'protection.execution') }, async ({ trx }) =>
        ok((await listUnits(trx)).filter(isTaskable).map((u: Unit) => ({ unitId: u.unitId, name: u.name, kind: u.kind, organisation: u.organisation }))),
      ),

    accept: (ctx: RequestContext, actor: AuthenticatedActor, assignmentId: string, version: number) => step(ctx, actor, assignmentId, { type: 'AcceptVersion', version }),
    task: (ctx: RequestContext, actor: AuthenticatedActor, assignmentId: string, unitIds: string[]) => step(ctx, actor, assignmentId, { type: 'TaskUnits', unitIds }),
    recordConcept: (ctx: RequestContext, actor: AuthenticatedActor, assignmentId: string, domain: Extract<AssignmentCommand, { type: 'RecordConcept' }>['domain'], concept: string) =>
      step(ctx, actor, assignmentId, { type: 'RecordConcept', domain, concept }),
    acknowledge: (ctx: RequestContext, actor: AuthenticatedActor, assignmentId: string, version: number) =>
      step(ctx, actor, assignmentId, { type: 'AcknowledgeAssignment', unitId: actor.unitId ?? '', version }),
  };
}

function extractOf(
  assignmentId: string,
  caseId: string,
  reference: string,
  version: number,
  c: AssignmentContent,
  personName: string,
  concepts: OperationalExtract['concepts'],
  agenda: OperationalExtract['agenda'],
  acknowledgedVersion: number | null,
): OperationalExtract {
  return {
    assignmentId,
    caseId,
    reference,
    acceptedVersion: version,
    personName,
    resistanceLevel: c.resistanceLevel,
    measures: c.measures,
    careModules: c.careModules,
    validFrom: c.validFrom,
    validUntil: c.validUntil,
    reviewDate: c.reviewDate,
    concepts,
    agenda,
    acknowledgedVersion,
  };
}

export type AssignmentService = ReturnType<typeof createAssignmentService>;
