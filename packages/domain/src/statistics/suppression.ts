/**
 * Small-cell suppression for the advisory body's tables (issue 13): no published figure below the
 * threshold, and none that can be derived exactly from the published ones by adding and
 * subtracting along rows and columns (secondary suppression).
 *
 * The table is taken with its margins as one (R+1)×(C+1) grid: the last column holds the row
 * totals, the last row the column totals, the corner the grand total. Every line of the grid is
 * one equation (its cells add up to its total), and every grid entry lies on exactly one row line
 * and one column line. The suppressed entries are thus the edges of a bipartite graph between row
 * lines and column lines, and a suppressed entry can be solved for exactly when its edge is a
 * bridge of that graph (the unknowns left free are the graph's cycles). So: suppress what is below
 * the threshold, then close every bridge into a rectangle of suppressed entries, cheapest first.
 */

export const SUPPRESSION_THRESHOLD = 5;

export interface CountTable {
  rows: readonly string[];
  columns: readonly string[];
  /** counts[r][c] */
  counts: readonly (readonly number[])[];
}

export interface PublishedTable {
  rows: string[];
  columns: string[];
  /** null: suppressed. */
  cells: (number | null)[][];
  rowTotals: (number | null)[];
  columnTotals: (number | null)[];
  grandTotal: number | null;
}

type Grid = number[][];

/** The table with its margins as one grid. */
export function withMargins(t: CountTable): Grid {
  const rows = t.counts.map((r) => [...r, r.reduce((a, b) => a + b, 0)]);
  const totals = t.columns.map((_, c) => t.counts.reduce((a, r) => a + (r[c] ?? 0), 0));
  return [...rows, [...totals, totals.reduce((a, b) => a + b, 0)]];
}

/** An edge (i, j) of the suppressed-entries graph that no cycle passes through: its value is derivable. */
export function findBridge(hidden: readonly (readonly boolean[])[]): [number, number] | undefined {
  const R = hidden.length;
  // Nodes 0..R-1 are row lines, R..R+C-1 column lines. An edge is a bridge when, without it, its
  // ends are not connected.
  const edges: [number, number][] = [];
  hidden.forEach((row, i) => row.forEach((h, j) => h && edges.push([i, j])));
  for (const [i, j] of edges) {
    const seen = new Set<number>([i]);
    const stack = [i];
    while (stack.length > 0) {
      const n = stack.pop()!;
      const next = n < R ? hidden[n]!.flatMap((h, c) => (h && !(n === i && c === j) ? [R + c] : [])) : hidden.flatMap((row, r) => (row[n - R] && !(r === i && n - R === j) ? [r] : []));
      for (const m of next) {
        if (seen.has(m)) continue;
        seen.add(m);
        stack.push(m);
      }
    }
    if (!seen.has(R + j)) return [i, j];
  }
  return undefined;
}

/** The cheapest rectangle through (i, j): the three other corners, by the counts newly hidden. */
function cheapestRectangle(grid: Grid, hidden: boolean[][], i: number, j: number): [number, number][] {
  let best: { cost: number; corners: [number, number][] } | undefined;
  for (let r = 0; r < grid.length; r++) {
    if (r === i) continue;
    for (let c = 0; c < grid[0]!.length; c++) {
      if (c === j) continue;
      const corners: [number, number][] = [
        [i, c],
        [r, j],
        [r, c],
      ];
      // Hiding a total costs more than hiding a cell: margins are what readers use most.
      const cost = corners.reduce((sum, [a, b]) => sum + (hidden[a]![b] ? 0 : grid[a]![b]! + (a === grid.length - 1 || b === grid[0]!.length - 1 ? 1000 : 0)), 0);
      if (!best || cost < best.cost) best = { cost, corners };
    }
  }
  return best?.corners ?? [];
}

/** Primary and secondary suppression of a count table with its margins. */
export function suppressSmallCells(table: CountTable, threshold = SUPPRESSION_THRESHOLD): PublishedTable {
  const grid = withMargins(table);
  const hidden = grid.map((row) => row.map((n) => n < threshold));
  for (let bridge = findBridge(hidden); bridge; bridge = findBridge(hidden)) {
    const corners = cheapestRectangle(grid, hidden, bridge[0], bridge[1]);
    if (corners.length === 0) {
      // A single line: nothing to pair with, so the whole line goes.
      hidden.forEach((row) => row.fill(true));
      break;
    }
    for (const [a, b] of corners) hidden[a]![b] = true;
  }
  const shown = (r: number, c: number) => (hidden[r]![c] ? null : grid[r]![c]!);
  const R = table.rows.length;
  const C = table.columns.length;
  return {
    rows: [...table.rows],
    columns: [...table.columns],
    cells: table.rows.map((_, r) => table.columns.map((__, c) => shown(r, c))),
    rowTotals: table.rows.map((_, r) => shown(r, C)),
    columnTotals: table.columns.map((_, c) => shown(R, c)),
    grandTotal: shown(R, C),
  };
}
