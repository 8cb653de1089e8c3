// The growth suite: cost that must not grow with a record's history. One case on PGlite (in this
// process, the real app through compose() via the HTTP test fixture) whose DAF record is filled
// with N information items through the real commands over HTTP; at each N the median of 7 single
// requests: the DAF view, the case view, the case as of a past moment, and appending one item.
import { performance } from 'node:perf_hooks';
import type { LoggedIn } from '../../apps/server/src/auth/testing/login-as';
import { productInput, softInput } from '../../apps/server/src/assessments/daf-samples';
import { openHttpFixture, type HttpFixture } from '../../apps/server/src/testing/http-fixture';
import { driveCase } from '../../apps/server/src/testing/http-flows';
import { median, type GrowthRow } from './stats';

export interface GrowthOptions {
  /** Item counts to measure at, ascending (the finalised assessment already holds 2). */
  sizes: number[];
  samples: number;
  log: (line: string) => void;
}

/** The clock moves this much per request, so the history has distinct moments (and sessions do not expire). */
const STEP_MS = 100;

async function timed(f: HttpFixture, who: LoggedIn, method: 'GET' | 'POST', path: string, body?: unknown): Promise<{ ms: number; status: number; text: string }> {
  const headers: Record<string, string> = { cookie: who.cookie, 'x-csrf-token': who.csrfToken };
  if (body !== undefined) headers['content-type'] = 'application/json';
  f.clock.advance(STEP_MS);
  const t0 = performance.now();
  const res = await fetch(new URL(path, f.baseUrl), { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
  const text = await res.text();
  const ms = performance.now() - t0;
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 300)}`);
  return { ms, status: res.status, text };
}

export async function runGrowthSuite(o: GrowthOptions): Promise<GrowthRow[]> {
  // The fixture opens PostgreSQL when this is set; the growth table is about PGlite.
  delete process.env.TEST_PG_ADMIN_URL;
  const f = await openHttpFixture();
  const rows: GrowthRow[] = [];
  try {
    const caseId = await driveCase(f, 'stg_confidential', ['analist', 'besluit'], 'assessed');
    const analist = await f.session('analist');
    const triage = await f.session('triage');
    const asOf = f.clock.now().toISOString();
    const dafPath = `/api/cases/${caseId}/assessment`;
    let version = (JSON.parse((await timed(f, analist, 'GET', dafPath)).text) as { version: number }).version;
    let items = 2;
    const append = async () => {
      const today = f.clock.now().toISOString().slice(0, 10);
      const item = items % 2 === 0 ? productInput(today, { partnerReference: `POL-2026-${items}` }) : softInput(today, { title: `Waarneming ${items}` });
      const r = await timed(f, analist, 'POST', `${dafPath}/items`, { expectedVersion: version, item });
      version = (JSON.parse(r.text) as { version: number }).version;
      items += 1;
      return r.ms;
    };
    const sample = async (op: GrowthRow['operation'], fn: () => Promise<number>) => {
      await fn(); // warm-up, not counted
      const samples: number[] = [];
      for (let i = 0; i < o.samples; i += 1) samples.push(await fn());
      return { op, samples };
    };
    for (const n of o.sizes) {
      const started = performance.now();
      while (items < n) await append();
      o.log(`growth: ${items} items registered (${((performance.now() - started) / 1000).toFixed(0)} s)`);
      const measured = items;
      const results = [
        await sample('daf-view', async () => (await timed(f, analist, 'GET', dafPath)).ms),
        await sample('case-view', async () => (await timed(f, triage, 'GET', `/api/cases/${caseId}`)).ms),
        await sample('case-as-of', async () => (await timed(f, triage, 'GET', `/api/cases/${caseId}?asOf=${encodeURIComponent(asOf)}`)).ms),
        await sample('append-item', append),
      ];
      for (const { op, samples } of results) {
        rows.push({ items: measured, operation: op, medianMs: median(samples), samples });
        o.log(`growth: N=${measured} ${op}: median ${median(samples).toFixed(1)} ms`);
      }
    }
  } finally {
    await f.close();
  }
  return rows;
}
