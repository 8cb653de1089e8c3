import type { Assignment, PlanningProblem, Result } from './model';

/**
 * Array form of a problem for the search. A cell (officer, day) holds a slot index
 * or OFF; a slot is one need line of one post. Everything the inner loop reads is a
 * typed array so that a move is evaluated without allocation.
 */
export const OFF = -1;

export interface Compiled {
  problem: PlanningProblem;
  officers: number;
  days: number;
  types: number;
  slots: number;
  slotPost: Int32Array;
  slotNeed: Int32Array;
  slotDay: Int32Array;
  slotType: Int32Array;
  slotCount: Int32Array;
  slotUnder: Float64Array;
  slotOver: Float64Array;
  /** Slots per day. */
  daySlots: Int32Array[];
  /** Lazily filled caches behind `allowedSlots` and `officersFor`. */
  allowed: (Int32Array | undefined)[];
  slotOfficers: (Int32Array | undefined)[];
  /** Officers with the same qualifications and unit kind form a group; slots with the same need and allowed units a class. */
  officerGroup: Int32Array;
  slotClass: Int32Array;
  /** Eligibility lists shared per (group, day) and (class, day), so a national week builds a few hundred lists, not millions of pairs. */
  groupDaySlots: Map<number, Int32Array>;
  classDayOfficers: Map<number, Int32Array>;
  officerQualMask: Int32Array;
  officerKindBit: Int32Array;
  slotQualBit: Int32Array;
  slotKindMask: Int32Array;
  /** Officer → unit index; slot → index into `taskings` (a 0/1 flag per unit index), or -1 when untasked. */
  officerUnit: Int32Array;
  slotTasking: Int32Array;
  taskings: Uint8Array[];
  leave: Uint8Array;
  /** Request penalty per (officer, day, type); index `types` means off. */
  pref: Float64Array;
  forbid: Uint8Array;
  typeMinutes: Int32Array;
  /** Shortest shift length: the unit in which minute violations are counted. */
  shiftUnit: number;
  maxPerType: Int32Array;
  minMinutes: Int32Array;
  maxMinutes: Int32Array;
  maxCons: Int32Array;
  minCons: Int32Array;
  minOff: Int32Array;
  maxWeekends: Int32Array;
  /** Cells that may not change (pinned or briefed assignments during replanning). */
  fixed: Uint8Array;
  /** Previous plan per cell, or NONE when there is no baseline. */
  baseline: Int32Array;
  disruptionWeight: number;
  postIndex: Map<string, number>;
}

export const NONE = -2;

export interface Baseline {
  assignments: Assignment[];
  /** Penalty per cell that differs from the previous plan. */
  weight: number;
}

export function compile(problem: PlanningProblem, baseline?: Baseline): Result<Compiled> {
  const typeIndex = new Map(problem.shiftTypes.map((t, i) => [t.id, i]));
  const unitKind = new Map<string, string>(problem.units.map((u) => [u.id, u.kind]));
  const O = problem.officers.length;
  const D = problem.days;
  const T = problem.shiftTypes.length;
  const slotsList: { post: number; need: number; day: number; type: number }[] = [];
  const postIndex = new Map<string, number>();
  for (const [p, post] of problem.posts.entries()) {
    const type = typeIndex.get(post.shiftTypeId);
    if (type === undefined) return fail('unknown-shift-type', `post ${post.id}: shift type ${post.shiftTypeId}`);
    if (post.day < 0 || post.day >= D) return fail('day-out-of-horizon', `post ${post.id}: day ${post.day}`);
    postIndex.set(post.id, p);
    post.needs.forEach((_, need) => slotsList.push({ post: p, need, day: post.day, type }));
  }
  const S = slotsList.length;
  const c: Compiled = {
    problem, officers: O, days: D, types: T, slots: S,
    slotPost: Int32Array.from(slotsList, (s) => s.post),
    slotNeed: Int32Array.from(slotsList, (s) => s.need),
    slotDay: Int32Array.from(slotsList, (s) => s.day),
    slotType: Int32Array.from(slotsList, (s) => s.type),
    slotCount: Int32Array.from(slotsList, (s) => need(problem, s).count),
    slotUnder: Float64Array.from(slotsList, (s) => need(problem, s).underWeight),
    slotOver: Float64Array.from(slotsList, (s) => need(problem, s).overWeight),
    daySlots: [], allowed: new Array<Int32Array | undefined>(O * D), slotOfficers: new Array<Int32Array | undefined>(S),
    officerGroup: new Int32Array(O), slotClass: new Int32Array(S), groupDaySlots: new Map(), classDayOfficers: new Map(), officerQualMask: new Int32Array(O), officerKindBit: new Int32Array(O),
    slotQualBit: new Int32Array(S), slotKindMask: new Int32Array(S), officerUnit: new Int32Array(O), slotTasking: new Int32Array(S).fill(-1), taskings: [], leave: new Uint8Array(O * D), pref: new Float64Array(O * D * (T + 1)),
    forbid: new Uint8Array(T * T), typeMinutes: Int32Array.from(problem.shiftTypes, (t) => t.minutes),
    shiftUnit: Math.max(1, Math.min(...problem.shiftTypes.map((t) => t.minutes))),
    maxPerType: new Int32Array(O * T), minMinutes: new Int32Array(O), maxMinutes: new Int32Array(O),
    maxCons: new Int32Array(O), minCons: new Int32Array(O), minOff: new Int32Array(O), maxWeekends: new Int32Array(O),
    fixed: new Uint8Array(O * D), baseline: new Int32Array(O * D).fill(NONE), disruptionWeight: baseline?.weight ?? 0,
    postIndex,
  };
  for (const [i, t] of problem.shiftTypes.entries()) {
    for (const next of t.cannotFollow) {
      const j = typeIndex.get(next);
      if (j !== undefined) c.forbid[i * T + j] = 1;
    }
  }
  fillOfficers(c, typeIndex);
  fillAllowed(c, unitKind);
  if (baseline) {
    const r = fillBaseline(c, baseline);
    if (!r.ok) return r;
  }
  return { ok: true, value: c };
}

function need(problem: PlanningProblem, s: { post: number; need: number }) {
  const n = problem.posts[s.post]?.needs[s.need];
  if (!n) throw new Error('slot without need');
  return n;
}

function fail(code: string, message: string): Result<never> {
  return { ok: false, error: { code, message } };
}

function fillOfficers(c: Compiled, typeIndex: Map<string, number>): void {
  const { days: D, types: T } = c;
  for (const [o, officer] of c.problem.officers.entries()) {
    const k = officer.contract;
    for (let t = 0; t < T; t++) {
      const id = c.problem.shiftTypes[t]?.id ?? '';
      c.maxPerType[o * T + t] = k.maxShiftsPerType[id] ?? D;
    }
    c.minMinutes[o] = k.minTotalMinutes;
    c.maxMinutes[o] = k.maxTotalMinutes;
    c.maxCons[o] = k.maxConsecutiveShifts;
    c.minCons[o] = k.minConsecutiveShifts;
    c.minOff[o] = k.minConsecutiveDaysOff;
    c.maxWeekends[o] = k.maxWeekends;
    for (const d of officer.leaveDays) if (d >= 0 && d < D) c.leave[o * D + d] = 1;
    for (const r of officer.requests) {
      if (r.day < 0 || r.day >= D) continue;
      const base = (o * D + r.day) * (T + 1);
      const t = r.shiftTypeId === undefined ? -1 : (typeIndex.get(r.shiftTypeId) ?? -2);
      if (t === -2) continue;
      for (let v = 0; v <= T; v++) {
        const worksT = v < T && (t === -1 || v === t);
        // An on-request is unmet unless that shift (any shift) is worked; an off-request is broken if it is.
        if (r.kind === 'on' ? !worksT : worksT) c.pref[base + v] = (c.pref[base + v] ?? 0) + r.weight;
      }
    }
  }
}

function fillAllowed(c: Compiled, unitKind: Map<string, string>): void {
  const quals = new Map<string, number>();
  const kinds = new Map<string, number>();
  const bit = (m: Map<string, number>, key: string) => {
    if (!m.has(key)) m.set(key, 1 << m.size);
    return m.get(key) ?? 0;
  };
  for (let s = 0; s < c.slots; s++) {
    const post = c.problem.posts[c.slotPost[s] ?? 0];
    const q = post?.needs[c.slotNeed[s] ?? 0]?.qualification ?? null;
    c.slotQualBit[s] = q === null ? 0 : bit(quals, q);
    for (const k of post?.allowedUnitKinds ?? []) c.slotKindMask[s] = (c.slotKindMask[s] ?? 0) | bit(kinds, k);
  }
  for (const [o, officer] of c.problem.officers.entries()) {
    for (const q of officer.qualifications) if (quals.has(q)) c.officerQualMask[o] = (c.officerQualMask[o] ?? 0) | bit(quals, q);
    c.officerKindBit[o] = bit(kinds, unitKind.get(officer.unitId) ?? 'generic');
  }
  if (quals.size > 31 || kinds.size > 31) throw new Error('more than 31 qualifications or unit kinds');
  fillTaskings(c);
  // Officers of one unit differ only when some post is tasked to units; otherwise the kind suffices.
  const byUnit = c.taskings.length > 0;
  const groups = new Map<string, number>();
  for (let o = 0; o < c.officers; o++) c.officerGroup[o] = idOf(groups, `${c.officerQualMask[o] ?? 0}|${c.officerKindBit[o] ?? 0}|${byUnit ? (c.officerUnit[o] ?? 0) : ''}`);
  const classes = new Map<string, number>();
  for (let s = 0; s < c.slots; s++) c.slotClass[s] = idOf(classes, `${c.slotQualBit[s] ?? 0}|${c.slotKindMask[s] ?? 0}|${c.slotTasking[s] ?? -1}`);
  const byDay: number[][] = Array.from({ length: c.days }, () => []);
  for (let s = 0; s < c.slots; s++) byDay[c.slotDay[s] ?? 0]?.push(s);
  c.daySlots = byDay.map((l) => Int32Array.from(l));
}

/** Unit indices of officers, and one shared flag array per distinct set of tasked units. */
function fillTaskings(c: Compiled): void {
  const units = new Map<string, number>();
  for (const u of c.problem.units) idOf(units, u.id);
  for (const [o, officer] of c.problem.officers.entries()) c.officerUnit[o] = idOf(units, officer.unitId);
  const sets = new Map<string, number>();
  for (let s = 0; s < c.slots; s++) {
    const ids = c.problem.posts[c.slotPost[s] ?? 0]?.allowedUnitIds;
    if (!ids) continue;
    const key = [...new Set(ids)].sort().join('|');
    let t = sets.get(key);
    if (t === undefined) {
      t = c.taskings.length;
      sets.set(key, t);
      // Units only a post names (unknown or without officers) match no officer.
      const flags = new Uint8Array(units.size + ids.length);
      for (const id of ids) {
        const u = units.get(id);
        if (u !== undefined) flags[u] = 1;
      }
      c.taskings.push(flags);
    }
    c.slotTasking[s] = t;
  }
}

/** Whether the officer's unit is tasked with the slot's post (always, for an untasked post). */
export function tasked(c: Compiled, o: number, s: number): boolean {
  const t = c.slotTasking[s] ?? -1;
  return t < 0 || c.taskings[t]?.[c.officerUnit[o] ?? 0] === 1;
}

function idOf(ids: Map<string, number>, key: string): number {
  let id = ids.get(key);
  if (id === undefined) {
    id = ids.size;
    ids.set(key, id);
  }
  return id;
}

const EMPTY = new Int32Array(0);

/**
 * Slots an officer may take on a day (qualification, unit, not on leave). Computed on
 * first use and shared by all officers of a group that are not on leave that day:
 * a national week has millions of (officer, slot) pairs and a replan compiles afresh.
 */
export function allowedSlots(c: Compiled, cell: number): Int32Array {
  let list = c.allowed[cell];
  if (!list) {
    const o = Math.floor(cell / c.days);
    const d = cell % c.days;
    if (c.leave[cell]) list = EMPTY;
    else {
      const key = (c.officerGroup[o] ?? 0) * c.days + d;
      list = c.groupDaySlots.get(key);
      if (!list) {
        list = (c.daySlots[d] ?? EMPTY).filter((s) => canTake(c, o, s));
        c.groupDaySlots.set(key, list);
      }
    }
    c.allowed[cell] = list;
  }
  return list;
}

/** Officers that may take a slot, in index order (computed on first use, shared per class and day). */
export function officersFor(c: Compiled, s: number): Int32Array {
  let list = c.slotOfficers[s];
  if (!list) {
    const key = (c.slotClass[s] ?? 0) * c.days + (c.slotDay[s] ?? 0);
    list = c.classDayOfficers.get(key);
    if (!list) {
      const out: number[] = [];
      for (let o = 0; o < c.officers; o++) if (canTake(c, o, s)) out.push(o);
      list = Int32Array.from(out);
      c.classDayOfficers.set(key, list);
    }
    c.slotOfficers[s] = list;
  }
  return list;
}

/** Whether an officer may fill a slot: not on leave, qualified, unit kind allowed, unit tasked. */
export function canTake(c: Compiled, o: number, s: number): boolean {
  if (c.leave[o * c.days + (c.slotDay[s] ?? 0)]) return false;
  return qualifiedFor(c, o, s) && tasked(c, o, s);
}

/** Qualification and unit kind only (leave and tasking aside): the shortfall diagnosis separates them. */
export function qualifiedFor(c: Compiled, o: number, s: number): boolean {
  const q = c.slotQualBit[s] ?? 0;
  if (q !== 0 && ((c.officerQualMask[o] ?? 0) & q) === 0) return false;
  const k = c.slotKindMask[s] ?? 0;
  return k === 0 || ((c.officerKindBit[o] ?? 0) & k) !== 0;
}

function fillBaseline(c: Compiled, b: Baseline): Result<true> {
  const officerIndex = new Map(c.problem.officers.map((o, i) => [o.id, i]));
  const firstSlot = slotStarts(c);
  // Officers without a baseline assignment on a day were off that day.
  c.baseline.fill(OFF);
  for (const a of b.assignments) {
    const o = officerIndex.get(a.officerId);
    const p = c.postIndex.get(a.postId);
    if (o === undefined || p === undefined) continue;
    const s = (firstSlot[p] ?? 0) + a.needIndex;
    if (c.slotDay[s] !== a.day || c.slotPost[s] !== p) continue;
    const cell = o * c.days + a.day;
    c.baseline[cell] = s;
    if (a.pinned) {
      if (!canTake(c, o, s)) return fail('pinned-not-allowed', `pinned ${a.officerId} on ${a.postId} is not allowed`);
      c.fixed[cell] = 1;
    }
  }
  return { ok: true, value: true };
}

export function slotStarts(c: Compiled): Int32Array {
  const starts = new Int32Array(c.problem.posts.length);
  let s = 0;
  for (const [p, post] of c.problem.posts.entries()) {
    starts[p] = s;
    s += post.needs.length;
  }
  return starts;
}
