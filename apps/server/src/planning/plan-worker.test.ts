import { describe, expect, it } from 'vitest';
import { runPlanInWorker } from './plan-worker';
import { demoProblem, type PlanningInput } from './planning-input';

/**
 * The planning threads (ADR 0044): one search hands back its construction as the first checkpoint,
 * two searches from different seeds end with the better roster and no failure (a thread that
 * reported its end and then exits is not a crash), and a cancel ends every thread.
 */
const problem = demoProblem(3, 6, 0.05, 7);
const req = { problem, seed: 1, timeLimitMs: 400, candidateLimit: 64, useMip: false };

describe('planning threads', () => {
  it('one search: the checkpoint comes first, the stored plan is no worse than it', async () => {
    const checkpoints: number[] = [];
    const out = await runPlanInWorker(req, { onCheckpoint: (p) => checkpoints.push(p.score.soft) });
    expect(out.failures).toEqual([]);
    expect(checkpoints.length).toBeGreaterThan(0);
    expect(out.plan?.feasible).toBe(true);
    expect(out.plan!.score.soft).toBeLessThanOrEqual(checkpoints[0]!);
  }, 60_000);

  it('two searches from their own seeds end with the better roster and no failure', async () => {
    const seen: number[] = [];
    const out = await runPlanInWorker(req, { threads: 2, onCheckpoint: (p) => seen.push(p.score.soft) });
    expect(out.failures).toEqual([]);
    expect(out.cancelled).toBe(false);
    expect(out.plan?.feasible).toBe(true);
    // Checkpoints are handed on only when they improve: the saved checkpoint never gets worse.
    expect(seen).toEqual([...seen].sort((a, b) => b - a));
    expect(out.plan!.score.soft).toBeLessThanOrEqual(Math.min(...seen));
  }, 60_000);

  it('a cancel ends both threads at once', async () => {
    const abort = new AbortController();
    const t0 = performance.now();
    const running = runPlanInWorker({ ...req, timeLimitMs: 30_000 }, { threads: 2, signal: abort.signal, onCheckpoint: () => abort.abort() });
    const out = await running;
    expect(out.cancelled).toBe(true);
    expect(performance.now() - t0).toBeLessThan(20_000);
  }, 60_000);

  it('checks the input text in the thread: the problems item by item, no search (ADR 0049)', async () => {
    const [first, ...rest] = problem.posts;
    const input: PlanningInput = { period: { startDate: '2026-03-09', days: 7 }, problem: { ...problem, posts: [{ ...first!, shiftTypeId: 'siesta' }, ...rest] }, posts: {}, officers: {}, source: 'test' };
    const seen: number[] = [];
    const out = await runPlanInWorker({ ...req, problem: { inputText: JSON.stringify(input) } }, { onCheckpoint: (p) => seen.push(p.score.soft) });
    expect(out.invalid).toContainEqual(expect.stringMatching(/post .*: unknown shift type siesta/));
    expect(out.plan).toBeNull();
    expect(seen).toEqual([]);
  }, 60_000);

  it('asks for the number of threads once the first has reported the problem\'s shape', async () => {
    const shapes: { national: boolean }[] = [];
    const input: PlanningInput = { period: { startDate: '2026-03-09', days: 7 }, problem, posts: {}, officers: {}, source: 'test' };
    const out = await runPlanInWorker({ ...req, problem: { inputText: JSON.stringify(input) } }, { threads: (shape) => (shapes.push(shape), 2) });
    expect(shapes).toEqual([{ national: false }]);
    expect(out.failures).toEqual([]);
    expect(out.plan?.feasible).toBe(true);
  }, 60_000);
});
