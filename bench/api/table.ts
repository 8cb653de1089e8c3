// Renders the API benchmark's markdown (pure; the numbers come from run.ts or a saved JSON file).
import { auditMatches, GROWTH_GOALS, ratioGoal, type AuditCheck, type GrowthRow, type HttpRow } from './stats';

export interface ApiBenchResult {
  command: string;
  date: string;
  commit: string;
  node: string;
  /** `uptime` at the start: the machine is shared, so the numbers are only as quiet as this. */
  loadAtStart: string;
  /** The server process's V8 flags (ADR 0047); absent in runs made before they were recorded. */
  serverV8Flags?: string;
  /** Seconds since the machine booted, at the start (`/proc/uptime`). */
  uptimeAtStart?: number;
  http: HttpRow[];
  auditCheck: AuditCheck | null;
  growth: GrowthRow[];
}

const ms = (x: number | undefined) => (x === undefined ? '–' : x < 10 ? x.toFixed(1) : x.toFixed(0));
const rps = (x: number | undefined) => (x === undefined ? '–' : x.toFixed(0));
const times = (x: number | null | undefined) => (x === null || x === undefined ? '–' : `${x.toFixed(1)}×`);
const yes = (b: boolean) => (b ? 'yes' : 'no');

const key = (r: HttpRow) => `${r.database}/${r.connections}/${r.route}`;
const label = (r: { commit: string; date: string }) => `${r.commit} (${r.date.slice(0, 16).replace('T', ' ')} UTC)`;

/** The HTTP table: one line per database, connections and route; "before" columns when a baseline is given. */
export function httpTable(now: ApiBenchResult, before?: ApiBenchResult): string {
  const old = new Map((before?.http ?? []).map((r) => [key(r), r]));
  const head = before
    ? ['| Database | Conn. | Route | req/s before | req/s now | p50 ms before | p50 ms now | p99 ms before | p99 ms now | errors now | audit entries now | load now |', '|---|---|---|---|---|---|---|---|---|---|---|---|']
    : ['| Database | Conn. | Route | req/s | p50 ms | p99 ms | OK | errors | audit entries | load (1/5/15 min) |', '|---|---|---|---|---|---|---|---|---|---|'];
  const lines = now.http.map((r) => {
    const b = old.get(key(r));
    const audit = r.auditEntries === null ? '–' : String(r.auditEntries);
    return before
      ? `| ${r.database} | ${r.connections} | \`${r.path}\` | ${rps(b?.reqPerSec)} | ${rps(r.reqPerSec)} | ${ms(b?.p50Ms)} | ${ms(r.p50Ms)} | ${ms(b?.p99Ms)} | ${ms(r.p99Ms)} | ${r.errors} | ${audit} | ${r.load} |`
      : `| ${r.database} | ${r.connections} | \`${r.path}\` | ${rps(r.reqPerSec)} | ${ms(r.p50Ms)} | ${ms(r.p99Ms)} | ${r.ok} | ${r.errors} | ${audit} | ${r.load} |`;
  });
  return [...head, ...lines].join('\n');
}

const find = (rows: HttpRow[], database: HttpRow['database'], connections: number, route: HttpRow['route']) =>
  rows.find((r) => r.database === database && r.connections === connections && r.route === route);

/** The goals of the issue, each with today's value and whether it is met. */
export function goalsTable(now: ApiBenchResult, connections: number, before?: ApiBenchResult): string {
  const rows: [string, string, string, string, boolean][] = [];
  for (const route of now.http.length > 0 ? (['case-view', 'case-list'] as const) : []) {
    const g = ratioGoal(find(now.http, 'postgresql', connections, 'me'), find(now.http, 'postgresql', connections, route));
    const b = before ? ratioGoal(find(before.http, 'postgresql', connections, 'me'), find(before.http, 'postgresql', connections, route)) : null;
    const p99 = find(now.http, 'postgresql', connections, route)?.p99Ms;
    rows.push([`PostgreSQL, ${connections} conn.: /api/me ÷ ${route} throughput (p99)`, b ? times(b.ratio) : '', `${times(g.ratio)} (${ms(p99)} ms)`, g.text, g.met]);
  }
  const a = now.auditCheck;
  if (a) rows.push([`audit entries = case views served (${a.requests} views)`, '', `${a.auditAfter - a.auditBefore} entries, ${a.ok} served`, 'equal, no errors', auditMatches(a)]);
  const heavy = now.http.filter((r) => r.database === 'postgresql' && r.connections > connections);
  if (heavy.length > 0) {
    const errors = heavy.reduce((s, r) => s + r.errors, 0);
    const served = heavy.reduce((s, r) => s + r.ok, 0);
    // A run that served nothing has no errors either; it does not count as met.
    rows.push([`PostgreSQL, ${heavy[0]!.connections} conn.: errors (all routes)`, '', `${errors} errors, ${served} served`, '0 errors, every route served', errors === 0 && heavy.every((r) => r.ok > 0)]);
  }
  const largest = Math.max(0, ...now.growth.map((g) => g.items));
  for (const g of now.growth.filter((x) => x.items === largest)) {
    const goal = GROWTH_GOALS[g.operation];
    if (!goal) continue;
    const b = before?.growth.find((x) => x.items === g.items && x.operation === g.operation);
    rows.push([`PGlite, ${g.items} items: ${g.operation}`, b ? `${ms(b.medianMs)} ms` : '', `${ms(g.medianMs)} ms`, goal.text, g.medianMs <= goal.maxMs]);
  }
  const head = before ? ['| Goal | Before | Now | Target | Met |', '|---|---|---|---|---|'] : ['| Goal | Value | Target | Met |', '|---|---|---|---|'];
  const lines = rows.map(([name, was, is, target, met]) => (before ? `| ${name} | ${was} | ${is} | ${target} | ${yes(met)} |` : `| ${name} | ${is} | ${target} | ${yes(met)} |`));
  return [...head, ...lines].join('\n');
}

/** The growth table: N items by operation, medians in ms, the goal in the header. */
export function growthTable(now: ApiBenchResult, before?: ApiBenchResult): string {
  const ops = ['daf-view', 'case-view', 'case-as-of', 'append-item'] as const;
  const sizes = [...new Set(now.growth.map((g) => g.items))].sort((a, b) => a - b);
  const cell = (rows: GrowthRow[], n: number, op: GrowthRow['operation']) => rows.find((g) => g.items === n && g.operation === op)?.medianMs;
  const goal = (op: GrowthRow['operation']) => (GROWTH_GOALS[op] ? ` (goal ${GROWTH_GOALS[op]!.text})` : '');
  const head = `| N items | ${ops.map((op) => `${op}${goal(op)}`).join(' | ')} |`;
  const lines = sizes.map((n) => {
    const cells = ops.map((op) => {
      const is = ms(cell(now.growth, n, op));
      return before ? `${ms(cell(before.growth, n, op))} → ${is}` : is;
    });
    return `| ${n} | ${cells.join(' | ')} |`;
  });
  return [head, `|---|${ops.map(() => '---').join('|')}|`, ...lines].join('\n');
}

const runLine = (r: ApiBenchResult) =>
  `${label(r)}, Node ${r.node}, load at start ${r.loadAtStart}` +
  (r.uptimeAtStart === undefined ? '' : `, machine up ${(r.uptimeAtStart / 3600).toFixed(1)} h`) +
  (r.serverV8Flags === undefined ? '.' : `, server V8 flags: ${r.serverV8Flags || '(V8 defaults)'}.`);

/** The whole results file. */
export function resultsMarkdown(now: ApiBenchResult, connections: number, before?: ApiBenchResult): string {
  const parts = [
    '### API under load and cost that must not grow with a record\'s history',
    '',
    `Command: \`${now.command}\``,
    '',
    before ? `Before: ${runLine(before)} Now: ${runLine(now)}` : `Run: ${runLine(now)}`,
    '',
    goalsTable(now, connections, before),
  ];
  if (now.http.length > 0) parts.push('', '#### Load (autocannon; milliseconds; "errors" counts connection errors, timeouts and non-2xx answers)', '', httpTable(now, before));
  if (now.growth.length > 0) parts.push('', '#### Growth (PGlite, one case, median of 7 single requests over HTTP, ms)', '', growthTable(now, before));
  return `${parts.join('\n')}\n`;
}
