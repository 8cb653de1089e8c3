import type { PolicyEvaluator } from '@hoeder/domain';
import * as policy from '@hoeder/domain/policy';
import type { PolicyVersionEntry } from '@hoeder/domain/policy';
import {
  appendPolicyHistory,
  findPolicyVersionInEffect,
  findPolicyVersionRow,
  insertPolicyVersion,
  type Database,
  type Db,
  type PolicyVersionRow,
} from '@hoeder/db';
import type { Kysely } from 'kysely';

/** The policy calendar is the Dutch one: a version takes effect at midnight in Amsterdam. */
export function amsterdamDate(at: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

const entryOf = (row: PolicyVersionRow): PolicyVersionEntry => ({
  version: row.version,
  effectiveFrom: row.effectiveFrom,
  status: row.status === 'published' ? 'published' : 'draft',
  file: '',
  summary: row.summary,
});

/**
 * Policy versions as stored in the database, parsed on demand. Parsed models are cached per
 * version and revision (a published version never changes; a draft gets a new revision per save).
 * The versions shipped with the code are inserted when absent, once per process: callers await
 * `ensureShipped()` BEFORE opening their transaction (it writes in its own, and PGlite has one
 * connection, so calling it inside another transaction would wait for itself).
 */
export function createPolicyStore({ db }: { db: Kysely<Database> }) {
  const parsed = new Map<string, policy.PackagePolicy>();
  let shipped: Promise<void> | undefined;

  async function insertShipped(at: Date): Promise<void> {
    for (const entry of policy.PACKAGE_POLICY_MANIFEST) {
      const xml = await policy.readBundledXml(entry);
      await db.transaction().execute(async (trx) => {
        const inserted = await insertPolicyVersion(trx, { ...entry, xml, origin: 'shipped', authorId: null, at });
        if (inserted) await appendPolicyHistory(trx, { version: entry.version, revision: 1, action: 'shipped', actorId: null, at, effectiveFrom: entry.effectiveFrom, xml });
      });
    }
  }

  /** Loads the shipped versions that are not in the database yet (idempotent, concurrency-safe). */
  function ensureShipped(): Promise<void> {
    shipped ??= insertShipped(new Date()).catch((error: unknown) => {
      shipped = undefined;
      throw error;
    });
    return shipped;
  }

  async function parse(row: PolicyVersionRow & { xml: string }): Promise<policy.PolicyResult<policy.PackagePolicy>> {
    const key = `${row.version}#${row.revision}`;
    const cached = parsed.get(key);
    if (cached) return { ok: true, value: cached };
    const loaded = await policy.loadPolicy(entryOf(row), row.xml);
    if (loaded.ok) parsed.set(key, loaded.value);
    return loaded;
  }

  /** The published version in effect on the Amsterdam calendar day of `at`, parsed. */
  async function inEffect(trx: Db, at: Date): Promise<policy.PackagePolicy | undefined> {
    const row = await findPolicyVersionInEffect(trx, amsterdamDate(at));
    if (!row) return undefined;
    const loaded = await parse(row);
    return loaded.ok ? loaded.value : undefined;
  }

  async function version(trx: Db, name: string): Promise<policy.PackagePolicy | undefined> {
    const row = await findPolicyVersionRow(trx, name);
    if (!row) return undefined;
    const loaded = await parse(row);
    return loaded.ok ? loaded.value : undefined;
  }

  /** The evaluator a decision proposal is decided with (the domain stays pure). */
  async function evaluatorInEffect(trx: Db, at: Date): Promise<PolicyEvaluator | undefined> {
    const p = await inEffect(trx, at);
    return p && evaluatorOf(p);
  }

  return { ensureShipped, inEffect, version, evaluatorInEffect, parse };
}

export const evaluatorOf = (p: policy.PackagePolicy): PolicyEvaluator => ({
  version: p.version,
  effectiveFrom: p.effectiveFrom,
  propose: (facts) => policy.proposePackage(p, facts),
});

export type PolicyStore = ReturnType<typeof createPolicyStore>;
