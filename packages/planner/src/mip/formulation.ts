import { OFF, type Compiled } from '../compile';

/**
 * Exact MIP of a compiled problem in CPLEX LP text, the reference formulation for
 * HiGHS: x(o,d,s) = officer o takes slot s on day d. Every hard rule of `row.ts` is a
 * linear constraint here; cover deviations are continuous under/over variables.
 * The objective excludes the constant request cost of "off" cells, returned as `offset`.
 */
export interface LpModel {
  text: string;
  offset: number;
  /** Column name → [officer, day, slot] for decoding. */
  columns: Map<string, [number, number, number]>;
}

/** Sub-problem: only `free` officers get variables; the others keep `cells` as constants. */
export interface Neighbourhood {
  free: Uint8Array;
  cells: Int32Array;
}

export function buildMip(c: Compiled, hood?: Neighbourhood): LpModel {
  const { officers: O, days: D, types: T } = c;
  const objective: string[] = [];
  const rows: string[] = [];
  const binaries: string[] = [];
  const columns = new Map<string, [number, number, number]>();
  let offset = 0;
  // work[o][d] and byType[o][d][t] are sums of x, kept as term lists.
  const work: string[][][] = [];
  const byType: string[][][][] = [];
  for (let o = 0; o < O; o++) {
    work.push([]);
    byType.push([]);
    for (let d = 0; d < D; d++) {
      const cell = o * D + d;
      if (hood && !hood.free[o]) continue;
      const offCost = c.pref[cell * (T + 1) + T] ?? 0;
      offset += offCost;
      const terms: string[] = [];
      const types: string[][] = Array.from({ length: T }, () => []);
      for (const s of c.allowed[cell] ?? []) {
        const name = `x_${o}_${d}_${s}`;
        const t = c.slotType[s] ?? 0;
        columns.set(name, [o, d, s]);
        binaries.push(name);
        terms.push(name);
        types[t]?.push(name);
        const cost = (c.pref[cell * (T + 1) + t] ?? 0) - offCost;
        if (cost !== 0) objective.push(`${signed(cost)} ${name}`);
      }
      if (terms.length > 1) rows.push(`${sum(terms)} <= 1`);
      work[o]?.push(terms);
      byType[o]?.push(types);
    }
  }
  coverRows(c, columns, objective, rows, fixedCounts(c, hood));
  for (let o = 0; o < O; o++) if (!hood || hood.free[o]) officerRows(c, o, work[o] ?? [], byType[o] ?? [], rows, binaries);
  const text = [
    'Minimize',
    ` obj: ${objective.length ? objective.join(' ') : '0 x_dummy'}`,
    'Subject To',
    ...rows.map((r, i) => ` r${i}: ${r}`),
    'Binaries',
    ...chunk(binaries),
    'End',
  ].join('\n');
  return { text, offset, columns };
}

function signed(v: number): string {
  return v < 0 ? `- ${-v}` : `+ ${v}`;
}

function sum(terms: string[]): string {
  return terms.join(' + ');
}

function chunk(names: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < names.length; i += 20) out.push(` ${names.slice(i, i + 20).join(' ')}`);
  return out;
}

function fixedCounts(c: Compiled, hood?: Neighbourhood): Int32Array {
  const n = new Int32Array(c.slots);
  if (!hood) return n;
  for (let o = 0; o < c.officers; o++) {
    if (hood.free[o]) continue;
    for (let d = 0; d < c.days; d++) {
      const s = hood.cells[o * c.days + d] ?? OFF;
      if (s !== OFF) n[s] = (n[s] ?? 0) + 1;
    }
  }
  return n;
}

function coverRows(c: Compiled, columns: Map<string, [number, number, number]>, objective: string[], rows: string[], fixed: Int32Array): void {
  const bySlot: string[][] = Array.from({ length: c.slots }, () => []);
  for (const [name, [, , s]] of columns) bySlot[s]?.push(name);
  for (let s = 0; s < c.slots; s++) {
    const terms = bySlot[s] ?? [];
    objective.push(`+ ${c.slotUnder[s] ?? 0} u_${s}`, `+ ${c.slotOver[s] ?? 0} v_${s}`);
    const lhs = terms.length ? `${sum(terms)} + u_${s} - v_${s}` : `u_${s} - v_${s}`;
    rows.push(`${lhs} = ${(c.slotCount[s] ?? 0) - (fixed[s] ?? 0)}`);
  }
}

function officerRows(c: Compiled, o: number, work: string[][], byType: string[][][], rows: string[], binaries: string[]): void {
  const { days: D, types: T } = c;
  const w = (d: number) => work[d] ?? [];
  const add = (lhs: string[], rhs: string) => {
    if (lhs.length) rows.push(`${lhs.join(' ')} ${rhs}`);
  };
  const plus = (terms: string[], coef = 1) => terms.map((t) => `${signed(coef)} ${t}`);
  for (let t = 0; t < T; t++) {
    const all = byType.flatMap((day) => day[t] ?? []);
    if (all.length > (c.maxPerType[o * T + t] ?? D)) add(plus(all), `<= ${c.maxPerType[o * T + t]}`);
  }
  const minutes = byType.flatMap((day) => day.flatMap((names, t) => plus(names, c.typeMinutes[t] ?? 0)));
  add(minutes, `<= ${c.maxMinutes[o]}`);
  if ((c.minMinutes[o] ?? 0) > 0) rows.push(`${minutes.join(' ') || '0 x_dummy'} >= ${c.minMinutes[o]}`);
  for (let d = 0; d + 1 < D; d++) {
    for (let a = 0; a < T; a++) {
      for (let b = 0; b < T; b++) {
        if (!c.forbid[a * T + b]) continue;
        add([...plus(byType[d]?.[a] ?? []), ...plus(byType[d + 1]?.[b] ?? [])], '<= 1');
      }
    }
  }
  const maxCons = c.maxCons[o] ?? D;
  for (let d = 0; d + maxCons < D; d++) {
    add(Array.from({ length: maxCons + 1 }, (_, i) => plus(w(d + i))).flat(), `<= ${maxCons}`);
  }
  // A run of length l strictly inside the horizon, bounded by the opposite state.
  for (let l = 1; l < (c.minCons[o] ?? 0); l++) {
    for (let d = 1; d + l < D; d++) {
      const inner = Array.from({ length: l }, (_, i) => plus(w(d + i))).flat();
      add([...plus(w(d - 1), -1), ...inner, ...plus(w(d + l), -1)], `<= ${l - 1}`);
    }
  }
  for (let l = 1; l < (c.minOff[o] ?? 0); l++) {
    for (let d = 1; d + l < D; d++) {
      const inner = Array.from({ length: l }, (_, i) => plus(w(d + i), -1)).flat();
      add([...plus(w(d - 1)), ...inner, ...plus(w(d + l))], '<= 1');
    }
  }
  weekendRows(c, o, w, rows, binaries, plus);
}

function weekendRows(
  c: Compiled, o: number, w: (d: number) => string[], rows: string[], binaries: string[],
  plus: (t: string[], coef?: number) => string[],
): void {
  const weeks = Math.floor(c.days / 7);
  const maxWe = c.maxWeekends[o] ?? weeks;
  if (maxWe >= weeks) return;
  const ks: string[] = [];
  for (let k = 0; k < weeks; k++) {
    const name = `k_${o}_${k}`;
    for (const d of [7 * k + 5, 7 * k + 6]) {
      if (w(d).length) rows.push(`${plus(w(d)).join(' ')} - ${name} <= 0`);
    }
    ks.push(name);
    binaries.push(name);
  }
  rows.push(`${ks.join(' + ')} <= ${maxWe}`);
}

/** Cells of a MIP solution (columns with value ≥ 0.5). */
export function decodeMip(c: Compiled, model: LpModel, primal: (name: string) => number, hood?: Neighbourhood): Int32Array {
  const cells = hood ? hood.cells.slice() : new Int32Array(c.officers * c.days).fill(OFF);
  for (const [, [o, d]] of model.columns) cells[o * c.days + d] = OFF;
  for (const [name, [o, d, s]] of model.columns) if (primal(name) > 0.5) cells[o * c.days + d] = s;
  return cells;
}
