import { randomUUID } from 'node:crypto';
import type {
  CoordinationCaseList,
  CoordinationView,
  OpenCrownWitnessTrackRequest,
  RecordConsultationRequest,
  RecordDealPublicRequest,
  RecordRiskInventoryRequest,
  RecordWeighingRequest,
  ReviewWeighingRequest,
} from '@hoeder/contracts';
import { appendCoordinationEvent, loadCaseEvents, loadCoordinationEvents, loadCoordinationTeam } from '@hoeder/db';
import {
  coordinationForReader,
  coordinationMarking,
  decideCoordination,
  derivedCoordinationMarking,
  fail,
  mayReadMarking,
  ok,
  projectCase,
  projectCaseAsOf,
  projectCoordination,
  projectCoordinationAsOf,
  resolveParticipants,
  type CoordinationCommand,
  type Participant,
  type ParticipantInput,
  type CoordinationState,
  type Marking,
  type OmRelease,
  type Result,
} from '@hoeder/domain';
import { actingRole, type AuthenticatedActor, type RequestContext } from '../platform/actor';
import { coordinationCaseList, coordinationRead, coordinationWrite, type CoordinationWriting } from '../platform/guard/coordination-check';
import type { Guard } from '../platform/guard/guard';
import { coordinationView, knownEntries, measuresInForce } from './coordination-view';

/** The audit operation of each command. */
const OPERATIONS: Record<CoordinationCommand['type'], string> = {
  CrownWitnessTrackOpened: 'crown_witness.open',
  RiskInventoryRecorded: 'crown_witness.inventory',
  WeighingRecorded: 'coordination.weighing',
  WeighingReviewed: 'coordination.weighing_review',
  DealMadePublic: 'crown_witness.deal_public',
  ConsultationRecorded: 'coordination.consultation',
};

const conflict = () => ({ code: 'VERSION_CONFLICT' as const, message: 'the coordination record was changed by someone else; reload it' });

/** The marking an entry gets: its author's, and for content derived from another entry, that entry's conditions too. */
function markingFor(actor: AuthenticatedActor, grant: CoordinationWriting, state: CoordinationState, cmd: CoordinationCommand, releaseTo: readonly OmRelease[]): Marking {
  const own = coordinationMarking(actor.organisation, grant.classification, releaseTo);
  if (cmd.type === 'WeighingRecorded' && cmd.subject === 'crown_witness' && state.track) return derivedCoordinationMarking(own, state.track.interest.marking);
  if (cmd.type === 'WeighingReviewed') {
    const weighing = state.weighings.find((w) => w.weighingId === cmd.weighingId);
    if (weighing) return derivedCoordinationMarking(own, weighing.marking);
  }
  return own;
}

/**
 * The coordination record of a case on the guarded layer (issue 14 items 3–5, ADR 0025). Every
 * command is decided by the pure domain against the record and the case as it stands (its persons
 * and the measures of the decision in force); a refusal — the deal-public gate above all — is a
 * value the guard audits as such.
 */
export function createCoordinationService({ guard }: { guard: Guard }) {
  /**
   * One command. A weighing or consultation names its participants (users of the case's team by
   * id, externals by name; ADR 0030): `build` gets them resolved, the author always among them.
   */
  async function command(
    ctx: RequestContext,
    actor: AuthenticatedActor,
    caseId: string,
    expectedVersion: number,
    type: CoordinationCommand['type'],
    build: (participants: Participant[]) => CoordinationCommand,
    releaseTo: readonly OmRelease[] = [],
    named?: readonly ParticipantInput[],
  ): Promise<Result<CoordinationView>> {
    const operation = OPERATIONS[type];
    return guard.withAccess(ctx, actor, { operation, objectType: 'case', objectId: caseId, dataSubjectId: caseId, check: coordinationWrite(caseId, type), conflict }, async ({ trx, grant, note }) => {
      const events = await loadCoordinationEvents(trx, grant.write, caseId);
      const full = projectCoordination(caseId, events);
      // A writer without crown-witness need-to-know works on the record as they may know it (ADR 0030).
      const state = coordinationForReader(actor, full);
      if (expectedVersion !== state.version) return fail('VERSION_CONFLICT', `the coordination record is at version ${state.version}, not ${expectedVersion}`, { currentVersion: state.version });
      const team = await loadCoordinationTeam(trx, grant.write, caseId);
      const participants = resolveParticipants(named ?? [], { userId: actor.userId, name: actor.displayName, organisation: actor.organisation }, team);
      if (!participants.ok) return participants;
      const cmd = build(participants.value);
      const caseState = projectCase(await loadCaseEvents(trx, grant.caseFacts));
      const decided = decideCoordination(state, cmd, { actorId: actor.userId, actorName: actor.displayName, actorOrganisation: actor.organisation, casePersonIds: caseState?.persons.map((p) => p.personId) ?? [], measuresInForce: measuresInForce(caseState) });
      if (!decided.ok) {
        // Identifiers only: which gate conditions failed, never content.
        note({ refused: cmd.type, ...(decided.error.details?.blockers ? { blockers: decided.error.details.blockers } : {}) });
        return decided;
      }
      const marking = markingFor(actor, grant, full, decided.value, releaseTo);
      if (!mayReadMarking(actor, marking)) return fail('RULE_VIOLATION', 'this entry would draw on content its originator has not released to you');
      await appendCoordinationEvent(trx, grant.write, { seq: full.version + 1, body: decided.value, marking, actorId: actor.userId, actorRole: actingRole(actor) }, ctx.now);
      note({ seq: full.version + 1, originator: marking.originator });
      const after = projectCoordination(caseId, await loadCoordinationEvents(trx, grant.write, caseId));
      return ok(coordinationView(caseId, { reader: actor, state: after, caseState, showPersons: grant.access.sections.has('persons'), member: true, asOf: null, team }));
    });
  }

  return {
    view: (ctx: RequestContext, actor: AuthenticatedActor, caseId: string, asOf?: Date): Promise<Result<CoordinationView>> =>
      guard.withAccess(ctx, actor, { operation: 'coordination.view', objectType: 'case', objectId: caseId, dataSubjectId: caseId, check: coordinationRead(caseId) }, async ({ trx, grant, note }) => {
        const events = await loadCoordinationEvents(trx, grant.read, caseId);
        const caseEvents = await loadCaseEvents(trx, grant.caseFacts);
        const state = asOf ? projectCoordinationAsOf(caseId, events, asOf) : projectCoordination(caseId, events);
        const caseState = asOf ? projectCaseAsOf(caseEvents, asOf.toISOString()) : projectCase(caseEvents);
        const team = grant.member && !asOf ? await loadCoordinationTeam(trx, grant.read, caseId) : [];
        const view = coordinationView(caseId, { reader: actor, state, caseState, showPersons: grant.access.sections.has('persons'), member: grant.member, asOf: asOf ?? null, team });
        note({ version: view.version, withheld: view.withheld, ...(asOf ? { asOf: asOf.toISOString() } : {}) });
        return ok(view);
      }),

    cases: (ctx: RequestContext, actor: AuthenticatedActor): Promise<Result<CoordinationCaseList>> =>
      guard.withAccess(ctx, actor, { operation: 'coordination.cases', objectType: 'case_list', check: coordinationCaseList() }, async ({ trx, grant }) => {
        // Per case as the reader may know it: a track only with crown-witness need-to-know (ADR 0030).
        const rows = [];
        for (const r of grant.rows) {
          const state = projectCoordination(r.caseId, await loadCoordinationEvents(trx, grant.read, r.caseId));
          rows.push({ caseId: r.caseId, reference: r.reference, phase: r.phase, crownWitness: !!coordinationForReader(actor, state).track, entries: knownEntries(actor, state) });
        }
        return ok(rows);
      }),

    openTrack: (ctx: RequestContext, actor: AuthenticatedActor, caseId: string, input: OpenCrownWitnessTrackRequest) =>
      command(ctx, actor, caseId, input.expectedVersion, 'CrownWitnessTrackOpened', () => ({ type: 'CrownWitnessTrackOpened', witnessPersonId: input.witnessPersonId, investigativeInterest: input.investigativeInterest, prosecutorialInterest: input.prosecutorialInterest }), input.releaseTo),

    recordInventory: (ctx: RequestContext, actor: AuthenticatedActor, caseId: string, input: RecordRiskInventoryRequest) => {
      const { expectedVersion, ...body } = input;
      return command(ctx, actor, caseId, expectedVersion, 'RiskInventoryRecorded', () => ({ type: 'RiskInventoryRecorded', ...body }));
    },

    recordWeighing: (ctx: RequestContext, actor: AuthenticatedActor, caseId: string, input: RecordWeighingRequest) => {
      const { expectedVersion, releaseTo, consultationId, participants: named, ...body } = input;
      return command(ctx, actor, caseId, expectedVersion, 'WeighingRecorded', (participants) => ({ type: 'WeighingRecorded', weighingId: randomUUID(), ...(consultationId ? { consultationId } : {}), ...body, participants }), releaseTo, named);
    },

    review: (ctx: RequestContext, actor: AuthenticatedActor, caseId: string, weighingId: string, input: ReviewWeighingRequest) =>
      command(ctx, actor, caseId, input.expectedVersion, 'WeighingReviewed', () => ({ type: 'WeighingReviewed', weighingId, verdict: input.verdict, findings: input.findings })),

    dealPublic: (ctx: RequestContext, actor: AuthenticatedActor, caseId: string, input: RecordDealPublicRequest) =>
      command(ctx, actor, caseId, input.expectedVersion, 'DealMadePublic', () => ({ type: 'DealMadePublic', note: input.note }), input.releaseTo),

    recordConsultation: (ctx: RequestContext, actor: AuthenticatedActor, caseId: string, input: RecordConsultationRequest) => {
      const { expectedVersion, releaseTo, participants: named, ...body } = input;
      return command(ctx, actor, caseId, expectedVersion, 'ConsultationRecorded', (participants) => ({ type: 'ConsultationRecorded', consultationId: randomUUID(), ...body, participants }), releaseTo, named);
    },
  };
}

export type CoordinationService = ReturnType<typeof createCoordinationService>;
