import type { CurtoisRow } from './curtois';
import type { LccRow } from './lcc';
import type { ReplanRow } from './replan';

const pct = (x: number | null) => (x === null ? '–' : `${(x * 100).toFixed(2)}%`);

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? Number.NaN : s.length % 2 ? (s[s.length >> 1] ?? 0) : ((s[s.length / 2 - 1] ?? 0) + (s[s.length / 2] ?? 0)) / 2;
};

/** One line per instance: median, min and max over the seeds; infeasible runs are counted apart. */
export function curtoisTable(rows: CurtoisRow[], command: string, seconds: number, env: Record<string, unknown> = {}, cpuSeconds?: number): string {
  const budget = cpuSeconds === undefined ? `${seconds} s per instance (ours and HiGHS each)` : `${cpuSeconds} s CPU per instance for ours (wall ceiling ${seconds} s), HiGHS ${seconds} s`;
  const lines = [
    `### Curtois & Qu, ${budget}`,
    '',
    `Command: \`${command}\``,
    `Commit ${String(env.commit ?? '?')}${env.dirty ? ' (dirty)' : ''}, ${String(env.cpus ?? '?')} × ${String(env.cpuModel ?? '?')}, Node ${String(env.node ?? '?')}, load at start ${JSON.stringify(env.loadAtStart ?? [])}${env.busyCore ? ', one core kept busy by a second process' : ''}.`,
    '',
    '| Instance | Seeds | Ours median | min–max | Infeasible | Best known | Gap (median) | HiGHS | HiGHS status | Median vs HiGHS | Ours s | CPU s | Load 1 min | Fell back |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  const byInstance = new Map<string, CurtoisRow[]>();
  for (const r of rows) byInstance.set(r.instance, [...(byInstance.get(r.instance) ?? []), r]);
  let within = 0;
  let within5 = 0;
  let beaten = 0;
  let better = 0;
  for (const [instance, rs] of byInstance) {
    const objectives = rs.flatMap((r) => (r.objective === null ? [] : [r.objective]));
    const med = median(objectives);
    const ref = rs.find((r) => r.reference.highsStatus !== 'not run')?.reference ?? rs[0]?.reference;
    const best = ref?.bestKnown ?? Number.NaN;
    const gap = objectives.length ? (med - best) / best : null;
    const vsHighs = objectives.length && ref?.highs ? (med - ref.highs) / ref.highs : null;
    if (gap !== null && gap <= 0.02) within++;
    if (gap !== null && gap <= 0.05) within5++;
    if (ref && ref.highsStatus !== 'Optimal' && ref.highsStatus !== 'not run') {
      beaten++;
      if (objectives.length && (ref.highs === null || med < ref.highs)) better++;
    }
    const loads = rs.map((r) => r.load.before);
    const failed = [...new Set(rs.flatMap((r) => r.failures))].join(', ') || '–';
    const cpu = rs.flatMap((r) => (r.cpuSeconds === null ? [] : [r.cpuSeconds]));
    lines.push(`| ${instance} | ${rs.map((r) => r.seed).join(',')} | ${objectives.length ? med : '–'} | ${objectives.length ? `${Math.min(...objectives)}–${Math.max(...objectives)}` : '–'} | ${rs.length - objectives.length} | ${best} | ${pct(gap)} | ${ref?.highs ?? '–'} | ${ref?.highsStatus ?? '–'} | ${pct(vsHighs)} | ${median(rs.map((r) => r.seconds)).toFixed(1)} | ${cpu.length ? median(cpu).toFixed(1) : '–'} | ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)} | ${failed} |`);
  }
  lines.push('', `Within 2% of best known (median): ${within}/${byInstance.size}; within 5%: ${within5}/${byInstance.size}. Better than HiGHS where HiGHS ran and did not prove optimality: ${better}/${beaten}.`);
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
