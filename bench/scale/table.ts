// Renders the scale benchmark's results (pure; the numbers come from run.ts or a saved JSON file).
import type { ProofTiming } from './measure';

/** One route under load: nearest-rank percentiles over every successful response. */
export interface ScaleRow {
  id: string;
  label: string;
  user: string;
  path: string;
  connections: number;
  reqPerSec: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  ok: number;
  /** Connection errors, timeouts and non-2xx answers together. */
  errors: number;
  goalMs: number;
  load: string;
}

export interface ScaleResult {
  command: string;
  date: string;
  commit: string;
  node: string;
  loadAtStart: string;
  seed: {
    cases: number;
    templateCases: number;
    caseSeconds: number;
    auditEntries: number;
    auditInsertSeconds: number;
    auditSealSeconds: number;
    checkpoints: number;
    /** Cases the decision maker sees (the overview's total). */
    visibleToDecisionMaker: number;
  };
  rows: ScaleRow[];
  anomaly: { entries: number; seconds: number; perSecond: number; alerts: number; load: string; goal: number } | null;
  proof: ProofTiming | null;
  notes: string[];
}

const ms = (x: number) => (Number.isFinite(x) ? (x < 10 ? x.toFixed(1) : x.toFixed(0)) : '–');
const yes = (b: boolean) => (b ? 'yes' : '**no**');

/** A route meets its goal when its p95 is within it and every request was answered. */
export const routeMet = (r: ScaleRow): boolean => r.errors === 0 && r.ok > 0 && r.p95Ms <= r.goalMs;

export function goalsTable(res: ScaleResult): string {
  const lines = res.rows.map((r) => `| ${r.label} (${r.user}) | ${ms(r.p95Ms)} ms | ≤ ${r.goalMs} ms | ${yes(routeMet(r))} |`);
  if (res.anomaly) lines.push(`| Anomaly rules in the server, entries judged per second | ${Math.round(res.anomaly.perSecond)} /s | ≥ ${res.anomaly.goal} /s | ${yes(res.anomaly.perSecond >= res.anomaly.goal)} |`);
  return ['| Goal (p95 at the connections below) | Measured | Target | Met |', '|---|---|---|---|', ...lines].join('\n');
}

export function loadTable(res: ScaleResult): string {
  const lines = res.rows.map(
    (r) => `| ${r.label} | \`${r.path.replace(/[0-9a-f-]{36}/g, ':id')}\` | ${r.connections} | ${r.reqPerSec.toFixed(0)} | ${ms(r.p50Ms)} | ${ms(r.p95Ms)} | ${ms(r.p99Ms)} | ${r.ok} | ${r.errors} | ${r.load} |`,
  );
  return ['| Measure | Path | Conn. | req/s | p50 ms | p95 ms | p99 ms | OK | errors | load (1/5/15 min) |', '|---|---|---|---|---|---|---|---|---|---|', ...lines].join('\n');
}

export function resultsMarkdown(res: ScaleResult): string {
  const s = res.seed;
  const parts = [
    '### Scale: 10,000 cases and 1,000,000 audit entries on PostgreSQL 15 (issue 13)',
    '',
    `Command: \`${res.command}\``,
    '',
    `Run: ${res.commit} (${res.date.slice(0, 16).replace('T', ' ')} UTC), Node ${res.node}, load average at start ${res.loadAtStart} (2 cores, shared).`,
    '',
    `Seed: ${s.cases} cases (${s.templateCases} demo cases copied, ${s.caseSeconds.toFixed(1)} s), ${s.auditEntries} audit entries (insert ${s.auditInsertSeconds.toFixed(1)} s, sealed by the server's sealer into ${s.checkpoints} signed checkpoints in ${s.auditSealSeconds.toFixed(1)} s). The decision maker reaches ${s.visibleToDecisionMaker} of them.`,
    '',
    goalsTable(res),
    '',
    '#### Under load (autocannon; nearest-rank percentiles over every 2xx response; "errors" counts connection errors, timeouts and non-2xx)',
    '',
    loadTable(res),
  ];
  if (res.anomaly) {
    const a = res.anomaly;
    parts.push('', `Anomaly rules: the server's own job judged ${a.entries} sealed entries in ${a.seconds.toFixed(1)} s (${Math.round(a.perSecond)} entries/s, ${a.alerts} alerts raised; load ${a.load}).`);
  }
  if (res.proof) {
    const p = res.proof;
    parts.push('', `Proof of inclusion (\`/api/audit/entries/:seq/proof\`, from stored subtree nodes, ADR 0037; tree of ${p.treeSize} leaves): ${p.requests} requests one after another over entries spread through the log, p50 ${ms(p.p50Ms)} ms, p95 ${ms(p.p95Ms)} ms, ${p.verified} verified against the signed root (HTTP ${p.status}; load ${p.load}); no goal.`);
  }
  if (res.notes.length) parts.push('', ...res.notes.map((n) => `- ${n}`));
  return `${parts.join('\n')}\n`;
}
