import type { CurtoisRow } from './curtois';
import type { LccRow } from './lcc';
import type { ReplanRow } from './replan';

const pct = (x: number | null) => (x === null ? '–' : `${(x * 100).toFixed(2)}%`);

export function curtoisTable(rows: CurtoisRow[], command: string, seconds: number): string {
  const lines = [
    `### Curtois & Qu, ${seconds} s per instance (ours and HiGHS each)`,
    '',
    `Command: \`${command}\``,
    '',
    '| Instance | Ours | Best known | Gap | HiGHS | HiGHS status | Ours vs HiGHS | Ours s | HiGHS s |',
    '|---|---|---|---|---|---|---|---|---|',
  ];
  for (const r of rows) {
    lines.push(`| ${r.instance} | ${r.objective ?? 'infeasible'} | ${r.reference.bestKnown} | ${pct(r.gap)} | ${r.reference.highs ?? '–'} | ${r.reference.highsStatus} | ${pct(r.gapToHighs)} | ${r.seconds.toFixed(1)} | ${r.reference.highsSeconds.toFixed(1)} |`);
  }
  const within = rows.filter((r) => r.gap !== null && r.gap <= 0.02).length;
  const beaten = rows.filter((r) => r.reference.highsStatus !== 'Optimal');
  const better = beaten.filter((r) => r.objective !== null && (r.reference.highs === null || r.objective < r.reference.highs)).length;
  lines.push('', `Within 2% of best known: ${within}/${rows.length}. Better than HiGHS where HiGHS did not prove optimality: ${better}/${beaten.length}.`);
  return lines.join('\n');
}

export function lccTable(rows: LccRow[], command: string, seconds: number): string {
  const lines = [
    `### National LCC week, ${seconds} s`,
    '',
    `Command: \`${command}\``,
    '',
    '| Instance | Posts | Officers | Units | Weighted coverage | LP bound | Coverage / bound | Demand (all posts) | Hard broken | Shortfalls (explained) | Seconds |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const r of rows) {
    lines.push(`| ${r.instance} | ${r.posts} | ${r.officers} | ${r.units} | ${r.weightedCoverage} | ${r.reference.lpBound.toFixed(0)} | ${pct(r.coverageOfBound)} | ${r.reference.demand} | ${r.hardViolations} | ${r.shortfalls} (${r.shortfallsExplained}) | ${r.seconds.toFixed(1)} |`);
    lines.push('', `Shortfall reasons (missing officers): ${Object.entries(r.shortfallReasons).map(([k, v]) => `${k} ${v}`).join(', ') || 'none'}.`);
  }
  return lines.join('\n');
}

export function replanTable(rows: ReplanRow[], command: string): string {
  const secs = rows.map((r) => r.seconds).sort((a, b) => a - b);
  const shares = rows.map((r) => r.changedShare).sort((a, b) => a - b);
  const q = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor(p * xs.length))] ?? 0;
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
  const byKind = new Map<string, number>();
  for (const r of rows) byKind.set(r.change, (byKind.get(r.change) ?? 0) + 1);
  return [
    `### Replanning, ${rows.length} random single changes on a national week`,
    '',
    `Command: \`${command}\``,
    '',
    '| Metric | Median | 95th pct | Max | Mean |',
    '|---|---|---|---|---|',
    `| Seconds per change | ${q(secs, 0.5).toFixed(3)} | ${q(secs, 0.95).toFixed(3)} | ${q(secs, 1).toFixed(3)} | ${mean(secs).toFixed(3)} |`,
    `| Share of assignments changed | ${pct(q(shares, 0.5))} | ${pct(q(shares, 0.95))} | ${pct(q(shares, 1))} | ${pct(mean(shares))} |`,
    '',
    `Changes: ${[...byKind].map(([k, v]) => `${k} ${v}`).join(', ')}. Feasible: ${rows.filter((r) => r.feasible).length}/${rows.length}. Pinned assignments kept: ${rows.filter((r) => r.pinnedKept).length}/${rows.length}.`,
    `Search ended on its move budget (reproducible for the seed): ${rows.filter((r) => !r.ceilingHit).length}/${rows.length}; on the time ceiling: ${rows.filter((r) => r.ceilingHit).length}.`,
  ].join('\n');
}
