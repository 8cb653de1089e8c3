import { assessment, dafVersionMarking, decideCase, fail, type CaseState, type Classification, type Result, ok } from '@hoeder/domain';
import type { AssessmentCommandAccepted } from '@hoeder/contracts';
import { appendAssessmentEvents, keepAssessmentSnapshot, saveAssessmentSummary, type CaseWriteGrant, type Db, type DafWriteGrant } from '@hoeder/db';
import type { AuthenticatedActor, RequestContext } from '../platform/actor';
import { caseStream } from '../cases/case-stream';
import { dafCommand, type DafAccess } from '../platform/guard/daf-check';
import type { Guard } from '../platform/guard/guard';
import { prepareStreamCommand, versionConflict, type Prepared, type StreamAdapter } from '../platform/guard/stream-command';
import { dafAssessmentId } from './daf-ids';

type AssessmentCommand = assessment.AssessmentCommand;
type AssessmentState = assessment.AssessmentState;

/** The DAF stream (ADR 0009) for the stream pipeline; the read model carries numbers and the record's marking. */
function dafStream(trx: Db, grant: DafWriteGrant, daf: DafAccess, now: Date): StreamAdapter<AssessmentState, assessment.AssessmentEventBody, assessment.RecordedAssessmentEvent> {
  return {
    name: 'assessment',
    // The check loaded the record in this transaction (snapshot plus tail): not read twice.
    load: async () => daf.state,
    evolve: (state, events) => assessment.projectAssessment(events, state),
    version: (state) => state?.version ?? 0,
    recorded: (e, version) => ({ body: e.body, actorId: e.actorId, occurredAt: e.occurredAt.toISOString(), caseId: grant.caseId, version }),
    append: (expected, events) => appendAssessmentEvents(trx, grant, expected, events),
    save: async (next) => {
      await saveAssessmentSummary(trx, grant, next, assessment.recordClassification(daf.access.summary.classification as Classification, next.versions), now);
      await keepAssessmentSnapshot(trx, grant, next, daf.snapshotVersion, now);
    },
  };
}

/**
 * The bridge to the case lifecycle (ADR 0009): a finalised DAF version is recorded in the case
 * stream as `AssessmentRecorded`, through the same stream pipeline, in the same transaction, so
 * the case moves on and decisions link to the exact DAF version. The event holds the reference
 * and the version's marking (ADR 0015). Decided before anything is appended: a refusal leaves both
 * streams as they were.
 */
async function prepareBridge(trx: Db, ctx: RequestContext, actor: AuthenticatedActor, grant: CaseWriteGrant, state: AssessmentState): Promise<Result<Prepared<CaseState>>> {
  const final = assessment.currentFinal(state);
  if (!final?.content.judgement || !final.validUntil) return fail('INVALID_TRANSITION', 'no final assessment to record');
  const command = {
    type: 'RecordAssessment' as const,
    assessmentId: dafAssessmentId(grant.caseId, final.versionNumber),
    // A reference and the version's marking, never its content (high-water mark, ADR 0015).
    assessmentVersion: final.versionNumber,
    marking: dafVersionMarking(final.content.classification),
    validUntil: final.validUntil,
    ...(final.expectedDuration ? { expectedDuration: final.expectedDuration } : {}),
  };
  return prepareStreamCommand(ctx, actor, {
    stream: caseStream(trx, grant, ctx.now),
    expectedVersion: 'current',
    decide: (caseState) => decideCase(caseState, command, { actorId: actor.userId, now: ctx.now.toISOString() }),
  });
}

export function createAssessmentCommands({ guard, templates }: { guard: Guard; templates: readonly assessment.MethodTemplate[] }) {
  /**
   * Runs a DAF command through the guarded layer and the stream pipeline; finalising also prepares
   * the case command, and both commit only when both were decided.
   */
  async function execute(ctx: RequestContext, actor: AuthenticatedActor, caseId: string, expectedVersion: number, command: AssessmentCommand): Promise<Result<AssessmentCommandAccepted>> {
    const access = {
      operation: `assessment.command.${command.type}`,
      objectType: 'assessment',
      objectId: caseId,
      dataSubjectId: caseId,
      check: dafCommand(caseId, command),
      conflict: () => versionConflict('assessment'),
    };
    return guard.withAccess(ctx, actor, access, async ({ trx, grant, note }) => {
      const prepared = await prepareStreamCommand(ctx, actor, {
        stream: dafStream(trx, grant.write, grant.daf, ctx.now),
        expectedVersion,
        decide: (state) => assessment.decideAssessment(state, command, { actorId: actor.userId, actorRoles: actor.roles, now: ctx.now.toISOString(), templates }),
      });
      if (!prepared.ok) return prepared;
      const bridge = command.type === 'FinaliseAssessment' ? await prepareBridge(trx, ctx, actor, grant.bridge, prepared.value.state) : undefined;
      if (bridge && !bridge.ok) return bridge;
      const version = await prepared.value.commit();
      const caseVersion = bridge?.ok ? await bridge.value.commit() : undefined;
      const itemId = command.type === 'RegisterItem' ? command.item.itemId : undefined;
      note({ version, caseVersion, itemId });
      return ok({ caseId, version, ...(caseVersion ? { caseVersion } : {}), ...(itemId ? { itemId } : {}) });
    });
  }

  return { execute };
}
