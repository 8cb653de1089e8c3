import { randomUUID } from 'node:crypto';
import { claimJob, databaseNow, reapExpiredLeases, renewLease, settleJob, type Database, type Db } from '@hoeder/db';
import type { Kysely, Transaction } from 'kysely';

/** What a job's handler gets besides its payload. */
export interface JobContext {
  jobId: string;
  attempt: number;
  maxAttempts: number;
  /** Aborted when this instance stops or loses the job's lease; the handler stops its work. */
  signal: AbortSignal;
  /**
   * Commits the job's effect and marks it done in one transaction, only while this instance still
   * holds the job; false (and nothing committed) when it does not. This is what makes a job's
   * effect happen once across instances (ADR 0018).
   */
  complete(effect: (trx: Transaction<Database>) => Promise<void>): Promise<boolean>;
}

export interface JobHandler {
  kind: string;
  maxAttempts: number;
  run(payload: unknown, ctx: JobContext): Promise<void>;
  /** The job failed for good (attempts spent, lease lost on the last attempt): record it cleanly. */
  onGiveUp(trx: Db, payload: unknown, reason: string): Promise<void>;
}

export interface JobRunnerOptions {
  db: Kysely<Database>;
  handlers: readonly JobHandler[];
  /**
   * The kinds this runner claims (default: every handler's). A runner with a subset is a lane:
   * quick replans never wait behind a national plan (ADR 0027). It still knows every handler,
   * so a job of any kind whose lease it reaps is given up cleanly.
   */
  claimKinds?: readonly string[];
  workerId?: string;
  pollMs?: number;
  leaseMs?: number;
  onError?: (error: unknown) => void;
}

export interface JobRunner {
  workerId: string;
  /** Claims and runs at most one job now; true when one ran. */
  runOnce(): Promise<boolean>;
  start(): void;
  /** A job was just enqueued (committed): an idle runner polls now instead of at its next tick. */
  wake(): void;
  /** Stops polling, aborts a running job (it is handed back to the queue) and waits for it. */
  stop(): Promise<void>;
}

const backoff = (attempt: number) => Math.min(60_000, 2_000 * 2 ** (attempt - 1));

/**
 * The job queue's worker (ADR 0018): one job at a time per instance (planning takes a core), a
 * lease renewed at a third of its length, expired leases of dead instances reaped on every poll.
 */
export function createJobRunner(options: JobRunnerOptions): JobRunner {
  const { db } = options;
  const workerId = options.workerId ?? `worker-${randomUUID()}`;
  const leaseMs = options.leaseMs ?? 30_000;
  const handlers = new Map(options.handlers.map((h) => [h.kind, h]));
  const onError = options.onError ?? (() => {});
  let stopping = false;
  let timer: NodeJS.Timeout | undefined;
  let current: { abort: AbortController; done: Promise<void> } | undefined;
  let inflight: Promise<boolean> | undefined;

  async function reap(): Promise<void> {
    const now = await databaseNow(db);
    await db.transaction().execute(async (trx) => {
      const { failed } = await reapExpiredLeases(trx, now);
      for (const job of failed) await handlers.get(job.kind)?.onGiveUp(trx, job.payload, 'lease expired: the instance running it stopped or stalled');
    });
  }

  async function execute(handler: JobHandler, job: NonNullable<Awaited<ReturnType<typeof claimJob>>>): Promise<void> {
    const abort = new AbortController();
    let settled = false;
    const heartbeat = setInterval(() => {
      void databaseNow(db)
        .then((now) => renewLease(db, job.jobId, workerId, new Date(now.getTime() + leaseMs)))
        .then((held) => {
          if (!held) abort.abort(new Error('lease lost'));
        })
        .catch(onError);
    }, Math.max(50, Math.floor(leaseMs / 3)));
    const ctx: JobContext = {
      jobId: job.jobId,
      attempt: job.attempts,
      maxAttempts: job.maxAttempts,
      signal: abort.signal,
      complete: async (effect) => {
        const now = await databaseNow(db);
        return db.transaction().execute(async (trx) => {
          if (!(await settleJob(trx, job.jobId, workerId, { status: 'done' }, now))) return false;
          await effect(trx);
          settled = true;
          return true;
        });
      },
    };
    current = { abort, done: Promise.resolve() };
    try {
      await handler.run(job.payload, ctx);
      if (!settled) await ctx.complete(async () => {});
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const now = await databaseNow(db);
      await db.transaction().execute(async (trx) => {
        if (stopping && abort.signal.aborted) {
          await settleJob(trx, job.jobId, workerId, { status: 'queued', error: 'handed back at shutdown', runAfter: now, refund: true }, now);
        } else if (job.attempts < job.maxAttempts) {
          await settleJob(trx, job.jobId, workerId, { status: 'queued', error: message, runAfter: new Date(now.getTime() + backoff(job.attempts)) }, now);
        } else if (await settleJob(trx, job.jobId, workerId, { status: 'failed', error: message }, now)) {
          await handler.onGiveUp(trx, job.payload, message);
        }
      });
    } finally {
      clearInterval(heartbeat);
    }
  }

  async function runOnce(): Promise<boolean> {
    if (stopping) return false;
    await reap();
    const now = await databaseNow(db);
    const job = await claimJob(db, [...(options.claimKinds ?? handlers.keys())], workerId, now, new Date(now.getTime() + leaseMs));
    if (!job) return false;
    if (stopping) {
      await settleJob(db, job.jobId, workerId, { status: 'queued', error: 'handed back at shutdown', runAfter: now, refund: true }, now);
      return false;
    }
    const handler = handlers.get(job.kind)!;
    const done = execute(handler, job);
    current = { abort: current!.abort, done };
    await done;
    current = undefined;
    return true;
  }

  const loop = async () => {
    timer = undefined;
    let ran = false;
    try {
      inflight = runOnce();
      ran = await inflight;
    } catch (error) {
      onError(error);
    }
    if (!stopping) timer = setTimeout(() => void loop(), ran ? 0 : (options.pollMs ?? 500));
  };

  return {
    workerId,
    runOnce,
    start: () => {
      if (!timer && !stopping) timer = setTimeout(() => void loop(), 0);
    },
    wake: () => {
      // Only an idle runner (waiting on its poll timer); a busy one polls again as soon as it is done.
      if (!timer || stopping) return;
      clearTimeout(timer);
      timer = setTimeout(() => void loop(), 0);
    },
    stop: async () => {
      stopping = true;
      if (timer) clearTimeout(timer);
      const running = current;
      running?.abort.abort(new Error('shutdown'));
      await running?.done.catch(onError);
      await inflight?.catch(onError);
    },
  };
}
