import { randomUUID } from 'node:crypto';
import { databaseNow, enqueueRecurringJob, type Database } from '@hoeder/db';
import type { Kysely } from 'kysely';
import type { JobHandler } from '../platform/jobs/job-runner';
import type { AnomalyDetector, EvaluationResult } from './anomaly-detector';

export const ANOMALY_JOB = 'anomaly.evaluate';

/**
 * The anomaly rules as a job on the shared queue (ADR 0018, 0026). The evaluation runs inside the
 * job's completing transaction: it commits only while this instance holds the job, so its alerts
 * and cursor are stored once across instances, and the cursor lock serialises any second job.
 */
export function createAnomalyJob({ detector, onResult }: { detector: AnomalyDetector; onResult?: (r: EvaluationResult) => void }): JobHandler {
  return {
    kind: ANOMALY_JOB,
    maxAttempts: 3,
    async run(_payload, ctx) {
      let result: EvaluationResult | undefined;
      const done = await ctx.complete(async (trx) => {
        result = await detector.evaluateIn(trx, await databaseNow(trx));
      });
      if (done && result) onResult?.(result);
    },
    // Nothing to undo: the cursor did not move, the next job starts where this one would have.
    onGiveUp: async () => {},
  };
}

/** Each instance asks for an evaluation every interval; the queue keeps it to one pending job. */
export function startAnomalyScheduling(db: Kysely<Database>, intervalMs: number, onError: (error: unknown) => void): { stop(): void } {
  const timer = setInterval(() => {
    void databaseNow(db)
      .then((now) => enqueueRecurringJob(db, randomUUID(), ANOMALY_JOB, now))
      .catch(onError);
  }, intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
