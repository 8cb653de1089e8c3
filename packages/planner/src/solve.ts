import { makeBudget, threadCpuClock } from './budget';
import { canTake, compile, NONE, OFF, type Baseline, type Compiled } from './compile';
import { FailureLog, messageOf, type FailedStep, type StepFailure } from './failures';
import type { Assignment, Plan, PlanningProblem, Result } from './model';
import { Rng } from './rng';
import { anneal, type Best, type Progress } from './search/anneal';
import { construct, repairHard } from './search/construct';
import { explainShortfalls } from './shortfall';
import { State } from './state';
import type { MipSolver } from './repair/lns';
import { daySweep, nationalScale, runExactPhase } from './repair/phase';
import { pricedRowSweep, violatingOfficers } from './repair/priced-rows';
import { SafeSolver } from './repair/safe-solver';
import { workBeforePrivate } from './repair/work-before-private';
import { GuardedPartner } from './portfolio/guarded-partner';
import { betterRoster, exchange, startPortfolio, type MipPartner, type Portfolio } from './portfolio/portfolio';

/** How long the end of a solve waits for the partner's last incumbent. */
const PARTNER_WAIT_MS = 300;
/** At most one checkpoint per this many budget milliseconds during the exact phase. */
const CHECKPOINT_MS = 5000;
/** At most this share of the annealing budget goes to each whole-row repair of broken rows. */
const PRICED_REPAIR_SHARE = 0.05;
/** At most this share of the annealing budget goes to each day sweep at a restart. */
const DAY_SWEEP_SHARE = 0.1;
/** A day sweep that lowers the score by less than this share is undone and ends the sweeps of the run. */
const SWEEP_MIN_GAIN = 0.005;

export interface SolveOptions {
  seed?: number;
  /** Wall-clock limit; with `cpuTimeLimitMs` it is the ceiling. */
  timeLimitMs?: number;
  /**
   * Budget in this thread's CPU time, so a run on a busy machine does the same work
   * (more slowly) instead of less; `timeLimitMs` stays a wall-clock ceiling. Without a
   * CPU clock in the runtime it acts as a wall-clock limit.
   */
  cpuTimeLimitMs?: number;
  maxIterations?: number;
  /** Previous plan for replanning; its pinned assignments become fixed cells. */
  baseline?: Baseline;
  /** Clock for the time limit; injected so the engine itself does no I/O. */
  now?: () => number;
  /** This thread's CPU clock (ms) for `cpuTimeLimitMs`; default `process.threadCpuUsage` where available. */
  cpuNow?: () => number;
  onProgress?: (p: Progress) => void;
  /**
   * The best plan so far, at the end of each phase and at most every few seconds of
   * the exact phase, so a caller (the worker) can return it if the run dies.
   */
  onCheckpoint?: (plan: Plan & { stats: SolveStats }) => void;
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
  /** Share of the time after a national week's first sweep for row-set exchanges instead of annealing (an experiment, default 0; ADR 0041). */
  rowSetShare?: number;
  /** National weeks: sweeps after the first start without the light posts (default on, not for replans; ADR 0041). */
  ruinLight?: boolean;
  /** National weeks: day repairs by the direct transportation solver instead of HiGHS (default on; ADR 0046). */
  dayFlow?: boolean;
  /** Exact day sweeps at annealing restarts on a time budget (default on; off only for the benchmark's A/B, ADR 0101). */
  daySweeps?: boolean;
}

export interface SolveStats {
  iterations: number;
  elapsedMs: number;
  constructionMs: number;
  /** Times the portfolio partner's roster replaced the engine's (only with `partner`). */
  adoptedFromPartner?: number;
  /** CPU time of this thread (ms), where the runtime reports it. */
  cpuMs?: number;
  /** Sub-steps that failed and fell back; empty on a clean run. */
  failures: StepFailure[];
}

export function solve(problem: PlanningProblem, options: SolveOptions = {}): Result<Plan & { stats: SolveStats }> {
  const wallNow = options.now ?? (() => performance.now());
  const cpuNow = options.cpuNow ?? threadCpuClock();
  const budget = makeBudget(wallNow, options.timeLimitMs, options.cpuTimeLimitMs, cpuNow);
  const run = { t0: wallNow(), cpu0: cpuNow?.() ?? 0, b0: budget.now() };
  const compiled = compile(problem, options.baseline);
  if (!compiled.ok || (options.maxIterations === undefined && budget.limitMs === undefined)) {
    options.partner?.stop(0);
    return compiled.ok ? { ok: false, error: { code: 'no-limit', message: 'give a time limit or an iteration limit' } } : compiled;
  }
  const engine = new Engine(compiled.value, options, budget.now, new FailureLog());
  const portfolio = engine.startPartner(budget.limitMs, budget.now() - run.b0);
  engine.phase('construction', () => engine.construct());
  const constructionMs = wallNow() - run.t0;
  // Keep a reserve of the budget for building the plan and explaining shortfalls.
  const reserve = budget.limitMs === undefined ? 0 : Math.min(500, budget.limitMs * 0.25);
  const remaining = budget.limitMs === undefined ? undefined : Math.max(0, budget.limitMs - reserve - (budget.now() - run.b0));
  const share = options.mip ? (options.annealShare ?? defaultAnnealShare(engine.c)) : 1;
  const stats = (): SolveStats => ({
    iterations: engine.iterations, elapsedMs: wallNow() - run.t0, constructionMs, failures: engine.failures.list(),
    ...(cpuNow ? { cpuMs: cpuNow() - run.cpu0 } : {}), ...(portfolio ? { adoptedFromPartner: portfolio.adopted } : {}),
  });
  engine.checkpoint = (force) => engine.emitCheckpoint(force, stats);
  engine.checkpoint(true);
  engine.phase('annealing', () => engine.anneal(remaining, share, portfolio));
  engine.checkpoint(true);
  if (options.mip) engine.phase('lns', () => engine.exact(remaining, share, portfolio));
  engine.finishPartner(portfolio);
  const final = prioritiseWork(engine);
  return { ok: true, value: { ...toPlan(final), stats: stats() } };
}

/** The best roster with work before private enforced (on a copy: a failing pass keeps the roster as it was). */
function prioritiseWork(engine: Engine): State {
  const best = engine.best();
  try {
    const copy = new State(engine.c, best.cells);
    workBeforePrivate(copy);
    return copy;
  } catch (e) {
    engine.failures.record('phase-error', 'work-before-private', messageOf(e));
    return best;
  }
}

/**
 * One run's search, with a fallback at every step: each phase runs guarded, the best
 * roster is kept outside the phase (lexicographically, hard first), and a phase that
 * throws is recorded and the run goes on from that best roster.
 */
class Engine {
  readonly rng: Rng;
  state: State;
  iterations = 0;
  checkpoint: (force: boolean) => void = () => undefined;
  private kept: State;
  private readonly partner?: GuardedPartner;
  private lastCheckpoint = Number.NEGATIVE_INFINITY;
  private daySolver?: SafeSolver;
  /** False when switched off, or once a day sweep gained less than `SWEEP_MIN_GAIN`: no more sweeps in this run. */
  private sweepsPay: boolean;

  constructor(readonly c: Compiled, private readonly options: SolveOptions, readonly now: () => number, readonly failures: FailureLog) {
    this.sweepsPay = options.daySweeps !== false;
    this.rng = new Rng(options.seed ?? 1);
    this.state = new State(c, initialCells(c));
    this.kept = new State(c, this.state.cells);
    if (options.partner) this.partner = new GuardedPartner(options.partner, failures);
  }

  /** Run a phase; on an error, record it and continue from the best roster kept. */
  phase(step: FailedStep, body: () => void): void {
    try {
      body();
      this.keep(this.state);
    } catch (e) {
      this.failures.record('phase-error', step, messageOf(e));
      this.state = new State(this.c, this.kept.cells);
    }
  }

  keep(candidate: State | Best): void {
    const s = candidate instanceof State ? candidate : new State(this.c, candidate.cells);
    if (betterRoster(s, this.kept)) this.kept = new State(this.c, s.cells);
  }

  best(): State {
    return betterRoster(this.state, this.kept) ? this.state : this.kept;
  }

  construct(): void {
    construct(this.state, this.rng, this.options.candidateLimit ?? 64, this.options.constructPosts);
    repairHard(this.state);
  }

  /** The partner gets the whole budget but the reserve and a margin for the last exchange. */
  startPartner(limitMs: number | undefined, spentMs: number): Portfolio | undefined {
    const wallLimit = this.options.timeLimitMs ?? limitMs;
    if (!this.partner || wallLimit === undefined || limitMs === undefined || nationalScale(this.c)) return undefined;
    const seconds = (wallLimit - Math.min(500, wallLimit * 0.25) - spentMs - PARTNER_WAIT_MS) / 1000;
    if (seconds <= 0.5) return undefined;
    try {
      const p = startPortfolio(this.c, this.partner, seconds);
      return this.partner.failed ? undefined : p;
    } catch (e) {
      this.failures.record('partner-error', 'partner', messageOf(e));
      return undefined;
    }
  }

  finishPartner(portfolio: Portfolio | undefined): void {
    this.partner?.stop(portfolio ? PARTNER_WAIT_MS : 0);
    if (portfolio) this.phase('partner', () => exchange(this.state, portfolio));
  }

  anneal(remaining: number | undefined, share: number, portfolio: Portfolio | undefined): void {
    const o = this.options;
    const holder = {} as Best;
    try {
      const { cells, iterations } = anneal(this.state, this.rng, {
        timeLimitMs: remaining === undefined ? undefined : remaining * share,
        maxIterations: o.maxIterations === undefined ? undefined : Math.ceil(o.maxIterations * share),
        now: this.now,
        initialTemperature: o.initialTemperature ?? largeInstanceTemperature(this.c),
        onProgress: o.onProgress ? (p) => o.onProgress?.({ ...p, fraction: p.fraction * share }) : undefined,
        onRestart: (st) => {
          this.repairViolatedRows(st, remaining === undefined ? undefined : remaining * share * PRICED_REPAIR_SHARE);
          if (remaining !== undefined) this.sweepDays(st, remaining * share * DAY_SWEEP_SHARE);
          if (portfolio) exchange(st, portfolio);
        },
        best: holder,
      });
      this.iterations = iterations;
      this.state = new State(this.c, cells);
      // Still infeasible (little CPU, or a hard instance): each broken row re-planned whole, then a steepest descent.
      this.repairViolatedRows(this.state, remaining === undefined ? undefined : remaining * share * PRICED_REPAIR_SHARE);
      if (this.state.hard > 0) repairHard(this.state, 10);
      if (remaining !== undefined) this.sweepDays(this.state, remaining * share * DAY_SWEEP_SHARE);
    } finally {
      // Even when the search throws, its best roster so far is kept.
      if (holder.cells) this.keep(holder);
    }
    if (portfolio) exchange(this.state, portfolio);
  }

  /**
   * Re-plan each row that breaks a hard rule whole (`repair/priced-rows.ts`), within
   * `budgetMs` of the budget clock (unbounded for a counted run, so it stays reproducible).
   * Annealing alone left rosters of long horizons infeasible for millions of moves
   * (Curtois 14, 15: a minimum of minutes half a shift short, runs and days off that
   * must move together); one whole-row re-plan per broken row fixes them.
   */
  repairViolatedRows(st: State, budgetMs: number | undefined): void {
    if (st.hard <= 0 || nationalScale(this.c)) return;
    const deadline = budgetMs === undefined ? Number.POSITIVE_INFINITY : this.now() + budgetMs;
    pricedRowSweep(st, violatingOfficers(st, this.rng), () => this.now() > deadline);
  }

  /**
   * One exact day sweep (`repair/day-repair.ts`) on a valid roster at each annealing restart
   * and at its end, within `budgetMs`: each day's assignment re-solved with the other days
   * fixed (tenths of a second), so the next cooling cycle starts from a roster that is optimal
   * day by day. Only on a time budget (a counted run stays reproducible). National weeks
   * sweep in their exact phase.
   */
  sweepDays(st: State, budgetMs: number): void {
    const mip = this.options.mip;
    if (!mip || !this.sweepsPay || st.hard > 0 || nationalScale(this.c)) return;
    this.daySolver ??= new SafeSolver(mip, this.failures);
    const end = this.now() + budgetMs;
    const before = st.score;
    const cells = st.cells.slice();
    daySweep(st, this.daySolver, this.now, () => (end - this.now()) / 1000, new Float64Array(this.c.days));
    if (st.score > before * (1 - SWEEP_MIN_GAIN)) {
      // Where annealing already leaves every day near-optimal, a sweep only costs time, and its
      // small change sent annealing elsewhere (Curtois 8: worse over four seeds): undone, no more sweeps.
      this.sweepsPay = false;
      st.cells.set(cells);
      st.recompute();
    }
  }

  exact(remaining: number | undefined, share: number, portfolio: Portfolio | undefined): void {
    const mip = this.options.mip;
    if (!mip) return;
    const solver = new SafeSolver(mip, this.failures);
    runExactPhase(this.state, this.rng, solver, {
      now: this.now,
      wallNow: this.options.cpuTimeLimitMs === undefined ? undefined : (this.options.now ?? (() => performance.now())),
      timeMs: remaining === undefined ? undefined : remaining * (1 - share),
      maxIterations: this.options.maxIterations,
      annealIterations: this.options.maxIterations === undefined ? undefined : Math.ceil(this.options.maxIterations * (1 - share)),
      portfolio,
      rowSetShare: this.options.rowSetShare ?? 0,
      ruinLight: this.options.ruinLight ?? (nationalScale(this.c) && !this.options.baseline),
      dayFlow: this.options.dayFlow ?? true,
      report: (fraction, round) => {
        this.keep(this.state);
        this.options.onProgress?.({ fraction: share + (1 - share) * fraction, iterations: round, bestHard: this.state.hard, bestSoft: this.state.soft });
        this.checkpoint(false);
      },
    });
  }

  emitCheckpoint(force: boolean, stats: () => SolveStats): void {
    const hook = this.options.onCheckpoint;
    if (!hook || (!force && this.now() - this.lastCheckpoint < CHECKPOINT_MS)) return;
    this.lastCheckpoint = this.now();
    hook({ ...toPlan(this.best()), stats: stats() });
  }
}

/**
 * National weeks start from a construction worth keeping: a start temperature of a third
 * of the median post weight (≈40 on the LCC week; the automatic one, set by hard-rule
 * deltas, is ≈170 and first destroys most of the greedy plan).
 */
function largeInstanceTemperature(c: Compiled): number | undefined {
  if (!nationalScale(c) || c.slots === 0) return undefined;
  const weights = Float64Array.from(c.slotUnder).sort();
  return Math.max(1, (weights[weights.length >> 1] ?? 3) / 3);
}

/** Benchmark-size rosters anneal most of the time; national weeks profit more from exact days. */
function defaultAnnealShare(c: Compiled): number {
  return nationalScale(c) ? 0.35 : 0.85;
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
