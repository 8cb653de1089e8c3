import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SUPPRESSION_THRESHOLD, suppressSmallCells, withMargins, type PublishedTable } from './suppression';

/**
 * Which hidden entries of a published table a reader can compute exactly from what is shown,
 * found independently of the suppression code: Gaussian elimination over the line equations of
 * the table with its margins (cells of each row add up to the row total, of each column to the
 * column total, totals to the grand total). A hidden entry is derivable when its unit vector lies
 * in the row space of the system in the hidden unknowns.
 */
function derivable(p: PublishedTable): string[] {
  const grid: (number | null)[][] = [...p.cells.map((row, r) => [...row, p.rowTotals[r]!]), [...p.columnTotals, p.grandTotal]];
  const R = grid.length;
  const C = grid[0]!.length;
  const unknowns: [number, number][] = [];
  grid.forEach((row, r) => row.forEach((v, c) => v === null && unknowns.push([r, c])));
  const index = new Map(unknowns.map(([r, c], k) => [`${r},${c}`, k]));
  // One equation per line: the data entries of the line minus its total (the last entry).
  const lines: [number, number][][] = [...Array.from({ length: R }, (_, r) => Array.from({ length: C }, (__, c) => [r, c] as [number, number])), ...Array.from({ length: C }, (_, c) => Array.from({ length: R }, (__, r) => [r, c] as [number, number]))];
  const equations = lines.map((line) => {
    const coefficients = new Array<number>(unknowns.length).fill(0);
    line.forEach(([r, c], k) => {
      const u = index.get(`${r},${c}`);
      if (u !== undefined) coefficients[u] = k === line.length - 1 ? -1 : 1;
    });
    return coefficients;
  });
  const rank = (rows: number[][]) => {
    const m = rows.map((r) => [...r]);
    let rk = 0;
    for (let col = 0; col < unknowns.length && rk < m.length; col++) {
      const pivot = m.findIndex((row, i) => i >= rk && Math.abs(row[col]!) > 1e-9);
      if (pivot < 0) continue;
      [m[rk], m[pivot]] = [m[pivot]!, m[rk]!];
      for (let i = 0; i < m.length; i++) {
        if (i === rk) continue;
        const f = m[i]![col]! / m[rk]![col]!;
        if (f !== 0) m[i] = m[i]!.map((v, k) => v - f * m[rk]![k]!);
      }
      rk++;
    }
    return rk;
  };
  const base = rank(equations);
  return unknowns.filter((_, u) => rank([...equations, unknowns.map((__, k) => (k === u ? 1 : 0))]) === base).map(([r, c]) => `${r},${c}`);
}

const tables = fc
  .record({ rows: fc.integer({ min: 1, max: 5 }), columns: fc.integer({ min: 1, max: 5 }) })
  .chain(({ rows, columns }) =>
    fc.array(fc.array(fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 40 })), { minLength: columns, maxLength: columns }), { minLength: rows, maxLength: rows }),
  )
  .map((counts) => ({ rows: counts.map((_, r) => `r${r}`), columns: counts[0]!.map((_, c) => `c${c}`), counts }));

describe('small-cell suppression (property)', () => {
  it('publishes no figure below the threshold, and the true value of every figure it shows', () => {
    fc.assert(
      fc.property(tables, (t) => {
        const p = suppressSmallCells(t);
        const grid = withMargins(t);
        const shown = [...p.cells.map((row, r) => [...row, p.rowTotals[r]!]), [...p.columnTotals, p.grandTotal]];
        shown.forEach((row, r) =>
          row.forEach((v, c) => {
            if (v !== null) {
              expect(v).toBeGreaterThanOrEqual(SUPPRESSION_THRESHOLD);
              expect(v).toBe(grid[r]![c]);
            }
          }),
        );
      }),
      { numRuns: 400 },
    );
  });

  it('no hidden figure can be derived from the published cells and totals by subtraction', () => {
    fc.assert(
      fc.property(tables, (t) => {
        expect(derivable(suppressSmallCells(t))).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  it('the check can fail: primary suppression alone leaves a derivable cell', () => {
    const t = { rows: ['a', 'b'], columns: ['x', 'y'], counts: [[3, 10], [10, 10]] };
    const primaryOnly: PublishedTable = { rows: t.rows, columns: t.columns, cells: [[null, 10], [10, 10]], rowTotals: [13, 20], columnTotals: [13, 20], grandTotal: 33 };
    expect(derivable(primaryOnly)).toEqual(['0,0']);
    const p = suppressSmallCells(t);
    expect(p.cells[0]![0]).toBeNull();
    expect(derivable(p)).toEqual([]);
    // The cheapest closing rectangle hides cells, not the totals.
    expect(p.grandTotal).toBe(33);
  });
});
