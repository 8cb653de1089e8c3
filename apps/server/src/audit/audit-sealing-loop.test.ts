import { describe, expect, it } from 'vitest';
import { startAuditSealing, type SealResult } from './audit-sealer';

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the background sealing loop', () => {
  it('seals on an interval, drains a backlog at once, keeps going after an error, and stop waits for a seal in progress', async () => {
    const results: SealResult[] = [
      { status: 'sealed', leaves: 1000, treeSize: 1000 },
      { status: 'sealed', leaves: 5, treeSize: 1005 },
      { status: 'idle', treeSize: 1005 },
    ];
    let calls = 0;
    let inFlight = false;
    const errors: unknown[] = [];
    const seal = async (): Promise<SealResult> => {
      calls += 1;
      if (calls === 4) throw new Error('database restarting');
      inFlight = true;
      await wait(15);
      inFlight = false;
      return results[calls - 1] ?? { status: 'idle', treeSize: 1005 };
    };
    const loop = startAuditSealing(seal, 10, (e) => errors.push(e));
    await wait(200);
    expect(calls).toBeGreaterThanOrEqual(5); // three in the first round, an error, and on
    expect(errors).toHaveLength(1);
    await loop.stop();
    expect(inFlight).toBe(false);
    const after = calls;
    await wait(50);
    expect(calls).toBe(after);
  });
});
