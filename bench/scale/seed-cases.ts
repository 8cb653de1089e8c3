// 10,000 cases for the scale benchmark, made by copying what the real commands wrote. The demo
// seed registers and moves its cases through the application (streams, projections, persons,
// memberships, markings, snapshots); running those commands 10,000 times would take hours on this
// machine, so the benchmark copies the demo cases in bulk instead: every row of a template case is
// read as JSON, each identifier the case owns gets a fresh one (users are kept), the reference is
// derived from the new case id as `registerCase` derives it, the persons get other synthetic
// names, and the copies go back in through `json_populate_recordset`, one statement per table and
// batch. The rows are therefore exactly the shapes the commands produce, only more of them.
import { createHash } from 'node:crypto';
import type pg from 'pg';
import { seededRandom, syntheticName } from '../../apps/server/src/demo/demo-random';

/** The tables that hold a case: the case and assessment streams and projections, memberships, persons. */
const CASE_TABLES = ['case_summary', 'case_event', 'case_member', 'assessment_summary', 'assessment_event', 'stream_snapshot', 'case_person'] as const;
const PERSON_TABLES = ['person', 'person_details_version'] as const;
/** Identity columns the database numbers itself. */
const GENERATED = new Set(['event_id']);
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

interface Template {
  table: string;
  json: string;
}

/** A fresh identifier for `old` in copy `k`: deterministic, so a rerun seeds the same data. */
const copyId = (old: string, k: number, salt = 0) => {
  const h = createHash('sha256').update(`${old}/${k}/${salt}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
};

async function columnsOf(client: pg.Client, table: string): Promise<string[]> {
  const r = await client.query<{ column_name: string }>(`SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 ORDER BY ordinal_position`, [table]);
  return r.rows.map((c) => c.column_name).filter((c) => !GENERATED.has(c));
}

async function readTemplates(client: pg.Client, caseIds: string[], personIds: string[]): Promise<Template[]> {
  const out: Template[] = [];
  for (const table of CASE_TABLES) {
    const r = await client.query<{ j: string }>(`SELECT row_to_json(t)::text AS j FROM ${table} t WHERE case_id = ANY($1::uuid[])`, [caseIds]);
    out.push(...r.rows.map((row) => ({ table, json: row.j })));
  }
  for (const table of PERSON_TABLES) {
    const r = await client.query<{ j: string }>(`SELECT row_to_json(t)::text AS j FROM ${table} t WHERE person_id = ANY($1::uuid[])`, [personIds]);
    out.push(...r.rows.map((row) => ({ table, json: row.j })));
  }
  return out;
}

export interface CaseSeedResult {
  templates: number;
  cases: number;
  seconds: number;
  /** A person's name in the copies (the name search looks for it) and a reference to search for. */
  sampleName: string;
  sampleReference: string;
}

/**
 * Copies the demo cases (not the canaries, which must stay untouched) until `target` cases exist.
 * Runs as the database owner on a database whose server is stopped.
 */
export async function seedCases(client: pg.Client, target: number, log: (l: string) => void): Promise<CaseSeedResult> {
  const t0 = performance.now();
  const cases = await client.query<{ case_id: string; reference: string }>(`SELECT case_id, reference FROM case_summary WHERE case_id NOT IN (SELECT case_id FROM canary_case) ORDER BY reference`);
  const existing = Number((await client.query<{ n: string }>('SELECT count(*) AS n FROM case_summary')).rows[0]!.n);
  const caseIds = cases.rows.map((c) => c.case_id);
  const personIds = (await client.query<{ person_id: string }>('SELECT DISTINCT person_id FROM case_person WHERE case_id = ANY($1::uuid[])', [caseIds])).rows.map((p) => p.person_id);
  const names = (await client.query<{ full_name: string }>('SELECT DISTINCT full_name FROM person WHERE person_id = ANY($1::uuid[])', [personIds])).rows.map((p) => p.full_name);
  const keep = new Set((await client.query<{ user_id: string }>('SELECT user_id FROM app_user')).rows.map((u) => u.user_id));
  const templates = await readTemplates(client, caseIds, personIds);
  const columns = new Map<string, string[]>();
  for (const t of [...CASE_TABLES, ...PERSON_TABLES]) columns.set(t, await columnsOf(client, t));
  const copies = Math.ceil((target - existing) / caseIds.length);
  log(`copying ${caseIds.length} demo cases (${templates.length} rows, ${personIds.length} persons) ${copies} times`);
  const prefixes = new Set((await client.query<{ p: string }>('SELECT substr(reference, 1, 17) AS p FROM case_summary')).rows.map((r) => r.p));
  let made = existing;
  let sampleName = '';
  let sampleReference = '';
  for (let k = 1; k <= copies && made < target; k++) {
    const take = Math.min(caseIds.length, target - made);
    const taken = new Set(caseIds.slice(0, take));
    const { replace, name, reference } = copyRewriter(k, cases.rows, names, keep, prefixes);
    const byTable = new Map<string, string[]>();
    for (const t of templates) {
      const owner = JSON.parse(t.json) as { case_id?: string; person_id?: string };
      if (owner.case_id && !taken.has(owner.case_id)) continue;
      const rows = byTable.get(t.table) ?? [];
      rows.push(replace(t.json));
      byTable.set(t.table, rows);
    }
    await client.query('BEGIN');
    // Persons before the cases that link them; summaries before the rows that reference them.
    for (const table of [...PERSON_TABLES, ...CASE_TABLES]) {
      const rows = byTable.get(table);
      if (!rows?.length) continue;
      const cols = columns.get(table)!.join(', ');
      await client.query(`INSERT INTO ${table} (${cols}) SELECT ${cols} FROM json_populate_recordset(null::${table}, $1::json)`, [`[${rows.join(',')}]`]);
    }
    await client.query('COMMIT');
    made += take;
    if (k === Math.ceil(copies / 2)) {
      sampleName = name;
      sampleReference = reference;
    }
    if (k % 25 === 0) log(`  ${made} cases`);
  }
  // VACUUM as well as ANALYZE: stands in for autovacuum, as for the audit log — it also merges the
  // trigram indexes' pending lists (ADR 0039), which after a bulk insert make the planner scan instead.
  await client.query('VACUUM ANALYZE');
  return { templates: caseIds.length, cases: made, seconds: (performance.now() - t0) / 1000, sampleName, sampleReference };
}

/** The text rewrite for copy `k`: case-owned ids, references and person names replaced consistently. */
function copyRewriter(k: number, cases: { case_id: string; reference: string }[], names: string[], keep: Set<string>, prefixes: Set<string>) {
  const ids = new Map<string, string>();
  const refs = new Map<string, string>();
  for (const c of cases) {
    // `registerCase` makes the reference from the case id (HOE-<year>-<first 8 hex>); keep it unique.
    let salt = 0;
    let id = copyId(c.case_id, k);
    while (prefixes.has(`${c.reference.slice(0, 9)}${id.slice(0, 8).toUpperCase()}`)) id = copyId(c.case_id, k, ++salt);
    const ref = `${c.reference.slice(0, 9)}${id.slice(0, 8).toUpperCase()}`;
    prefixes.add(ref);
    ids.set(c.case_id, id);
    refs.set(c.reference, ref);
  }
  const r = seededRandom(1000 + k);
  const renamed = new Map(names.map((n) => [n, syntheticName(r)]));
  const nameRe = new RegExp(names.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');
  const refRe = new RegExp([...refs.keys()].join('|'), 'g');
  const replace = (json: string) =>
    json
      .replace(UUID, (u) => (keep.has(u) ? u : (ids.get(u) ?? ids.set(u, copyId(u, k)).get(u)!)))
      .replace(refRe, (x) => refs.get(x)!)
      .replace(nameRe, (x) => renamed.get(x)!);
  return { replace, name: renamed.get(names[0]!)!, reference: refs.values().next().value as string };
}
