import { describe, expect, it } from 'vitest';
import { curtoisToProblem, planToRoster } from '../curtois/convert';
import { evaluateCurtois } from '../curtois/evaluate';
import { loadCurtois } from '../testing/fixtures';
import { planInWorkerFrom } from './run';

const DYING = new URL('../testing/dying-worker.mjs', import.meta.url);

describe('planInWorker when the worker dies', () => {
  const inst = loadCurtois(1);
  const problem = curtoisToProblem(inst, 'i1');

  it('exits after a checkpoint: returns the checkpoint roster and says the worker exited', async () => {
    const r = await planInWorkerFrom(DYING, { problem, seed: 1, maxIterations: 100_000 }, undefined, { when: 'checkpoint', how: 'exit' });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.stats.failures.map((f) => f.code)).toEqual(['worker-exited']);
    expect(r.value.assignments.length).toBeGreaterThan(0);
    const ev = evaluateCurtois(inst, planToRoster(inst, r.value));
    expect(ev.penalty).toBeCloseTo(r.value.score.soft, 6);
  });

  it('runs out of memory after a checkpoint: the caller\'s process survives and gets the checkpoint', async () => {
    const r = await planInWorkerFrom(DYING, { problem, seed: 1, maxIterations: 100_000, memoryLimitMb: 128 }, undefined, { when: 'checkpoint', how: 'oom' });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.stats.failures.map((f) => f.code)).toEqual(['worker-out-of-memory']);
  });

  it('dies before any roster: one fallback run (annealing only) in a fresh worker returns a valid roster', async () => {
    const r = await planInWorkerFrom(DYING, { problem, seed: 1, maxIterations: 100_000, useMip: true, partner: 'columns' }, undefined, { when: 'start', how: 'exit' });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.feasible).toBe(true);
    expect(r.value.stats.failures).toEqual([expect.objectContaining({ code: 'worker-exited', step: 'worker' })]);
    expect(evaluateCurtois(inst, planToRoster(inst, r.value)).violations).toEqual([]);
  });
});
