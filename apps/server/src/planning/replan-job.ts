import { randomUUID } from 'node:crypto';
import type { DisruptionRequest } from '@hoeder/contracts';
import { findPlanningRun, findReplanWork, findRosterVersion, finishPlanningRun, insertRosterVersion, updateRunProgress, type Database, type Db } from '@hoeder/db';
import type { Kysely } from 'kysely';
import type { JobContext, JobHandler } from '../platform/jobs/job-runner';
import { replanJobGrant } from '../platform/guard/roster-check';
import { replanDisruption, toChange } from './disruption';
import type { PlanningInput } from './planning-input';
import { qualityOf, type RosterPlan } from './roster-document';

export const REPLAN_JOB = 'roster.replan';

interface Payload {
  runId: string;
}

const fail = (ctx: JobContext, runId: string, failure: string) => ctx.complete((trx) => finishPlanningRun(trx, runId, { status: 'failed', failure, now: new Date() }).then(() => {}));

/**
 * A replan after a disruption as a job (ADR 0027): the parent version with everything else pinned,
 * minimal changes, stored as a new version with its diff. Progress goes input → replan → store;
 * the run row is what the UI's progress bar follows. Quick (≤ 1 s), so it runs on its own lane
 * of the queue and never waits behind a national plan.
 */
export function createReplanJob({ db }: { db: Kysely<Database> }): JobHandler {
  async function run(payload: unknown, ctx: JobContext): Promise<void> {
    const { runId } = payload as Payload;
    const [planRun, work] = [await findPlanningRun(db, runId), await findReplanWork(db, runId)];
    if (!planRun || !work || (planRun.status !== 'queued' && planRun.status !== 'running')) return;
    if (planRun.cancelRequested) {
      await ctx.complete((trx) => finishPlanningRun(trx, runId, { status: 'cancelled', now: new Date() }).then(() => {}));
      return;
    }
    const grant = replanJobGrant(planRun.requestedBy);
    await updateRunProgress(db, runId, { phase: 'input', progress: 0.1, now: new Date() });
    const parent = await findRosterVersion(db, grant, work.parentVersionId);
    if (!parent) return void (await fail(ctx, runId, 'input: the roster version to replan is gone'));
    const input = JSON.parse(parent.input) as PlanningInput;
    const req = JSON.parse(work.change) as DisruptionRequest;
    // Checked in the request already; checked again against the stored input (it cannot change).
    const change = toChange(input, req);
    if (!change.ok) return void (await fail(ctx, runId, `input: ${change.error.message}`));
    await updateRunProgress(db, runId, { phase: 'replan', progress: 0.3, now: new Date() });
    const t0 = performance.now();
    const replanned = replanDisruption(input, JSON.parse(parent.plan) as RosterPlan, change.value.change, change.value.meta);
    const elapsedMs = Math.round(performance.now() - t0);
    if (!replanned.ok) return void (await fail(ctx, runId, `replan: ${replanned.error.message}`));
    if (ctx.signal.aborted) throw new Error('replan interrupted');
    await updateRunProgress(db, runId, { phase: 'store', progress: 0.9, quality: qualityOf(replanned.value.input, replanned.value.plan), now: new Date() });
    const next = replanned.value;
    await ctx.complete(async (trx) => {
      const current = await findPlanningRun(trx, runId);
      if (!current || (current.status !== 'queued' && current.status !== 'running')) return;
      const versionId = randomUUID();
      await insertRosterVersion(trx, {
        versionId, startDate: parent.startDate, days: parent.days, origin: 'replan', parentVersionId: parent.versionId, input: JSON.stringify(next.input), plan: JSON.stringify(next.plan),
        change: work.change, diff: JSON.stringify(next.diff), failure: null, quality: qualityOf(next.input, next.plan), createdBy: planRun.requestedBy, now: new Date(),
      });
      await finishPlanningRun(trx, runId, { status: 'done', versionId, progress: 1, elapsedMs, now: new Date() });
    });
  }

  async function onGiveUp(trx: Db, payload: unknown, reason: string): Promise<void> {
    await finishPlanningRun(trx, (payload as Payload).runId, { status: 'failed', failure: reason, now: new Date() });
  }

  return { kind: REPLAN_JOB, maxAttempts: 2, run, onGiveUp };
}
