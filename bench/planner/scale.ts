import { compile, Rng, solve, withRest, type Officer, type PlanningProblem, type Post } from '@hoeder/planner';

/**
 * Scale suite: does the engine's cost per move and its memory stay flat as the horizon
 * grows to a year and staff to 150? Synthetic nurse-style instances (three shift types
 * with rest rules, cover per day, contracts scaled to the horizon, leave and requests)
 * are annealed for a fixed number of moves without HiGHS, so the figures measure the
 * engine, not the machine's luck with a solver.
 */
export interface ScaleRow {
  instance: string;
  days: number;
  staff: number;
  cells: number;
  moves: number;
  compileMs: number;
  /** Microseconds per annealing move (wall and CPU of this thread). */
  usPerMove: number;
  cpuUsPerMove: number | null;
  /** Peak growth of heap plus typed arrays during the search (sampled at progress reports), per cell (bytes). */
  heapBytesPerCell: number;
  heapMb: number;
  feasible: boolean;
  soft: number;
}

export function syntheticRoster(days: number, staff: number, seed: number): PlanningProblem {
  const rng = new Rng(seed);
  const shiftTypes = withRest([
    { id: 'E', startMinute: 6 * 60, minutes: 480, cannotFollow: [] },
    { id: 'L', startMinute: 14 * 60, minutes: 480, cannotFollow: [] },
    { id: 'N', startMinute: 22 * 60, minutes: 480, cannotFollow: [] },
  ], 11 * 60);
  const weeks = days / 7;
  const officers: Officer[] = Array.from({ length: staff }, (_, i) => ({
    id: `n${i}`, unitId: 'ward', qualifications: [],
    contract: {
      maxShiftsPerType: { N: Math.ceil(days / 4) }, minTotalMinutes: Math.floor(weeks * 3.5) * 480, maxTotalMinutes: Math.ceil(weeks * 5) * 480,
      maxConsecutiveShifts: 5, minConsecutiveShifts: 2, minConsecutiveDaysOff: 2, maxWeekends: Math.ceil(weeks * 0.6),
    },
    leaveDays: Array.from({ length: Math.ceil(weeks / 2) }, () => rng.int(days)),
    requests: Array.from({ length: Math.ceil(weeks) }, () => ({
      day: rng.int(days), shiftTypeId: ['E', 'L', 'N'][rng.int(3)], kind: rng.next() < 0.5 ? 'on' as const : 'off' as const, weight: 1 + rng.int(3),
    })),
  }));
  const posts: Post[] = [];
  for (let d = 0; d < days; d++) {
    for (const [t, share] of [['E', 0.22], ['L', 0.2], ['N', 0.12]] as const) {
      const count = Math.max(1, Math.round(staff * share * (d % 7 >= 5 ? 0.7 : 1)));
      posts.push({
        id: `${t}${d}`, day: d, shiftTypeId: t, protectedPersonId: null, activity: 'cover', priority: 'work',
        needs: [{ qualification: null, count, underWeight: 100, overWeight: 1 }],
      });
    }
  }
  return { name: `synthetic-${days}x${staff}`, days, shiftTypes, units: [{ id: 'ward', name: 'ward', kind: 'generic', organisation: 'private' }], officers, posts };
}

export function runScale(sizes: string, moves: number, seed: number): ScaleRow[] {
  return sizes.split(',').map((spec) => {
    const [days, staff] = spec.split('x').map(Number);
    const problem = syntheticRoster(days ?? 28, staff ?? 40, seed);
    const t0 = performance.now();
    const c = compile(problem);
    if (!c.ok) throw new Error(c.error.message);
    const compileMs = performance.now() - t0;
    // Construction alone (one move), so the per-move figures are the search's.
    const alone = solve(problem, { seed, maxIterations: 1, candidateLimit: 64 });
    const used = () => process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
    (globalThis as { gc?: () => void }).gc?.();
    const heap0 = used();
    let peak = heap0;
    const r = solve(problem, { seed, maxIterations: moves, candidateLimit: 64, onProgress: () => { peak = Math.max(peak, used()); } });
    const heap = peak - heap0;
    if (!r.ok || !alone.ok) throw new Error('solve failed');
    const search = r.value.stats.elapsedMs - r.value.stats.constructionMs;
    const cpuSearch = r.value.stats.cpuMs === undefined || alone.value.stats.cpuMs === undefined ? undefined : r.value.stats.cpuMs - alone.value.stats.cpuMs;
    const cells = problem.days * problem.officers.length;
    const row: ScaleRow = {
      instance: problem.name, days: problem.days, staff: problem.officers.length, cells, moves: r.value.stats.iterations,
      compileMs: Math.round(compileMs), usPerMove: round((search * 1000) / r.value.stats.iterations),
      cpuUsPerMove: cpuSearch === undefined ? null : round((cpuSearch * 1000) / r.value.stats.iterations),
      heapBytesPerCell: Math.round(heap / cells), heapMb: round(heap / 2 ** 20), feasible: r.value.feasible, soft: r.value.score.soft,
    };
    console.log(JSON.stringify(row));
    return row;
  });
}

export function scaleTable(rows: ScaleRow[], command: string, env: Record<string, unknown>): string {
  return [
    '### Scale: fixed move budget, annealing only, synthetic rosters',
    '',
    `Command: \`${command}\``,
    `Commit ${String(env.commit ?? '?')}${env.dirty ? ' (dirty)' : ''}, load at start ${JSON.stringify(env.loadAtStart ?? [])}.`,
    '',
    '| Instance | Days | Staff | Cells | Moves | Compile ms | µs per move (wall) | CPU µs per move | Peak memory MB | Bytes per cell | Feasible | Soft |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...rows.map((r) => `| ${r.instance} | ${r.days} | ${r.staff} | ${r.cells} | ${r.moves} | ${r.compileMs} | ${r.usPerMove} | ${r.cpuUsPerMove ?? '–'} | ${r.heapMb} | ${r.heapBytesPerCell} | ${r.feasible} | ${r.soft} |`),
  ].join('\n');
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
