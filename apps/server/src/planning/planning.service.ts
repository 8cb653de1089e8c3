import { randomUUID } from 'node:crypto';
import type { StartPlanningRunRequest } from '@hoeder/contracts';
import { enqueueJob, findPlanningRun, finishPlanningRun, insertPlanningRun, listPlanningRuns, requestRunCancel, type PlanningRunRow } from '@hoeder/db';
import { fail, ok } from '@hoeder/domain';
import type { AuthenticatedActor, RequestContext } from '../platform/actor';
import type { Guard } from '../platform/guard/guard';
import { rosterPlanning } from '../platform/guard/roster-check';
import { PLANNING_JOB } from './planning-job';

export const runView = (r: PlanningRunRow) => ({
  runId: r.runId, startDate: r.startDate, days: r.days, status: r.status, phase: r.phase, progress: r.progress, quality: r.quality,
  cancelRequested: r.cancelRequested, failure: r.failure, versionId: r.versionId, requestedAt: r.requestedAt.toISOString(), finishedAt: r.finishedAt?.toISOString() ?? null,
  kind: r.kind, parentVersionId: r.parentVersionId, elapsedMs: r.elapsedMs,
});
const view = runView;
export type PlanningRunView = ReturnType<typeof view>;

/** Planning runs (ADR 0019): the LCC coordinator starts one for a period, follows its progress and may cancel it. */
export function createPlanningService({ guard }: { guard: Guard }) {
  const access = (operation: string, objectId?: string) => ({ operation, objectType: 'planning_run', objectId, check: rosterPlanning() });

  return {
    start: (ctx: RequestContext, actor: AuthenticatedActor, req: StartPlanningRunRequest) =>
      guard.withAccess(ctx, actor, access('planning.run.start'), async ({ trx, grant, note }) => {
        const runId = randomUUID();
        const jobId = randomUUID();
        // The job and its run in one transaction: a run exists exactly when its job does.
        await enqueueJob(trx, { jobId, kind: PLANNING_JOB, payload: { runId }, maxAttempts: 2, now: new Date() });
        await insertPlanningRun(trx, grant, { runId, jobId, startDate: req.startDate, days: req.days, requestedBy: actor.userId, now: ctx.now });
        note({ runId, startDate: req.startDate, days: req.days });
        return ok(view((await findPlanningRun(trx, runId))!));
      }),

    list: (ctx: RequestContext, actor: AuthenticatedActor) =>
      guard.withAccess(ctx, actor, access('planning.run.list'), async ({ trx }) => ok({ runs: (await listPlanningRuns(trx, 20)).map(view) })),

    get: (ctx: RequestContext, actor: AuthenticatedActor, runId: string) =>
      guard.withAccess(ctx, actor, access('planning.run.read', runId), async ({ trx }) => {
        const run = await findPlanningRun(trx, runId);
        return run ? ok(view(run)) : fail('NOT_FOUND', 'planning run not found');
      }),

    cancel: (ctx: RequestContext, actor: AuthenticatedActor, runId: string) =>
      guard.withAccess(ctx, actor, access('planning.run.cancel', runId), async ({ trx, grant }) => {
        const run = await findPlanningRun(trx, runId);
        if (!run) return fail('NOT_FOUND', 'planning run not found');
        if (run.status !== 'queued' && run.status !== 'running') return fail('INVALID_TRANSITION', `the run has ended (${run.status})`);
        await requestRunCancel(trx, grant, runId, ctx.now);
        // Not started yet: ends now; its job finds the run ended and does nothing.
        if (run.status === 'queued') await finishPlanningRun(trx, runId, { status: 'cancelled', now: ctx.now });
        return ok(view((await findPlanningRun(trx, runId))!));
      }),
  };
}

export type PlanningService = ReturnType<typeof createPlanningService>;
