import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import type { MipPartner, PartnerJob } from './portfolio';

type FromPartner = { type: 'solution'; columns: string[] } | { type: 'failed'; message: string } | { type: 'done' };

/** Heap ceiling of a partner thread: running out ends the thread, not the process. */
const PARTNER_HEAP_MB = 1024;
type ThreadPartner = MipPartner & { closed: () => Promise<void> };

/**
 * HiGHS on the full MIP in a worker thread, as the engine's portfolio partner.
 * `highsOptions` (e.g. `mip_heuristic_effort`) apply to the partner only.
 */
export function highsPartner(highsOptions: Record<string, number | boolean | string> = {}): ThreadPartner {
  return threadPartner(new URL('./highs-partner-worker.mjs', import.meta.url), (job, seconds) => ({ lp: job.lp, seconds, options: highsOptions }));
}

/**
 * Column generation on the set-partitioning master in a worker thread (price-and-dive,
 * then the integer master over the pool started from the engine's rosters).
 */
export function columnPartner(): ThreadPartner {
  return threadPartner(new URL('../columns/partner-entry.mjs', import.meta.url), (job, seconds) => ({ type: 'start', problem: job.problem, seconds }));
}

/**
 * A partner in a worker thread. The engine's search is synchronous, so messages are
 * read with `receiveMessageOnPort` (no event loop needed). Call `stop` once: it ends
 * the thread. The thread has a heap ceiling, so running out of memory ends only it; a
 * failure it catches is posted (`failure()`), one it cannot (out of memory) only
 * means no more rosters arrive, and the engine goes on alone.
 */
export function threadPartner(
  entry: URL, request: (job: PartnerJob, seconds: number) => unknown, thread: { data?: Record<string, unknown>; heapMb?: number } = {},
): ThreadPartner {
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(entry, {
    workerData: { ...thread.data, port: port2 }, transferList: [port2], resourceLimits: { maxOldGenerationSizeMb: thread.heapMb ?? PARTNER_HEAP_MB },
  });
  worker.unref();
  // A thread that dies is noticed only when the event loop runs (after a solve); the
  // handler keeps its error from becoming an uncaught one in the caller's process.
  worker.on('error', () => undefined);
  let latest: string[] | null = null;
  let failed: string | null = null;
  let done = false;
  let ended: Promise<unknown> = Promise.resolve();
  const drain = () => {
    for (let m = receiveMessageOnPort(port1); m; m = receiveMessageOnPort(port1)) {
      const msg = m.message as FromPartner;
      if (msg.type === 'solution') latest = msg.columns;
      else if (msg.type === 'failed') failed = msg.message;
      else done = true;
    }
  };
  return {
    start(job, seconds) {
      port1.postMessage(request(job, seconds));
    },
    offer(columns) {
      port1.postMessage({ type: 'offer', columns });
    },
    poll() {
      drain();
      const out = latest;
      latest = null;
      return out;
    },
    failure() {
      drain();
      const out = failed;
      failed = null;
      return out;
    },
    stop(waitMs) {
      // Blocking wait is deliberate: the caller's search has ended and only this result is pending.
      const until = performance.now() + waitMs;
      const nap = new Int32Array(new SharedArrayBuffer(4));
      for (drain(); !done && performance.now() < until; drain()) Atomics.wait(nap, 0, 0, 5);
      port1.close();
      ended = worker.terminate();
    },
    /** Resolves when the thread has ended, so a caller can measure something else on a quiet core. */
    async closed() {
      await ended;
    },
  };
}
