import { canTake, compile, NONE, OFF, type Baseline, type Compiled } from './compile';
import { construct, repairHard } from './search/construct';
import type { Assignment, Plan, PlanningProblem, Result } from './model';
import { Rng } from './rng';
import { anneal, type Progress } from './search/anneal';
import { explainShortfalls } from './shortfall';
import { State } from './state';
import { lnsStep, type MipSolver } from './repair/lns';
import { repairDay } from './repair/day-repair';
import { repairRows } from './repair/row-repair';
import { exchange, startPortfolio, type MipPartner, type Portfolio } from './portfolio/portfolio';

const DAY_REPAIR_CELLS = 2000;
/** How long the end of a solve waits for the partner's last incumbent. */
const PARTNER_WAIT_MS = 300;
/** Start temperature of the bursts between day sweeps: about a tenth of a post's weight. */
const BURST_TEMPERATURE = 10;

export interface SolveOptions {
  seed?: number;
  timeLimitMs?: number;
  maxIterations?: number;
  /** Previous plan for replanning; its pinned assignments become fixed cells. */
  baseline?: Baseline;
  /** Clock for the time limit; injected so the engine itself does no I/O. */
  now?: () => number;
  onProgress?: (p: Progress) => void;
  /** Only these posts are filled greedily (replanning repairs locally); default all. */
  constructPosts?: ReadonlySet<string>;
  /** Candidates tried per greedy insertion. */
  candidateLimit?: number;
  /** Exact repair for large-neighbourhood search; without it the engine anneals only. */
  mip?: MipSolver;
  /** Fixed start temperature; low values keep a replan close to its baseline. */
  initialTemperature?: number;
  /** Share of the budget for annealing before LNS takes over (with `mip`); annealing is the stronger phase on the benchmark, LNS polishes. */
  annealShare?: number;
  /**
   * A solver on the whole MIP on another core (parallel portfolio), used with a time
   * limit on problems whose full MIP fits (benchmark size); incumbents are exchanged
   * after annealing and between LNS rounds. The engine stops it before returning.
   */
  partner?: MipPartner;
}

export interface SolveStats {
  iterations: number;
  elapsedMs: number;
  constructionMs: number;
  /** Times the portfolio partner's roster replaced the engine's (only with `partner`). */
  adoptedFromPartner?: number;
}

export function solve(problem: PlanningProblem, options: SolveOptions = {}): Result<Plan & { stats: SolveStats }> {
  const now = options.now ?? (() => performance.now());
  const t0 = now();
  const compiled = compile(problem, options.baseline);
  if (!compiled.ok) {
    options.partner?.stop(0);
    return compiled;
  }
  const c = compiled.value;
  const portfolio = startPartner(c, options, now() - t0);
  const rng = new Rng(options.seed ?? 1);
  const state = new State(c, initialCells(c));
  construct(state, rng, options.candidateLimit ?? 64, options.constructPosts);
  repairHard(state);
  const constructionMs = now() - t0;
  // Keep a reserve of the time limit for building the plan and explaining shortfalls.
  const reserve = options.timeLimitMs === undefined ? 0 : Math.min(500, options.timeLimitMs * 0.25);
  const remaining = options.timeLimitMs === undefined ? undefined : Math.max(0, options.timeLimitMs - reserve - constructionMs);
  if (options.maxIterations === undefined && remaining === undefined) {
    options.partner?.stop(0);
    return { ok: false, error: { code: 'no-limit', message: 'give a time limit or an iteration limit' } };
  }
  const share = options.mip ? (options.annealShare ?? defaultAnnealShare(c)) : 1;
  const { cells, iterations } = anneal(state, rng, {
    timeLimitMs: remaining === undefined ? undefined : remaining * share,
    maxIterations: options.maxIterations === undefined ? undefined : Math.ceil(options.maxIterations * share),
    now,
    initialTemperature: options.initialTemperature ?? largeInstanceTemperature(c),
    onProgress: options.onProgress ? (p) => options.onProgress?.({ ...p, fraction: p.fraction * share }) : undefined,
    onRestart: portfolio ? (st) => exchange(st, portfolio) : undefined,
  });
  const final = new State(c, cells);
  if (portfolio) exchange(final, portfolio);
  if (options.mip) runLns(final, rng, options.mip, { ...options, now, timeLimitMs: remaining, portfolio }, share);
  if (portfolio) {
    portfolio.partner.stop(PARTNER_WAIT_MS);
    exchange(final, portfolio);
  } else options.partner?.stop(0);
  const plan = toPlan(final);
  const stats: SolveStats = { iterations, elapsedMs: now() - t0, constructionMs };
  if (portfolio) stats.adoptedFromPartner = portfolio.adopted;
  return { ok: true, value: { ...plan, stats } };
}

/** The partner gets the whole budget but the reserve and a margin for the last exchange. */
function startPartner(c: Compiled, options: SolveOptions, spentMs: number): Portfolio | undefined {
  const limit = options.timeLimitMs;
  if (!options.partner || limit === undefined || c.officers * c.days > DAY_REPAIR_CELLS) return undefined;
  const seconds = (limit - Math.min(500, limit * 0.25) - spentMs - PARTNER_WAIT_MS) / 1000;
  return seconds > 0.5 ? startPortfolio(c, options.partner, seconds) : undefined;
}

/**
 * National weeks start from a construction worth keeping: a start temperature of a third
 * of the median post weight (≈40 on the LCC week; the automatic one, set by hard-rule
 * deltas, is ≈170 and first destroys most of the greedy plan).
 */
function largeInstanceTemperature(c: Compiled): number | undefined {
  if (c.officers * c.days <= DAY_REPAIR_CELLS || c.slots === 0) return undefined;
  const weights = Float64Array.from(c.slotUnder).sort();
  return Math.max(1, (weights[weights.length >> 1] ?? 3) / 3);
}

/** Benchmark-size rosters anneal most of the time; national weeks profit more from exact days. */
function defaultAnnealShare(c: Compiled): number {
  return c.officers * c.days > DAY_REPAIR_CELLS ? 0.35 : 0.85;
}

interface LnsBudget {
  now: () => number;
  timeLimitMs?: number;
  maxIterations?: number;
  onProgress?: (p: Progress) => void;
  portfolio?: Portfolio;
}

/**
 * LNS after annealing: the neighbourhood grows while sub-MIPs solve to optimality
 * and shrinks when they time out. Without a time limit, rounds are counted.
 */
function runLns(state: State, rng: Rng, mip: MipSolver, budget: LnsBudget, share: number): void {
  const start = budget.now();
  const timeMs = (budget.timeLimitMs ?? Number.POSITIVE_INFINITY) * (1 - share);
  const rounds = budget.maxIterations === undefined ? Number.POSITIVE_INFINITY : Math.max(1, Math.round(budget.maxIterations / 20000));
  const left = () => (timeMs - (budget.now() - start)) / 1000;
  const report = (round: number) => {
    const fraction = share + (1 - share) * Math.min(1, (budget.now() - start) / timeMs, (round + 1) / rounds);
    budget.onProgress?.({ fraction, iterations: round, bestHard: state.hard, bestSoft: state.soft });
  };
  // National weeks are too large for cell neighbourhoods: re-solve whole days exactly instead.
  if (state.c.officers * state.c.days > DAY_REPAIR_CELLS) {
    alternateDays(state, rng, mip, budget.now, left, Math.min(rounds, 1000), report);
    return;
  }
  let size = Math.min(4, state.c.officers);
  for (let round = 0; round < rounds && left() > 0.05; round++) {
    const t = budget.now();
    if (budget.portfolio) exchange(state, budget.portfolio);
    lnsStep(state, rng, mip, size, Math.min(left(), 3));
    const took = (budget.now() - t) / 1000;
    size = took < 0.5 ? Math.min(size + 1, state.c.officers) : Math.max(2, size - 1);
    report(round);
  }
}

/**
 * Sweeps of exact re-assignments alternate with short cold annealing bursts: a day
 * sweep moves many officers at once within each day, a row sweep re-plans each
 * officer's week with the others fixed, and the burst (a fifth of the time left)
 * exploits the freedom both create for the next sweep.
 */
function alternateDays(
  state: State, rng: Rng, mip: MipSolver, now: () => number, left: () => number, sweeps: number, report: (round: number) => void,
): void {
  // Seconds each day's repair took in the previous sweep: none is started without room for it.
  const took = new Float64Array(state.c.days);
  for (let sweep = 0; sweep < sweeps; sweep++) {
    for (let d = 0; d < state.c.days; d++) {
      if (left() <= 0.05 + (took[d] ?? 0)) return;
      const t = now();
      repairDay(state, mip, d, Math.min(left(), 3));
      took[d] = (now() - t) / 1000;
    }
    repairRows(state, officerOrder(state.c, rng));
    report(sweep);
    if (left() <= 0.3) return;
    const { cells } = anneal(state, rng, { timeLimitMs: left() * 200, now, initialTemperature: BURST_TEMPERATURE });
    state.cells.set(cells);
    state.recompute();
  }
}

/** A seeded random order of the officers, so row repairs do not always favour the first ones. */
function officerOrder(c: Compiled, rng: Rng): Int32Array {
  const order = Int32Array.from({ length: c.officers }, (_, o) => o);
  for (let i = order.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const t = order[i] ?? 0;
    order[i] = order[j] ?? 0;
    order[j] = t;
  }
  return order;
}

/** Start from the baseline where it is still valid, so replanning begins at the old plan. */
function initialCells(c: Compiled): Int32Array {
  const cells = new Int32Array(c.officers * c.days).fill(OFF);
  for (let cell = 0; cell < cells.length; cell++) {
    const b = c.baseline[cell] ?? NONE;
    if (b >= 0 && canTake(c, Math.floor(cell / c.days), b)) cells[cell] = b;
  }
  return cells;
}

export function toPlan(state: State): Plan {
  const c = state.c;
  const assignments: Assignment[] = [];
  for (let o = 0; o < c.officers; o++) {
    for (let d = 0; d < c.days; d++) {
      const s = state.cell(o, d);
      if (s === OFF) continue;
      const post = c.problem.posts[c.slotPost[s] ?? 0];
      const a: Assignment = { officerId: c.problem.officers[o]?.id ?? '', day: d, postId: post?.id ?? '', needIndex: c.slotNeed[s] ?? 0 };
      if (c.fixed[o * c.days + d]) a.pinned = true;
      assignments.push(a);
    }
  }
  let under = 0;
  let over = 0;
  for (let s = 0; s < c.slots; s++) {
    const diff = (state.count[s] ?? 0) - (c.slotCount[s] ?? 0);
    if (diff < 0) under += -diff * (c.slotUnder[s] ?? 0);
    else over += diff * (c.slotOver[s] ?? 0);
  }
  const hard = Math.round(state.hard * 1e6) / 1e6;
  return {
    problemName: c.problem.name,
    assignments,
    score: { hard, soft: state.soft, coverUnder: under, coverOver: over, requests: state.requests, disruption: state.disruption },
    feasible: hard === 0,
    shortfalls: explainShortfalls(state),
  };
}
