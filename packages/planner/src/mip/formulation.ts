import { allowedSlots, OFF, type Compiled } from '../compile';
import { officerRows, type Expr } from './officer-rows';

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

/** Sub-problem: only `free` cells (officer × day) get variables; the others keep `cells`. */
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
  const fixedCount = new Int32Array(c.slots);
  for (let o = 0; o < O; o++) {
    // work[d] = Σ x over the day; byType[d][t] = Σ x of type t; fixed cells are constants.
    const work: Expr[] = [];
    const byType: Expr[][] = [];
    let anyFree = false;
    for (let d = 0; d < D; d++) {
      const cell = o * D + d;
      const types: Expr[] = Array.from({ length: T }, () => ({ names: [], constant: 0 }));
      const day: Expr = { names: [], constant: 0 };
      if (hood && !hood.free[cell]) {
        const s = hood.cells[cell] ?? OFF;
        if (s !== OFF) {
          fixedCount[s] = (fixedCount[s] ?? 0) + 1;
          day.constant = 1;
          const e = types[c.slotType[s] ?? 0];
          if (e) e.constant = 1;
        }
      } else {
        anyFree = true;
        offset += addCellColumns(c, o, d, day, types, columns, binaries, objective, rows);
      }
      work.push(day);
      byType.push(types);
    }
    if (anyFree) officerRows(c, o, work, byType, rows, binaries);
  }
  offset += coverRows(c, columns, objective, rows, fixedCount);
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

function addCellColumns(
  c: Compiled, o: number, d: number, day: Expr, types: Expr[],
  columns: Map<string, [number, number, number]>, binaries: string[], objective: string[], rows: string[],
): number {
  const T = c.types;
  const cell = o * c.days + d;
  const offCost = c.pref[cell * (T + 1) + T] ?? 0;
  const pinned = c.fixed[cell] ? (c.baseline[cell] ?? OFF) : null;
  for (const s of allowedSlots(c, cell)) {
    if (pinned !== null && s !== pinned) continue;
    const name = `x_${o}_${d}_${s}`;
    const t = c.slotType[s] ?? 0;
    columns.set(name, [o, d, s]);
    binaries.push(name);
    day.names.push(name);
    types[t]?.names.push(name);
    const cost = (c.pref[cell * (T + 1) + t] ?? 0) - offCost;
    if (cost !== 0) objective.push(`${signed(cost)} ${name}`);
  }
  if (pinned !== null && pinned !== OFF) rows.push(`x_${o}_${d}_${pinned} = 1`);
  if (day.names.length > 1) rows.push(`${day.names.join(' + ')} <= 1`);
  return offCost;
}

export function signed(v: number): string {
  return v < 0 ? `- ${-v}` : `+ ${v}`;
}

function chunk(names: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < names.length; i += 20) out.push(` ${names.slice(i, i + 20).join(' ')}`);
  return out;
}

/** Adds cover rows; returns the cost of slots no free officer can touch (a constant). */
function coverRows(c: Compiled, columns: Map<string, [number, number, number]>, objective: string[], rows: string[], fixed: Int32Array): number {
  let constant = 0;
  const bySlot: string[][] = Array.from({ length: c.slots }, () => []);
  for (const [name, [, , s]] of columns) bySlot[s]?.push(name);
  for (let s = 0; s < c.slots; s++) {
    const terms = bySlot[s] ?? [];
    const rhs = (c.slotCount[s] ?? 0) - (fixed[s] ?? 0);
    if (terms.length === 0) {
      constant += rhs >= 0 ? rhs * (c.slotUnder[s] ?? 0) : -rhs * (c.slotOver[s] ?? 0);
      continue;
    }
    objective.push(`+ ${c.slotUnder[s] ?? 0} u_${s}`, `+ ${c.slotOver[s] ?? 0} v_${s}`);
    rows.push(`${terms.join(' + ')} + u_${s} - v_${s} = ${rhs}`);
  }
  return constant;
}

/** Cells of a MIP solution (columns with value ≥ 0.5). */
export function decodeMip(c: Compiled, model: LpModel, primal: (name: string) => number, hood?: Neighbourhood): Int32Array {
  const cells = hood ? hood.cells.slice() : new Int32Array(c.officers * c.days).fill(OFF);
  for (const [, [o, d]] of model.columns) cells[o * c.days + d] = OFF;
  if (hood) for (let i = 0; i < cells.length; i++) if (hood.free[i]) cells[i] = OFF;
  for (const [name, [o, d, s]] of model.columns) if (primal(name) > 0.5) cells[o * c.days + d] = s;
  return cells;
}
