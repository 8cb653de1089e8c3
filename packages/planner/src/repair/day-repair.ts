import { canTake, OFF } from '../compile';
import { rowCost, type RowCost } from '../row';
import type { State } from '../state';
import type { MipSolver } from './lns';
import type { Rng } from '../rng';
import { solveDayFlow, type DayFlowEdge } from './day-flow';

/** Larger objective coefficients are numerical trouble for HiGHS (it refuses ≈1e15 and above). */
const MAX_COEFFICIENT = 1e12;

/**
 * Exact re-assignment of one whole day. With every other day fixed, an officer's row
 * cost depends only on the shift type (or off) on that day, and slots of one class
 * (type, qualification, units, weight) are interchangeable, so the day is a bipartite
 * transportation problem: officers → slot classes. Its LP is totally unimodular, so
 * HiGHS returns an integral optimum in one LP solve, even for 1,200 officers.
 */
export function repairDay(state: State, solver: MipSolver, d: number, seconds: number): boolean {
  const day = dayProblem(state, d);
  if (!day) return false;
  const { classes, movable, edges } = day;
  const objective: string[] = [];
  const officerRows: string[] = [];
  const classTerms: string[][] = classes.map(() => []);
  let terms: string[] = [];
  let last = -1;
  for (const e of edges) {
    if (e.officer !== last) {
      if (terms.length) officerRows.push(`${terms.join(' + ')} <= 1`);
      terms = [];
      last = e.officer;
    }
    const name = `z_${movable[e.officer]}_${e.cls}`;
    objective.push(`+ ${e.gain} ${name}`);
    terms.push(name);
    classTerms[e.cls]?.push(name);
  }
  if (terms.length) officerRows.push(`${terms.join(' + ')} <= 1`);
  const capRows = classes.flatMap((k, i) => (classTerms[i]?.length ? [`${classTerms[i]?.join(' + ')} <= ${k.open}`] : []));
  if (objective.length === 0) return false;
  const text = ['Maximize', ` obj: ${objective.join(' ')}`, 'Subject To',
    ...[...officerRows, ...capRows].map((r, i) => ` d${i}: ${r}`), 'End'].join('\n');
  const result = solver.solve(text, seconds);
  if (!result) return false;
  return apply(state, d, movable, classes, (i) => classes.findIndex((_, j) => result.primal(`z_${movable[i]}_${j}`) > 0.5));
}

/** Below any real difference of a day's gains (whole weights), even summed over every officer of the day. */
const TIE_JITTER = 1e-4;

/**
 * The same day re-assignment with the transportation problem solved directly (`day-flow.ts`,
 * ADR 0046): the national week's exact phase, where HiGHS took most of its time. Among the day's
 * optima one is taken at random (seeded), as HiGHS's simplex in effect did: with a fixed choice
 * the ruin rounds stalled (seed 2: 141,655 against 135,483 after six rounds). Curtois-size
 * problems keep `repairDay`.
 */
export function repairDayByFlow(state: State, d: number, rng: Rng): boolean {
  const day = dayProblem(state, d);
  if (!day || day.edges.length === 0) return false;
  // Ties broken at random: most gains are whole weights, so a day has many optima, and a fixed
  // order (the lowest officer first) made every sweep and ruin round land on the same one.
  for (const e of day.edges) e.gain += rng.next() * TIE_JITTER;
  const assign = solveDayFlow(day.movable.length, day.classes.map((k) => k.open), day.edges);
  return apply(state, d, day.movable, day.classes, (i) => assign[i] ?? -1);
}

interface DayProblem {
  classes: SlotClass[];
  /** Officers whose cell on the day is free; edges name them by index into this list, in order. */
  movable: number[];
  edges: DayFlowEdge[];
}

function dayProblem(state: State, d: number): DayProblem | null {
  const c = state.c;
  const classes = dayClasses(state, d);
  if (classes.length === 0) return null;
  const movable: number[] = [];
  const edges: DayFlowEdge[] = [];
  for (let o = 0; o < c.officers; o++) {
    if (c.fixed[o * c.days + d]) continue;
    const officer = movable.length;
    movable.push(o);
    const costs = typeCosts(state, o, d);
    classes.forEach((k, i) => {
      const cost = costs[k.type];
      if (cost === undefined || !canTake(c, o, k.slots[0] ?? 0)) return;
      // Clamped: an absurd coefficient makes HiGHS fail; NaN never passes the test.
      const gain = Math.min(MAX_COEFFICIENT, k.weight - cost);
      if (!(gain > 1e-9)) return;
      edges.push({ officer, cls: i, gain });
    });
  }
  return { classes, movable, edges };
}

interface SlotClass {
  type: number;
  weight: number;
  slots: number[];
  /** Needs still open once the fixed (pinned) officers are counted. */
  open: number;
}

function dayClasses(state: State, d: number): SlotClass[] {
  const c = state.c;
  const fixedCount = new Map<number, number>();
  for (let o = 0; o < c.officers; o++) {
    const s = state.cell(o, d);
    if (c.fixed[o * c.days + d] && s !== OFF) fixedCount.set(s, (fixedCount.get(s) ?? 0) + 1);
  }
  const byKey = new Map<string, SlotClass>();
  for (const s of c.daySlots[d] ?? []) {
    const open = (c.slotCount[s] ?? 0) - (fixedCount.get(s) ?? 0);
    if (open <= 0) continue;
    const key = `${c.slotType[s]}|${c.slotQualBit[s]}|${c.slotKindMask[s]}|${c.slotTasking[s]}|${c.slotUnder[s]}`;
    let k = byKey.get(key);
    if (!k) {
      k = { type: c.slotType[s] ?? 0, weight: c.slotUnder[s] ?? 0, slots: [], open: 0 };
      byKey.set(key, k);
    }
    k.slots.push(s);
    k.open += open;
  }
  return [...byKey.values()];
}

const scratch: RowCost = { hard: 0, requests: 0, disruption: 0 };

/** Row cost of each shift type on day d relative to off; undefined if it adds hard violations. */
function typeCosts(state: State, o: number, d: number): (number | undefined)[] {
  const c = state.c;
  const cell = o * c.days + d;
  const saved = state.cells[cell] ?? OFF;
  state.cells[cell] = OFF;
  rowCost(c, state.cells, o, scratch);
  const offHard = scratch.hard;
  const offSoft = scratch.requests + scratch.disruption;
  const out: (number | undefined)[] = [];
  for (let t = 0; t < c.types; t++) {
    const s = (c.daySlots[d] ?? []).find((x) => c.slotType[x] === t);
    if (s === undefined) {
      out.push(undefined);
      continue;
    }
    state.cells[cell] = s;
    rowCost(c, state.cells, o, scratch);
    out.push(scratch.hard > offHard + 1e-9 ? undefined
      : scratch.requests + scratch.disruption - offSoft + (scratch.hard - offHard) * state.hardWeight);
  }
  state.cells[cell] = saved;
  return out;
}

function apply(state: State, d: number, movable: number[], classes: SlotClass[], classOf: (i: number) => number): boolean {
  const c = state.c;
  const before = state.score;
  const left = new Map<number, number>();
  for (const k of classes) for (const s of k.slots) left.set(s, (c.slotCount[s] ?? 0));
  for (let o = 0; o < c.officers; o++) {
    const s = state.cell(o, d);
    if (c.fixed[o * c.days + d] && s !== OFF) left.set(s, (left.get(s) ?? 0) - 1);
  }
  for (const o of movable) state.set(o, d, OFF);
  movable.forEach((o, i) => {
    const k = classes[classOf(i)];
    if (!k) return;
    const s = k.slots.find((x) => (left.get(x) ?? 0) > 0);
    if (s === undefined) return;
    left.set(s, (left.get(s) ?? 0) - 1);
    state.set(o, d, s);
  });
  return state.keepIfNotWorse(before);
}

