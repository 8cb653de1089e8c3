import { consoleLog, openDatabase, type DatabaseHandle, type DatabaseLog } from '@hoeder/db';
import type { FastifyInstance, RouteOptions } from 'fastify';
import { buildApp, type AppDeps } from './app';
import type { AppConfig } from './config';
import { adjustableClock, systemClock, type Clock } from './platform/clock';
import { createServices } from './services';
import { startAuditSealing } from './audit/audit-sealer';
import { startNotifying } from './work/notifier';
import { createJobRunner, type JobRunner } from './platform/jobs/job-runner';
import { createPlanningJob, PLANNING_JOB, type PlanningJobOptions } from './planning/planning-job';
import { createReplanJob, REPLAN_JOB } from './planning/replan-job';
import type { PlanningInputSource } from './planning/planning-input';
import { ANOMALY_JOB, createAnomalyJob, startAnomalyScheduling } from './oversight/anomaly-job';

export interface Composition {
  app: FastifyInstance;
  deps: AppDeps;
  database: DatabaseHandle;
  /** The job queue's worker of this instance (null when HOEDER_JOB_POLL_MS=0). */
  jobs: JobRunner | null;
  /** The replan lane's worker (ADR 0027): replans only, so they never wait behind a plan. */
  replans: JobRunner | null;
}

/** Planning options a test or benchmark may set (ADR 0019). */
export type PlanningOverrides = Partial<Omit<PlanningJobOptions, 'db' | 'source'>> & { source?: PlanningInputSource; workerId?: string; leaseMs?: number };

export async function compose(
  config: AppConfig,
  options: { clock?: Clock; database?: DatabaseHandle; logStream?: NodeJS.WritableStream; onRoute?: (route: RouteOptions) => void; planning?: PlanningOverrides } = {},
): Promise<Composition> {
  // The database reports connection trouble before the app (and its logger) exists; from then on to the app's log.
  let log: DatabaseLog = consoleLog;
  const database =
    options.database ??
    (await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, waitMs: config.databaseWaitSeconds * 1000, poolSize: config.databasePoolSize, log: (level, message) => log(level, message) }));
  const clock = options.clock ?? (config.testClock === 'adjustable' ? adjustableClock() : systemClock);
  const deps = createServices(database, config, clock, options.planning?.source);
  const app = await buildApp(deps, { ...(options.logStream ? { logStream: options.logStream } : {}), ...(options.onRoute ? { onRoute: options.onRoute } : {}) });
  log = (level, message) => app.log[level]({ component: 'database' }, message);
  // One sealer per process; the advisory lock keeps it to one at a time across processes.
  const sealing =
    config.audit.sealIntervalMs > 0
      ? startAuditSealing(() => deps.audit.sealOnce(database.db), config.audit.sealIntervalMs, (error) => app.log.error({ err: error }, 'audit seal failed'))
      : null;
  // Work notifications (issue 13): each round reads every user's queues and fills the mail outbox.
  const notifying =
    config.notifyIntervalMs > 0 ? startNotifying(() => deps.notifier.notifyOnce(), config.notifyIntervalMs, (error) => app.log.error({ err: error }, 'work notification round failed')) : null;
  // One job at a time per instance; several instances share the queue (ADR 0018).
  const { source: _source, workerId, leaseMs, ...planningJob } = options.planning ?? {};
  const handlers = [createPlanningJob({ db: database.db, source: deps.planningSource, timeLimitMs: config.planning.timeLimitMs, ...planningJob }), createReplanJob({ db: database.db }), createAnomalyJob({ detector: deps.anomalyDetector })];
  const runner = (claimKinds: string[], lane: string) =>
    createJobRunner({
      db: database.db,
      handlers,
      claimKinds,
      pollMs: config.planning.jobPollMs,
      ...(workerId ? { workerId: `${workerId}${lane}` } : {}),
      ...(leaseMs ? { leaseMs } : {}),
      onError: (error) => app.log.error({ err: error }, 'job queue'),
    });
  // Two lanes (ADR 0027): national plans one at a time; replans (≤ 1 s) and the anomaly rounds
  // (ADR 0026) never wait behind one.
  const jobs = config.planning.jobPollMs > 0 ? runner([PLANNING_JOB], '') : null;
  const replans = config.planning.jobPollMs > 0 ? runner([REPLAN_JOB, ANOMALY_JOB], '-replan') : null;
  if (replans) deps.jobWake.subscribe(() => replans.wake());
  jobs?.start();
  replans?.start();
  // Access anomaly rules (ADR 0026): a job on the shared queue every interval, one pending at a time.
  const anomalies = jobs && config.anomaly.intervalMs > 0 ? startAnomalyScheduling(database.db, config.anomaly.intervalMs, (error) => app.log.error({ err: error }, 'anomaly scheduling')) : null;
  app.addHook('onClose', async () => {
    await notifying?.stop();
    anomalies?.stop();
    await jobs?.stop();
    await replans?.stop();
    await sealing?.stop();
    if (!options.database) await database.close();
  });
  return { app, deps, database, jobs, replans };
}
