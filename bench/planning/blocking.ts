// The event loop's blocking spans during a plan (issue 11, ADR 0046 addendum): a timer every
// TICK_MS on the server's thread (the bench, the server and PGlite share it); a gap between two
// ticks longer than the tick by ≥ MIN_MS is a span in which no request could be answered. Each
// span also gets the thread's own CPU time in it (process.threadCpuUsage): a span with little
// CPU is the machine's load (the thread was not scheduled), not work of this process.
import { readFileSync } from 'node:fs';
import { PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';

const TICK_MS = 2;
const MIN_MS = 5;

export interface BlockingSpan {
  /** Start, in seconds after the bench's t0 (the POST). */
  at: number;
  /** How long the event loop did not get to the timer. */
  ms: number;
  /** The server thread's CPU time in the span. */
  cpuMs: number;
  /** Time the thread was ready but waited for a core (Linux schedstat; 0 elsewhere): the machine's load. */
  waitMs: number;
}

/** A garbage collection on the server's thread of ≥ 5 ms (from perf_hooks): the other cause of spans besides the job's steps. */
export interface GcPause {
  at: number;
  ms: number;
  kind: string;
}

export interface BlockingSampler {
  stop(): { spans: BlockingSpan[]; gc: GcPause[] };
}

const GC_KINDS: Record<number, string> = { 1: 'minor', 2: 'major', 4: 'incremental', 8: 'weakcb' };

/** Nanoseconds this thread has waited on a run queue (Linux); 0 where unreadable. */
const waitNs = (): number => {
  try {
    return Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[1] ?? 0);
  } catch {
    return 0;
  }
};

const cpuMs = (): number => {
  const u = process.threadCpuUsage();
  return (u.user + u.system) / 1000;
};

export function sampleBlocking(t0: number): BlockingSampler {
  const spans: BlockingSpan[] = [];
  const gc: GcPause[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      const kind = GC_KINDS[(e as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind ?? 0] ?? 'other';
      if (e.duration >= 5) gc.push({ at: Math.round((e.startTime - t0) / 10) / 100, ms: Math.round(e.duration * 10) / 10, kind });
    }
  });
  observer.observe({ entryTypes: ['gc'] });
  let last = performance.now();
  let lastCpu = cpuMs();
  let lastWait = waitNs();
  const timer = setInterval(() => {
    const now = performance.now();
    const cpu = cpuMs();
    const wait = waitNs();
    const late = now - last - TICK_MS;
    if (late >= MIN_MS) spans.push({ at: Math.round((last - t0) / 10) / 100, ms: Math.round(late * 10) / 10, cpuMs: Math.round((cpu - lastCpu) * 10) / 10, waitMs: Math.round((wait - lastWait) / 1e5) / 10 });
    last = now;
    lastCpu = cpu;
    lastWait = wait;
  }, TICK_MS);
  return {
    stop: () => {
      clearInterval(timer);
      observer.disconnect();
      return { spans, gc };
    },
  };
}

export interface BlockingSummary {
  /** Spans of ≥ 20 ms: each can put a case view above the idle p99 (15–19 ms). */
  over20: number;
  over10: number;
  maxMs: number;
  /** The same, counting only spans in which the thread itself ran for ≥ 20 ms of CPU (load-insensitive). */
  cpuOver20: number;
  maxCpuMs: number;
  /** Spans of ≥ 20 ms in which the thread waited for a core for ≥ 10 ms (the machine's load, not this process's work). */
  waitOver20: number;
  /** Total time in spans of ≥ 10 ms. */
  blockedMs: number;
  slowest: BlockingSpan[];
  /** Every span of ≥ 20 ms or with ≥ 20 ms of CPU, in order. */
  long: BlockingSpan[];
  /** Garbage collections of ≥ 5 ms: count, total and the longest. */
  gcOver5: number;
  gcMs: number;
  gcSlowest: GcPause[];
}

export function summariseBlocking({ spans, gc }: { spans: BlockingSpan[]; gc: GcPause[] }): BlockingSummary {
  const over = (n: number) => spans.filter((s) => s.ms >= n);
  return {
    over20: over(20).length,
    over10: over(10).length,
    maxMs: Math.max(0, ...spans.map((s) => s.ms)),
    cpuOver20: spans.filter((s) => s.cpuMs >= 20).length,
    maxCpuMs: Math.max(0, ...spans.map((s) => s.cpuMs)),
    waitOver20: spans.filter((s) => s.ms >= 20 && s.waitMs >= 10).length,
    blockedMs: Math.round(over(10).reduce((n, s) => n + s.ms, 0)),
    slowest: [...spans].sort((a, b) => b.ms - a.ms).slice(0, 15),
    long: spans.filter((s) => s.ms >= 20 || s.cpuMs >= 20),
    gcOver5: gc.length,
    gcMs: Math.round(gc.reduce((n, g) => n + g.ms, 0)),
    gcSlowest: [...gc].sort((a, b) => b.ms - a.ms).slice(0, 10),
  };
}
