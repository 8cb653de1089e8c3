import { randomUUID } from 'node:crypto';
import { fail, highWaterMark, learning, ok, type LearningAction, type Result } from '@hoeder/domain';
import type { CaseLearningView, CloseEvaluationRequest, OpenEvaluationRequest, RecordContributionRequest, RecordIncidentRequest, RecordLessonRequest, RecordPersonExperienceRequest } from '@hoeder/contracts';
import { appendEvaluationEvents, findUsersByIds, insertIncident, insertLesson, loadEvaluationStreams, loadIncidents } from '@hoeder/db';
import { actingRole, type AuthenticatedActor, type RequestContext } from '../platform/actor';
import { learningRead, learningWrite } from '../platform/guard/learning-check';
import type { Guard } from '../platform/guard/guard';
import { buildLearningView, namedUsers, readableLearning } from './learning-view';

type EvaluationStep =
  | { type: 'contribution'; input: RecordContributionRequest }
  | { type: 'person_experience'; input: RecordPersonExperienceRequest }
  | { type: 'lesson'; input: RecordLessonRequest }
  | { type: 'close'; input: CloseEvaluationRequest };

const STEP_ACTION: Record<EvaluationStep['type'], LearningAction> = { contribution: 'contribute', person_experience: 'personExperience', lesson: 'leadEvaluation', close: 'leadEvaluation' };

function command(step: EvaluationStep): learning.EvaluationCommand {
  switch (step.type) {
    case 'contribution':
      return { type: 'RecordContribution', answers: step.input.answers };
    case 'person_experience':
      return { type: 'RecordPersonExperience', experience: step.input.experience, declined: step.input.declined };
    case 'lesson': {
      const { expectedVersion: _v, ...lesson } = step.input;
      return { type: 'RecordLesson', lessonId: randomUUID(), ...lesson };
    }
    case 'close':
      return { type: 'CloseEvaluation', conclusion: step.input.conclusion };
  }
}

/**
 * Incidents and evaluations of a case (issue 14) on the guarded layer: read through the case's
 * need-to-know and each record's marking; written by the roles of `LEARNING_ROLES` with a real
 * basis on the case. The evaluation is a stream of its own (optimistic concurrency, as-of).
 */
export function createLearningService({ guard }: { guard: Guard }) {
  const onCase = (operation: string, caseId: string) => ({ operation, objectType: 'case', objectId: caseId, dataSubjectId: caseId });

  return {
    view: (ctx: RequestContext, actor: AuthenticatedActor, caseId: string, asOf?: Date): Promise<Result<CaseLearningView>> =>
      guard.withAccess(ctx, actor, { ...onCase('learning.view', caseId), check: learningRead(caseId) }, async ({ trx, grant, note }) => {
        const facts = await readableLearning(trx, actor, caseId, grant, asOf?.toISOString());
        const names = new Map((await findUsersByIds(trx, namedUsers(facts))).map((u) => [u.userId, u.displayName]));
        note({ incidentIds: facts.incidents.map((i) => i.incidentId), evaluationIds: facts.evaluations.map((e) => e.evaluationId), ...(asOf ? { asOf: asOf.toISOString() } : {}) });
        return ok(buildLearningView(actor, caseId, grant, facts, asOf, ctx.now, names));
      }),

    recordIncident: (ctx: RequestContext, actor: AuthenticatedActor, caseId: string, input: RecordIncidentRequest): Promise<Result<{ incidentId: string }>> =>
      guard.withAccess(ctx, actor, { ...onCase('incident.record', caseId), check: learningWrite(caseId, 'recordIncident') }, async ({ trx, grant, note }) => {
        const marking = learning.incidentMarking(input, grant.classification, actor, ctx.now.toISOString());
        if (!marking.ok) return marking;
        const incidentId = randomUUID();
        const record = { incidentId, caseId, kind: input.kind, occurredAt: new Date(input.occurredAt).toISOString(), description: input.description, location: input.location ?? null, marking: marking.value, recordedBy: actor.userId, recordedAt: ctx.now.toISOString() };
        await insertIncident(trx, grant.write, record, actingRole(actor));
        note({ incidentId, kind: input.kind, classification: marking.value.classification });
        return ok({ incidentId });
      }),

    openEvaluation: (ctx: RequestContext, actor: AuthenticatedActor, caseId: string, input: OpenEvaluationRequest): Promise<Result<{ evaluationId: string }>> =>
      guard.withAccess(ctx, actor, { ...onCase('evaluation.open', caseId), check: learningWrite(caseId, 'leadEvaluation') }, async ({ trx, grant, note }) => {
        const incidents = await loadIncidents(trx, grant.write, [caseId]);
        const incident = incidents.find((i) => i.incidentId === input.incidentId);
        // Derived content keeps its source's marking (ADR 0015): after an incident, at least the incident's.
        const base = { classification: grant.classification, originator: 'NCTV' as const };
        const raised = input.classification ? highWaterMark(base, { ...base, classification: input.classification }) : base;
        const marking = incident ? { ...highWaterMark(raised, incident.marking), originator: 'NCTV' as const } : raised;
        if (!learning.incidentMarking({ classification: marking.classification, occurredAt: ctx.now.toISOString() }, grant.classification, actor, ctx.now.toISOString()).ok) {
          return fail('FORBIDDEN_ACTION', 'you are not cleared for the marking of this evaluation', { field: 'classification' });
        }
        const evaluationId = randomUUID();
        const ctxDomain = { organisation: actor.organisation, incidentIds: new Set(incidents.map((i) => i.incidentId)), caseEnded: grant.access.summary.phase === 'ended' };
        const decided = learning.decideEvaluation(undefined, { type: 'OpenEvaluation', evaluationId, caseId, trigger: input.trigger, incidentId: input.incidentId ?? null, templateKey: input.templateKey, partners: input.partners, marking }, ctxDomain);
        if (!decided.ok) return decided;
        await appendEvaluationEvents(trx, grant.write, evaluationId, 0, decided.value, { id: actor.userId, role: actingRole(actor) }, ctx.now);
        note({ evaluationId, trigger: input.trigger, classification: marking.classification });
        return ok({ evaluationId });
      }),

    step: (ctx: RequestContext, actor: AuthenticatedActor, caseId: string, evaluationId: string, step: EvaluationStep): Promise<Result<{ version: number; lessonId?: string }>> =>
      guard.withAccess(
        ctx,
        actor,
        {
          ...onCase(`evaluation.${step.type}`, caseId),
          check: learningWrite(caseId, STEP_ACTION[step.type]),
          conflict: () => ({ code: 'VERSION_CONFLICT', message: 'the evaluation was changed by someone else; reload and try again' }),
        },
        async ({ trx, grant, note }) => {
          const events = (await loadEvaluationStreams(trx, grant.write, caseId)).get(evaluationId) ?? [];
          const state = learning.projectEvaluation(events);
          if (!state) return fail('NOT_FOUND', 'evaluation not found');
          if (state.version !== step.input.expectedVersion) return fail('VERSION_CONFLICT', 'the evaluation was changed by someone else; reload and try again', { currentVersion: state.version });
          const cmd = command(step);
          const decided = learning.decideEvaluation(state, cmd, { organisation: actor.organisation, incidentIds: new Set(), caseEnded: false });
          if (!decided.ok) return decided;
          await appendEvaluationEvents(trx, grant.write, evaluationId, state.version, decided.value, { id: actor.userId, role: actingRole(actor) }, ctx.now);
          if (cmd.type === 'RecordLesson') {
            const { type: _t, ...lesson } = cmd;
            // A lesson is derived from the evaluation: it keeps the evaluation's marking (ADR 0015).
            await insertLesson(trx, grant.write, { ...lesson, evaluationId, caseId, trigger: state.trigger, classification: state.marking.classification, originator: 'NCTV', recordedAt: ctx.now.toISOString() });
            note({ evaluationId, lessonId: cmd.lessonId });
            return ok({ version: state.version + decided.value.length, lessonId: cmd.lessonId });
          }
          note({ evaluationId });
          return ok({ version: state.version + decided.value.length });
        },
      ),
  };
}

export type LearningService = ReturnType<typeof createLearningService>;
export type { EvaluationStep };
