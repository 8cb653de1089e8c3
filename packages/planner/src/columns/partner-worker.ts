import { receiveMessageOnPort, workerData, type MessagePort } from 'node:worker_threads';
import { compile, type Compiled } from '../compile';
import type { PlanningProblem } from '../model';
import { Rng } from '../rng';
import { State } from '../state';
import { ColumnMaster } from './column-master';
import { highs } from '../mip/highs';
import { betterRoster, cellColumns, columnCells } from '../portfolio/portfolio';

// The column-generation partner's thread: price-and-dive for a first roster, then the
// integer master over the pool, each time started from the best roster known (its
// own or the engine's, whose rows join the pool), so rows of both recombine.
const port = workerData.port as MessagePort;
type Request = { type: 'start'; problem: PlanningProblem; seconds: number } | { type: 'offer'; columns: string[] };

/** Integer-master runs get at most this long, so the engine's newer rosters join soon. */
const SLICE_SECONDS = 5;
/** Share of the budget the first dive may use. */
const DIVE_SHARE = 0.75;

port.once('message', (req: Request) => {
  if (req.type !== 'start') return;
  // A failure is reported, not thrown: the engine records it and goes on without this partner.
  void run(req.problem, req.seconds)
    .catch((e: unknown) => port.postMessage({ type: 'failed', message: e instanceof Error ? e.message : String(e) }))
    .finally(() => port.postMessage({ type: 'done' }));
});

async function run(problem: PlanningProblem, seconds: number): Promise<void> {
  const t0 = performance.now();
  const deadline = t0 + seconds * 1000;
  const compiled = compile(problem);
  if (!compiled.ok) return;
  const c = compiled.value;
  const master = new ColumnMaster(await highs(), c);
  try {
    master.seed();
    let best: State | null = null;
    const consider = (cells: Int32Array | null, own: boolean) => {
      if (!cells) return;
      const s = new State(c, cells);
      if (best && !betterRoster(s, best)) return;
      best = s;
      if (own) port.postMessage({ type: 'solution', columns: cellColumns(c, cells) });
    };
    takeOffers(master, c, consider);
    const first = performance.now();
    consider(master.dive(t0 + seconds * 1000 * DIVE_SHARE), true);
    const took = performance.now() - first;
    // More dives, each choosing among the most decided officers at random, while one fits;
    // then the integer master over everything found, started from the best roster.
    for (let round = 1; performance.now() < deadline - 50; round++) {
      takeOffers(master, c, consider);
      if (performance.now() + took < deadline) {
        consider(master.dive(performance.now() + took, undefined, new Rng(round)), true);
        continue;
      }
      const left = (deadline - performance.now()) / 1000;
      const start: State | null = best;
      const out = master.solveInteger(Math.min(SLICE_SECONDS, left), start ? (start as State).cells : undefined);
      consider(out?.cells ?? null, true);
    }
  } finally {
    master.dispose();
  }
}

function takeOffers(master: ColumnMaster, c: Compiled, consider: (cells: Int32Array, own: boolean) => void): void {
  for (let m = receiveMessageOnPort(port); m; m = receiveMessageOnPort(port)) {
    const req = m.message as Request;
    if (req.type !== 'offer') continue;
    const cells = columnCells(c, req.columns);
    master.addRoster(cells);
    consider(cells, false);
  }
}
