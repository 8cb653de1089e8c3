import { allowedSlots, NONE, OFF, type Compiled } from '../compile';

/*
 * Pricing for column generation: one officer's cheapest complete row (every hard rule
 * of `row.ts` kept) when each slot taken earns its dual value. A labelling dynamic
 * programme over the days: a label is a partial row ending in a state (last shift
 * type or off, current run length, weekends, minutes, per-type slack); labels with
 * the same state are compared by cost and slack (more dominates) and at most
 * `BUCKET` survive per state, so pricing is exact unless a bucket overflows. Labels
 * that cannot reach the caller's threshold are dropped early.
 */

/** A priced row of one officer. */
export interface PricedRow {
  /** Slot or OFF per day. */
  cells: Int32Array;
  /** Requests and disruption of the row (its cost in the master). */
  cost: number;
  /** Cost minus the duals of the slots taken. */
  reduced: number;
}

interface Label {
  cost: number;
  minutes: number;
  weekends: number;
  /** Per limited type: shifts of that type still allowed. */
  slack: Int16Array | null;
  /** Shift type of the last day, -1 for off, -2 before the first day. */
  last: number;
  run: number;
  /** Still in the row's first run, which the minimum-length rules exempt. */
  exempt: boolean;
  saturday: boolean;
  prev: Label | null;
  slot: number;
}

/**
 * Labels kept per state. Per-type maxima make states incomparable; keeping every
 * Pareto label is exact but too slow on 30+ officers with three limited types, so
 * the cheapest few survive and pricing becomes a heuristic there (the LP value is
 * then not a proven bound; it is not used as one).
 */
const BUCKET = 4;

interface RowRules {
  minCons: number;
  maxCons: number;
  minOff: number;
  minMinutes: number;
  maxMinutes: number;
  maxWeekends: number;
  /** Per type: index into a label's `slack`, or -1 when the type has no binding maximum. */
  limited: Int32Array;
  maxPerType: Int32Array;
  limitedCount: number;
  longest: number;
  forbid: Uint8Array;
  types: number;
}

function rulesOf(c: Compiled, o: number): RowRules {
  const T = c.types;
  const limited = new Int32Array(T).fill(-1);
  const maxPerType = new Int32Array(T);
  let limitedCount = 0;
  let longest = 0;
  for (let t = 0; t < T; t++) {
    const max = c.maxPerType[o * T + t] ?? c.days;
    maxPerType[t] = max;
    if (max < c.days) limited[t] = limitedCount++;
    if (max > 0) longest = Math.max(longest, c.typeMinutes[t] ?? 0);
  }
  return {
    minCons: c.minCons[o] ?? 0, maxCons: c.maxCons[o] ?? c.days, minOff: Math.max(1, c.minOff[o] ?? 0),
    minMinutes: c.minMinutes[o] ?? 0, maxMinutes: c.maxMinutes[o] ?? 0, maxWeekends: c.maxWeekends[o] ?? c.days,
    limited, maxPerType, limitedCount, longest, forbid: c.forbid, types: T,
  };
}

/**
 * Per (day, type): the slot with the highest dual the officer may take, and the cost of
 * taking it. Types the rules cannot tell apart for this officer (same length, same
 * successions both ways, no own maximum) compete per day, and only the winner is
 * offered, under the first type of its group: fewer states, same optimum.
 */
function dayChoices(c: Compiled, o: number, dual: Float64Array): { slot: Int32Array; cost: Float64Array; offCost: Float64Array } {
  const { days: D, types: T } = c;
  const group = typeGroups(c, o);
  const slot = new Int32Array(D * T).fill(NONE);
  const cost = new Float64Array(D * T);
  const offCost = new Float64Array(D);
  for (let d = 0; d < D; d++) {
    const cell = o * D + d;
    const pinned = c.fixed[cell] ? (c.baseline[cell] ?? OFF) : NONE;
    const base = c.baseline[cell] ?? NONE;
    const disruption = (s: number) => (c.disruptionWeight !== 0 && base !== NONE && base !== s ? c.disruptionWeight : 0);
    offCost[d] = pinned !== NONE && pinned !== OFF ? Number.POSITIVE_INFINITY : (c.pref[cell * (T + 1) + T] ?? 0) + disruption(OFF);
    for (const s of allowedSlots(c, cell)) {
      if (pinned !== NONE && s !== pinned) continue;
      const t = c.slotType[s] ?? 0;
      const v = (c.pref[cell * (T + 1) + t] ?? 0) + disruption(s) - (dual[s] ?? 0);
      const k = d * T + (group[t] ?? t);
      if (slot[k] === NONE || v < (cost[k] ?? 0)) {
        slot[k] = s;
        cost[k] = v;
      }
    }
  }
  return { slot, cost, offCost };
}

/** Per type: the first type of its group of interchangeable types for officer `o`. */
function typeGroups(c: Compiled, o: number): Int32Array {
  const T = c.types;
  const group = Int32Array.from({ length: T }, (_, t) => t);
  const signature = (t: number) => {
    if ((c.maxPerType[o * T + t] ?? c.days) < c.days) return `own${t}`;
    let sig = `${c.typeMinutes[t]}:`;
    for (let x = 0; x < T; x++) sig += `${c.forbid[t * T + x]}${c.forbid[x * T + t]}`;
    return sig;
  };
  const first = new Map<string, number>();
  for (let t = 0; t < T; t++) {
    const sig = signature(t);
    const f = first.get(sig);
    if (f === undefined) first.set(sig, t);
    else group[t] = f;
  }
  return group;
}

/** The cheapest valid row for officer `o` under the slot duals; null when no row keeps the rules. */
export function priceRow(c: Compiled, o: number, dual: Float64Array, below = Number.POSITIVE_INFINITY): PricedRow | null {
  const r = rulesOf(c, o);
  const { days: D, types: T } = c;
  const choices = dayChoices(c, o, dual);
  const rest = cheapestRest(choices, D, T);
  let labels: Label[] = [start(r)];
  for (let d = 0; d < D; d++) {
    const next = new Map<number, Label[]>();
    const daysLeft = D - d - 1;
    const reachable = daysLeft * r.longest;
    // A label that cannot end below `below` even at each later day's cheapest choice is dropped.
    const limit = below - (rest[d + 1] ?? 0);
    for (const l of labels) {
      const off = choices.offCost[d] ?? 0;
      if (Number.isFinite(off)) insert(next, extend(r, l, d, -1, OFF, off, 0, reachable), daysLeft, limit);
      for (let t = 0; t < T; t++) {
        const s = choices.slot[d * T + t] ?? NONE;
        if (s === NONE) continue;
        insert(next, extend(r, l, d, t, s, choices.cost[d * T + t] ?? 0, c.typeMinutes[t] ?? 0, reachable), daysLeft, limit);
      }
    }
    labels = [];
    for (const list of next.values()) labels.push(...list);
  }
  let best: Label | null = null;
  for (const l of labels) if (l.minutes >= r.minMinutes && (!best || l.cost < best.cost)) best = l;
  return best ? toRow(c, best, dual) : null;
}

/** Per day: the sum of each later day's cheapest choice, rules ignored (a lower bound). */
function cheapestRest(choices: { slot: Int32Array; cost: Float64Array; offCost: Float64Array }, D: number, T: number): Float64Array {
  const rest = new Float64Array(D + 1);
  for (let d = D - 1; d >= 0; d--) {
    let min = choices.offCost[d] ?? 0;
    for (let t = 0; t < T; t++) if (choices.slot[d * T + t] !== NONE) min = Math.min(min, choices.cost[d * T + t] ?? 0);
    rest[d] = (rest[d + 1] ?? 0) + min;
  }
  return rest;
}

function initialSlack(r: RowRules): Int16Array | null {
  if (r.limitedCount === 0) return null;
  const slack = new Int16Array(r.limitedCount);
  r.limited.forEach((k, t) => {
    if (k >= 0) slack[k] = r.maxPerType[t] ?? 0;
  });
  return slack;
}

function start(r: RowRules): Label {
  return {
    cost: 0, minutes: 0, weekends: 0, slack: initialSlack(r),
    last: -2, run: 0, exempt: true, saturday: false, prev: null, slot: OFF,
  };
}

/** The label after taking `slot` (type `t`, or -1 for off) on day `d`; null when a rule breaks. */
function extend(r: RowRules, l: Label, d: number, t: number, slot: number, cost: number, minutes: number, reachable: number): Label | null {
  const first = l.last === -2;
  const working = t >= 0;
  const wasWorking = l.last >= 0;
  let run = 1;
  let exempt = first;
  if (!first && working === wasWorking) {
    run = working ? l.run + 1 : Math.min(l.run + 1, r.minOff);
    exempt = l.exempt;
  } else if (!first && !l.exempt) {
    if (wasWorking && l.run < r.minCons) return null;
    if (!wasWorking && l.run < r.minOff) return null;
  }
  if (working && run > r.maxCons) return null;
  if (working && wasWorking && r.forbid[l.last * r.types + t]) return null;
  const total = l.minutes + minutes;
  if (total > r.maxMinutes || total + reachable < r.minMinutes) return null;
  let slack = l.slack;
  if (working) {
    const k = r.limited[t] ?? -1;
    if (k >= 0 && slack) {
      if ((slack[k] ?? 0) < 1) return null;
      slack = slack.slice();
      slack[k] = (slack[k] ?? 0) - 1;
    } else if ((r.maxPerType[t] ?? 0) < 1) return null;
  }
  let weekends = l.weekends;
  if (d % 7 === 6 && (working || l.saturday)) {
    weekends++;
    if (weekends > r.maxWeekends) return null;
  }
  return {
    cost: l.cost + cost, minutes: total, weekends, slack, last: t, run, exempt,
    saturday: d % 7 === 5 && working, prev: l, slot,
  };
}

/** Labels with the same key differ only in cost and per-type slack (runs below 1,024 days, minutes below 65,536). */
function key(l: Label): number {
  const flags = (l.exempt ? 2 : 0) + (l.saturday ? 1 : 0);
  return ((((l.last + 2) * 1024 + l.run) * 4 + flags) * 128 + l.weekends) * 65536 + l.minutes;
}

/** A slack larger than the days left cannot bind, so it counts only up to there. */
function dominates(a: Label, b: Label, daysLeft: number): boolean {
  if (a.cost > b.cost) return false;
  if (!a.slack || !b.slack) return true;
  for (let i = 0; i < a.slack.length; i++) {
    if (Math.min(a.slack[i] ?? 0, daysLeft) < Math.min(b.slack[i] ?? 0, daysLeft)) return false;
  }
  return true;
}

function insert(labels: Map<number, Label[]>, l: Label | null, daysLeft: number, limit: number): void {
  if (!l || l.cost >= limit) return;
  const k = key(l);
  const list = labels.get(k);
  if (!list) {
    labels.set(k, [l]);
    return;
  }
  if (list.some((x) => dominates(x, l, daysLeft))) return;
  const kept = list.filter((x) => !dominates(l, x, daysLeft));
  kept.push(l);
  if (kept.length > BUCKET) {
    kept.sort((a, b) => a.cost - b.cost);
    kept.length = BUCKET;
  }
  labels.set(k, kept);
}

function toRow(c: Compiled, l: Label, dual: Float64Array): PricedRow {
  const cells = new Int32Array(c.days).fill(OFF);
  let dualSum = 0;
  let d = c.days - 1;
  for (let x: Label | null = l; x && x.last !== -2; x = x.prev, d--) {
    cells[d] = x.slot;
    if (x.slot !== OFF) dualSum += dual[x.slot] ?? 0;
  }
  return { cells, cost: l.cost + dualSum, reduced: l.cost };
}
