import type { Compiled } from '../compile';

/** A sum of binary columns plus a constant (cells outside the neighbourhood). */
export interface Expr {
  names: string[];
  constant: number;
}

type Term = [coef: number, e: Expr];

/** Emit Σ coef·e (sense) rhs with constants moved right; skipped when no column remains. */
function emit(rows: string[], terms: Term[], sense: '<=' | '>=', rhs: number): void {
  const parts: string[] = [];
  let constant = 0;
  for (const [coef, e] of terms) {
    constant += coef * e.constant;
    for (const n of e.names) parts.push(`${coef < 0 ? '-' : '+'} ${Math.abs(coef)} ${n}`);
  }
  if (parts.length) rows.push(`${parts.join(' ')} ${sense} ${rhs - constant}`);
}

/** The officer's hard rules of `row.ts` as linear rows over work[d] and byType[d][t]. */
export function officerRows(c: Compiled, o: number, work: Expr[], byType: Expr[][], rows: string[], binaries: string[]): void {
  const { days: D, types: T } = c;
  const w = (d: number): Expr => work[d] ?? { names: [], constant: 0 };
  const y = (d: number, t: number): Expr => byType[d]?.[t] ?? { names: [], constant: 0 };
  for (let t = 0; t < T; t++) {
    const max = c.maxPerType[o * T + t] ?? D;
    if (max < D) emit(rows, Array.from({ length: D }, (_, d): Term => [1, y(d, t)]), '<=', max);
  }
  const minutes = Array.from({ length: D }, (_, d) => Array.from({ length: T }, (_, t): Term => [c.typeMinutes[t] ?? 0, y(d, t)])).flat();
  emit(rows, minutes, '<=', c.maxMinutes[o] ?? 0);
  if ((c.minMinutes[o] ?? 0) > 0) emit(rows, minutes, '>=', c.minMinutes[o] ?? 0);
  for (let d = 0; d + 1 < D; d++) {
    for (let a = 0; a < T; a++) {
      for (let b = 0; b < T; b++) if (c.forbid[a * T + b]) emit(rows, [[1, y(d, a)], [1, y(d + 1, b)]], '<=', 1);
    }
  }
  const maxCons = c.maxCons[o] ?? D;
  for (let d = 0; d + maxCons < D; d++) {
    emit(rows, Array.from({ length: maxCons + 1 }, (_, i): Term => [1, w(d + i)]), '<=', maxCons);
  }
  // A run of length l strictly inside the horizon, bounded by the opposite state.
  for (let l = 1; l < (c.minCons[o] ?? 0); l++) {
    for (let d = 1; d + l < D; d++) {
      emit(rows, [[-1, w(d - 1)], ...Array.from({ length: l }, (_, i): Term => [1, w(d + i)]), [-1, w(d + l)]], '<=', l - 1);
    }
  }
  for (let l = 1; l < (c.minOff[o] ?? 0); l++) {
    for (let d = 1; d + l < D; d++) {
      emit(rows, [[1, w(d - 1)], ...Array.from({ length: l }, (_, i): Term => [-1, w(d + i)]), [1, w(d + l)]], '<=', 1);
    }
  }
  weekendRows(c, o, w, rows, binaries);
}

function weekendRows(c: Compiled, o: number, w: (d: number) => Expr, rows: string[], binaries: string[]): void {
  const weeks = Math.floor(c.days / 7);
  const maxWe = c.maxWeekends[o] ?? weeks;
  if (maxWe >= weeks) return;
  const ks: Term[] = [];
  for (let k = 0; k < weeks; k++) {
    const name = `k_${o}_${k}`;
    const kw: Expr = { names: [name], constant: 0 };
    for (const d of [7 * k + 5, 7 * k + 6]) emit(rows, [[1, w(d)], [-1, kw]], '<=', 0);
    ks.push([1, kw]);
    binaries.push(name);
  }
  emit(rows, ks, '<=', maxWe);
}
