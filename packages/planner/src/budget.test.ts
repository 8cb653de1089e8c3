import { describe, expect, it } from 'vitest';
import { makeBudget, threadCpuClock } from './budget';
import { curtoisToProblem } from './curtois/convert';
import { solve } from './solve';
import { loadCurtois } from './testing/fixtures';

describe('budget clock', () => {
  it('is the wall clock without a CPU limit', () => {
    let wall = 0;
    const b = makeBudget(() => wall, 1000);
    wall = 400;
    expect([b.now(), b.limitMs]).toEqual([400, 1000]);
  });

  it('with a CPU limit follows CPU time, with the wall limit as ceiling', () => {
    let wall = 0;
    let cpu = 0;
    const b = makeBudget(() => wall, 2000, 1000, () => cpu);
    // Half a core: 1 s of CPU in 2 s of wall time is exactly the budget, no more.
    wall = 1000;
    cpu = 500;
    expect(b.now()).toBe(500);
    wall = 2000;
    cpu = 1000;
    expect(b.now()).toBe(1000);
    // A starved thread (a tenth of a core) is stopped by the wall ceiling.
    wall = 4000;
    cpu = 1100;
    expect(b.now()).toBe(2000);
  });

  it('reads this thread\'s CPU time where the runtime offers it', () => {
    const clock = threadCpuClock();
    if (!clock) return;
    const a = clock();
    let x = 0;
    for (let i = 0; i < 2e6; i++) x += Math.sqrt(i);
    expect(x).toBeGreaterThan(0);
    expect(clock()).toBeGreaterThan(a);
  });
});

describe('solve with a CPU-time budget on a busy machine', () => {
  it('does the same work when it gets half a core, where a wall-clock budget does half of it', () => {
    const problem = curtoisToProblem(loadCurtois(2), 'i2');
    // Simulated clocks: each reading is one tick; the thread gets CPU for half of the wall time.
    const clocks = () => {
      let ticks = 0;
      return { now: () => ++ticks * 0.1, cpuNow: () => ticks * 0.05 };
    };
    const quiet = solve(problem, { seed: 1, timeLimitMs: 50, now: clocks().now });
    const busyWall = clocks();
    const byWall = solve(problem, { seed: 1, timeLimitMs: 25, now: busyWall.now });
    const busyCpu = clocks();
    const byCpu = solve(problem, { seed: 1, cpuTimeLimitMs: 25, timeLimitMs: 100, now: busyCpu.now, cpuNow: busyCpu.cpuNow });
    if (!quiet.ok || !byWall.ok || !byCpu.ok) throw new Error('solve failed');
    expect(byWall.value.stats.iterations).toBeLessThan(quiet.value.stats.iterations * 0.6);
    expect(byCpu.value.stats.iterations).toBeGreaterThan(quiet.value.stats.iterations * 0.9);
  });
});
