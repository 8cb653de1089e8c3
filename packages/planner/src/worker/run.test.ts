import { describe, expect, it } from 'vitest';
import { curtoisToProblem } from '../curtois/convert';
import type { Progress } from '../search/anneal';
import { tiny } from '../testing/fixtures';
import { planInWorker } from './run';

describe('planInWorker', () => {
  it('plans in a worker thread and reports progress', async () => {
    const events: Progress[] = [];
    const r = await planInWorker({ problem: curtoisToProblem(tiny(), 'tiny'), seed: 1, maxIterations: 20_000 }, (p) => events.push(p));
    expect(r.ok).toBe(true);
    expect(r.ok && r.value.feasible).toBe(true);
    expect(events.length).toBeGreaterThan(0);
  });

  it('returns engine errors as values', async () => {
    const r = await planInWorker({ problem: curtoisToProblem(tiny(), 'tiny'), seed: 1 });
    expect(r).toMatchObject({ ok: false, error: { code: 'no-limit' } });
  });
});
