// npm run bench:scale-explain -- --app postgres://…/hoeder_bench
// EXPLAIN (ANALYZE, BUFFERS) of every statement the scale benchmark's searches send (ADR 0039), on a
// cluster kept by `npm run bench:scale -- --keep`: the same repository code, the decision maker's
// grant made by the guard's own check, the inspector's audit filters. Prints each plan's timing.
import { parseArgs } from 'node:util';
import { Kysely, PostgresDialect, type LogEvent } from 'kysely';
import pg from 'pg';
import { searchAuditEntries, searchCaseSummaries, type Database } from '@hoeder/db';
import { DEMO_ACCOUNTS } from '../../apps/server/src/demo/demo-accounts';
import { caseSearch } from '../../apps/server/src/platform/guard/work-check';

// --prepared: as the server's driver runs them (named statements, ADR 0036): after five executions
// PostgreSQL may switch to a generic plan that ignores the parameters' values.
// --plans generic|custom (with --prepared or --repeat): PostgreSQL's plan_cache_mode forced, to compare the two.
// --repeat N: instead of the plans, each statement run N times as a named (prepared) statement, as
// the server's driver runs it, and the mean and median time per execution as the client sees it.
const { values } = parseArgs({
  options: { app: { type: 'string' }, verbose: { type: 'boolean', default: false }, prepared: { type: 'boolean', default: false }, repeat: { type: 'string' }, plans: { type: 'string' } },
});
if (!values.app) throw new Error('--app <url of the kept cluster, app login> is required');
const captured: { sql: string; parameters: readonly unknown[] }[] = [];
const pool = new pg.Pool({ connectionString: values.app, max: 1 });
if (values.plans) pool.on('connect', (c) => void c.query(`SET plan_cache_mode = force_${values.plans === 'generic' ? 'generic' : 'custom'}_plan`));
const log = (e: LogEvent) => {
  captured.push({ sql: e.query.sql, parameters: e.query.parameters });
};
const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), log });

const account = DEMO_ACCOUNTS.find((a) => a.username === 'besluit')!;
const actor = { userId: account.userId, displayName: account.displayName, roles: account.roles, organisation: account.organisation, clearance: account.clearance, unitId: account.unitId ?? null, sessionId: 'explain' };
const now = new Date();
const today = now.toISOString().slice(0, 10);
const checked = await caseSearch()(db, actor, now);
if (!checked.ok) throw new Error('no grant');
const sample = await pool.query<{ reference: string; full_name: string }>(
  `SELECT s.reference, p.full_name FROM case_summary s JOIN case_person cp ON cp.case_id = s.case_id JOIN person p ON p.person_id = cp.person_id ORDER BY s.reference DESC LIMIT 1`,
);
const typical = await pool.query<{ id: string }>(
  `WITH per AS (SELECT data_subject_id AS id, count(*) AS n FROM audit_entry WHERE data_subject_id IS NOT NULL GROUP BY 1) SELECT id FROM per ORDER BY n, id LIMIT 1 OFFSET (SELECT count(*) / 2 FROM per)`,
);
const month = new Date(Date.now() - 90 * 86_400_000);
const from = new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth(), 1)).toISOString();
const to = new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth() + 1, 1) - 1).toISOString();
const base = { sort: 'attention' as const, today, offset: 0, limit: 25 };
const cases: [string, () => Promise<unknown>][] = [
  ['overview', () => searchCaseSummaries(db, checked.grant, base)],
  ['reference', () => searchCaseSummaries(db, checked.grant, { ...base, text: sample.rows[0]!.reference.slice(-8) })],
  ['name', () => searchCaseSummaries(db, checked.grant, { ...base, text: sample.rows[0]!.full_name })],
  ['audit case', () => searchAuditEntries(db, { caseId: typical.rows[0]!.id, offset: 0, limit: 25 })],
  ['audit actor', () => searchAuditEntries(db, { actorId: account.userId, offset: 0, limit: 25 })],
  ['audit period', () => searchAuditEntries(db, { from, to, offset: 0, limit: 25 })],
  ['audit operation', () => searchAuditEntries(db, { operation: 'case.view', offset: 0, limit: 25 })],
];
for (const [label, run] of cases) {
  captured.length = 0;
  await run();
  for (const [i, q] of [...captured].entries()) {
    if (values.repeat) {
      console.log(`=== ${label} #${i}: ${await timed(`r${label.replace(/\W/g, '')}${i}`, q, Number(values.repeat))}`);
      continue;
    }
    const plan = values.prepared ? await explainPrepared(`p${label.replace(/\W/g, '')}${i}`, q) : await pool.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${q.sql}`, q.parameters as unknown[]);
    const lines = plan.rows.map((r) => r['QUERY PLAN']);
    console.log(`\n=== ${label}: ${lines.filter((l) => /Execution Time|Planning Time|JIT/.test(l)).join('; ')}`);
    if (values.verbose) console.log(lines.join('\n'));
  }
}
await db.destroy();

/** Six executions of the named statement (the sixth may use the generic plan), then the plan of a seventh. */
async function explainPrepared(name: string, q: { sql: string; parameters: readonly unknown[] }) {
  const client = await pool.connect();
  try {
    const args = q.parameters.map((p) => (p instanceof Date ? p.toISOString() : typeof p === 'string' ? p : JSON.stringify(p)));
    const literal = args.map((a) => `'${String(a).replace(/'/g, "''")}'`).join(', ');
    await client.query(`PREPARE ${name} AS ${q.sql}`);
    for (let k = 0; k < 6; k++) await client.query(`EXECUTE ${name}${args.length ? `(${literal})` : ''}`);
    const plan = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) EXECUTE ${name}${args.length ? `(${literal})` : ''}`);
    await client.query(`DEALLOCATE ${name}`);
    return plan;
  } finally {
    client.release();
  }
}

/** `n` executions of the statement, named so that PostgreSQL keeps (and after five may generalise) its plan. */
async function timed(name: string, q: { sql: string; parameters: readonly unknown[] }, n: number) {
  const client = await pool.connect();
  try {
    const ms: number[] = [];
    for (let k = 0; k < n; k++) {
      const t0 = performance.now();
      await client.query({ name, text: q.sql, values: q.parameters as unknown[] });
      ms.push(performance.now() - t0);
    }
    ms.sort((a, b) => a - b);
    // Whether PostgreSQL planned every execution anew (custom) or kept one plan (generic).
    const plans = (await client.query<{ g: string; c: string }>('SELECT generic_plans AS g, custom_plans AS c FROM pg_prepared_statements WHERE name = $1', [name])).rows[0];
    return `${plans ? `${plans.g} generic / ${plans.c} custom plans, ` : ''}mean ${(ms.reduce((a, b) => a + b, 0) / n).toFixed(2)} ms, median ${ms[Math.floor(n / 2)]!.toFixed(2)} ms over ${n}`;
  } finally {
    client.release();
  }
}
