import type { BlockingSummary } from './blocking';

export interface PlanningBench {
  command: string;
  date: string;
  commit: string;
  node: string;
  database: string;
  loadAtStart: string;
  /** Load average when the run was started, and the `--threads` asked for (`auto`: the job decides by that load; ADR 0044). */
  loadAtPost?: string;
  threads?: string;
  plan: {
    persons: number; posts: number; officers: number; units: number; searchSeconds: number; secondsToStoredRoster: number; secondsToCheckpoint: number | null; status: string; failure: string | null;
    feasible: boolean; hardViolations: number; weightedCoverage: number; lpBound: number; lpStatus: string; demand: number; coverageOfBound: number; progressPolls: number;
    shortfalls: number; assignments: number;
  };
  caseView: {
    idleRequests: number; idleP99Ms: number; duringRequests: number; duringP99Ms: number; ratio: number;
    /** Since ADR 0046: idle views half before and half after the plan (after 50 not counted), medians, and the slowest views during the plan. */
    idleBeforeP99Ms?: number; idleAfterP99Ms?: number; idleMedianMs?: number; duringMedianMs?: number; slowestDuring?: { ms: number; at: number }[];
  };
  /** With `--trace`: the event loop's blocking spans before (idle) and during the plan, and the job's steps on the server's thread (s after the POST). */
  blocking?: { idleSeconds: number; idle: BlockingSummary; duringSeconds: number; during: BlockingSummary; steps: { step: string; at: number; ms: number; chars?: number }[] };
  replan: { count: number; medianMs: number; p90Ms: number; maxMs: number; medianServerMs: number; medianChangedShare: number; maxChangedShare: number };
}

const pct = (x: number) => `${(x * 100).toFixed(2)}%`;

export function planningMarkdown(r: PlanningBench): string {
  const p = r.plan;
  const q = r.replan;
  return [
    `### National week through the service path (${r.database})`,
    '',
    `Command: \`${r.command}\` — commit ${r.commit}, Node ${r.node}, ${r.date}, load average at start ${r.loadAtStart} (2 cores)${r.loadAtPost ? `, at the POST ${r.loadAtPost}` : ''}${r.threads ? `, search threads ${r.threads}` : ''}`,
    '',
    '| Persons | Posts | Officers | Units | Search budget | POST → checkpoint roster | POST → stored roster | Status | Hard broken | Weighted coverage | LP bound | Coverage / bound | Shortfalls |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|',
    `| ${p.persons} | ${p.posts} | ${p.officers} | ${p.units} | ${p.searchSeconds} s | ${p.secondsToCheckpoint ?? '–'} s | ${p.secondsToStoredRoster} s | ${p.status}${p.failure ? ` (${p.failure})` : ''} | ${p.hardViolations} | ${p.weightedCoverage} | ${p.lpBound} | ${pct(p.coverageOfBound)} | ${p.shortfalls} |`,
    '',
    'Case views (`GET /api/cases/:id`, one at a time) while idle (half before the plan, half after it, after 50 not counted) and while the national plan runs:',
    '',
    '| Idle requests | Idle p99 (before / after) | Idle median | Requests during the plan | p99 during the plan | Median during | Ratio of p99s |',
    '|---|---|---|---|---|---|---|',
    `| ${r.caseView.idleRequests} | ${r.caseView.idleP99Ms} ms (${r.caseView.idleBeforeP99Ms ?? '–'} / ${r.caseView.idleAfterP99Ms ?? '–'}) | ${r.caseView.idleMedianMs ?? '–'} ms | ${r.caseView.duringRequests} | ${r.caseView.duringP99Ms} ms | ${r.caseView.duringMedianMs ?? '–'} ms | ${r.caseView.ratio}× |`,
    '',
    ...blockingLines(r),
    `Replanning a sick report (two days) through \`POST /api/roster/versions/:id/disruptions\` as a job on the queue (ADR 0027), timed from the POST until the run reports the stored version, ${q.count} officers with the most posts:`,
    '',
    '| Replans | Median (POST to stored) | p90 | Max | Median in the planner | Median share changed | Max share changed |',
    '|---|---|---|---|---|---|---|',
    `| ${q.count} | ${q.medianMs} ms | ${q.p90Ms} ms | ${q.maxMs} ms | ${q.medianServerMs} ms | ${pct(q.medianChangedShare)} | ${pct(q.maxChangedShare)} |`,
    '',
  ].join('\n');
}

function blockingLines(r: PlanningBench): string[] {
  const b = r.blocking;
  if (!b) return [];
  const row = (name: string, seconds: number, s: BlockingSummary) => `| ${name} | ${seconds} s | ${s.over20} | ${s.cpuOver20} | ${s.waitOver20} | ${s.over10} | ${s.maxMs} ms | ${s.maxCpuMs} ms | ${s.blockedMs} ms | ${s.gcOver5} (${s.gcMs} ms) |`;
  return [
    'The event loop\'s blocking spans (`--trace`: a 2 ms timer late by ≥ 5 ms; CPU: the server thread\'s own CPU time in the span; waiting: ready but not on a core, from Linux schedstat):',
    '',
    '| When | Length | Spans ≥ 20 ms | with ≥ 20 ms CPU | with ≥ 10 ms waiting for a core | Spans ≥ 10 ms | Longest | Most CPU | Time in spans ≥ 10 ms | GC pauses ≥ 5 ms (total) |',
    '|---|---|---|---|---|---|---|---|---|---|',
    row('Idle (first half)', b.idleSeconds, b.idle),
    row('During the plan', b.duringSeconds, b.during),
    '',
  ];
}
