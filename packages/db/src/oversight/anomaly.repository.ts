import type { AlertDraft, AuditFact } from '@hoeder/domain';
import { sql } from 'kysely';
import type { Db } from '../schema';

/** The synthetic cases no real work touches (ADR 0026). */
export async function listCanaryCaseIds(db: Db): Promise<string[]> {
  return (await db.selectFrom('canary_case').select('case_id').execute()).map((r) => r.case_id);
}

/** The keepers: the accounts that registered the decoys (no login; their entries are not judged). */
export async function listCanaryKeepers(db: Db): Promise<string[]> {
  return (await db.selectFrom('canary_case').select('keeper_id').distinct().execute()).map((r) => r.keeper_id);
}

export async function addCanaryCases(db: Db, caseIds: readonly string[], keeperId: string, now: Date): Promise<void> {
  if (caseIds.length === 0) return;
  await db.insertInto('canary_case').values(caseIds.map((case_id) => ({ case_id, keeper_id: keeperId, created_at: now }))).onConflict((oc) => oc.column('case_id').doNothing()).execute();
}

export interface AnomalyCursor {
  nextLeaf: number;
  ruleVersion: string;
  state: Record<string, unknown>;
}

/**
 * The rules' cursor, locked for this transaction: two evaluators never read the same stretch of
 * the log into alerts twice (the second waits, then starts where the first stopped).
 */
export async function lockAnomalyCursor(db: Db, ruleVersion: string, now: Date): Promise<AnomalyCursor> {
  await db.insertInto('anomaly_cursor').values({ cursor_id: 1, next_leaf: 0, rule_version: ruleVersion, state: '{}', updated_at: now }).onConflict((oc) => oc.column('cursor_id').doNothing()).execute();
  const row = await db.selectFrom('anomaly_cursor').select(['next_leaf', 'rule_version', 'state']).where('cursor_id', '=', 1).forUpdate().executeTakeFirstOrThrow();
  const state = typeof row.state === 'string' ? (JSON.parse(row.state) as Record<string, unknown>) : row.state;
  return { nextLeaf: Number(row.next_leaf), ruleVersion: row.rule_version, state };
}

export async function saveAnomalyCursor(db: Db, cursor: AnomalyCursor, now: Date): Promise<void> {
  await db.updateTable('anomaly_cursor').set({ next_leaf: cursor.nextLeaf, rule_version: cursor.ruleVersion, state: JSON.stringify(cursor.state), updated_at: now }).where('cursor_id', '=', 1).execute();
}

/** Sealed entries from a leaf index on, in the tree's order (the commit order the sealer fixed). */
export async function sealedAuditFacts(db: Db, fromLeaf: number, limit: number): Promise<{ facts: AuditFact[]; nextLeaf: number }> {
  const rows = await db
    .selectFrom('audit_leaf as l')
    .innerJoin('audit_entry as e', 'e.seq', 'l.entry_seq')
    .select(['l.leaf_index', 'e.seq', 'e.occurred_at', 'e.user_id', 'e.operation', 'e.status', 'e.processing_activity', 'e.data_subject_id'])
    .where('l.leaf_index', '>=', fromLeaf)
    .orderBy('l.leaf_index')
    .limit(limit)
    .execute();
  const facts = rows.map((r) => ({
    seq: Number(r.seq),
    occurredAt: new Date(r.occurred_at).toISOString(),
    userId: r.user_id,
    operation: r.operation,
    status: r.status as AuditFact['status'],
    purpose: r.processing_activity,
    subjectId: r.data_subject_id,
  }));
  return { facts, nextLeaf: rows.length > 0 ? Number(rows[rows.length - 1]!.leaf_index) + 1 : fromLeaf };
}

/** Stores alerts; a draft whose key has an open alert adds a hit to it. Returns the new alerts. */
export async function storeAlerts(db: Db, drafts: readonly AlertDraft[], now: Date, newId: () => string): Promise<{ alertId: string; ruleId: string; userId: string }[]> {
  const byKey = new Map<string, { draft: AlertDraft; hits: number; lastSeq: number; caseIds: Set<string> }>();
  for (const d of drafts) {
    const seen = byKey.get(d.dedupeKey);
    if (seen) {
      seen.hits += 1;
      seen.lastSeq = Math.max(seen.lastSeq, d.seq);
      d.caseIds.forEach((c) => seen.caseIds.add(c));
    } else byKey.set(d.dedupeKey, { draft: d, hits: 1, lastSeq: d.seq, caseIds: new Set(d.caseIds) });
  }
  if (byKey.size === 0) return [];
  const rows = await db
    .insertInto('anomaly_alert')
    .values(
      [...byKey.values()].map(({ draft: d, hits, lastSeq, caseIds }) => ({
        alert_id: newId(), rule_id: d.ruleId, rule_version: d.ruleVersion, user_id: d.userId, dedupe_key: d.dedupeKey, first_seq: d.seq, last_seq: lastSeq,
        occurred_at: d.occurredAt, raised_at: now, case_ids: [...caseIds], observed: d.observed, threshold: d.threshold, hits,
      })),
    )
    .onConflict((oc) =>
      oc
        .column('dedupe_key')
        .where('closed_at', 'is', null)
        .doUpdateSet((eb) => ({ hits: sql<number>`anomaly_alert.hits + ${eb.ref('excluded.hits')}`, last_seq: sql<number>`greatest(anomaly_alert.last_seq, ${eb.ref('excluded.last_seq')})` })),
    )
    .returning(['alert_id', 'rule_id', 'user_id', sql<boolean>`(xmax = 0)`.as('inserted')])
    .execute();
  return rows.filter((r) => r.inserted).map((r) => ({ alertId: r.alert_id, ruleId: r.rule_id, userId: r.user_id }));
}

export interface AlertRow {
  alertId: string;
  ruleId: string;
  ruleVersion: string;
  userId: string;
  userName: string;
  occurredAt: Date;
  raisedAt: Date;
  firstSeq: number;
  lastSeq: number;
  caseIds: string[];
  observed: number;
  threshold: number;
  hits: number;
  closedAt: Date | null;
  closedByName: string | null;
  finding: string | null;
}

function alertQuery(db: Db) {
  return db
    .selectFrom('anomaly_alert as a')
    .innerJoin('app_user as u', 'u.user_id', 'a.user_id')
    .leftJoin('app_user as c', 'c.user_id', 'a.closed_by')
    .select(['a.alert_id', 'a.rule_id', 'a.rule_version', 'a.user_id', 'u.display_name', 'a.occurred_at', 'a.raised_at', 'a.first_seq', 'a.last_seq', 'a.case_ids', 'a.observed', 'a.threshold', 'a.hits', 'a.closed_at', 'c.display_name as closed_by_name', 'a.finding']);
}

type AlertSelect = Awaited<ReturnType<ReturnType<typeof alertQuery>['execute']>>[number];
const toAlert = (r: AlertSelect): AlertRow => ({
  alertId: r.alert_id, ruleId: r.rule_id, ruleVersion: r.rule_version, userId: r.user_id, userName: r.display_name, occurredAt: new Date(r.occurred_at), raisedAt: new Date(r.raised_at),
  firstSeq: Number(r.first_seq), lastSeq: Number(r.last_seq), caseIds: r.case_ids, observed: r.observed, threshold: r.threshold, hits: r.hits,
  closedAt: r.closed_at ? new Date(r.closed_at) : null, closedByName: r.closed_by_name, finding: r.finding,
});

export async function listAlerts(db: Db, filter: { status: 'open' | 'closed' | 'all'; limit: number }): Promise<AlertRow[]> {
  let q = alertQuery(db);
  if (filter.status === 'open') q = q.where('a.closed_at', 'is', null);
  if (filter.status === 'closed') q = q.where('a.closed_at', 'is not', null);
  return (await q.orderBy('a.raised_at', 'desc').orderBy('a.first_seq', 'desc').limit(filter.limit).execute()).map(toAlert);
}

export async function getAlert(db: Db, alertId: string): Promise<AlertRow | undefined> {
  const row = await alertQuery(db).where('a.alert_id', '=', alertId).executeTakeFirst();
  return row && toAlert(row);
}

/** Closes an open alert with the finding; false when it is closed already (never changed again). */
export async function closeAlert(db: Db, alertId: string, closedBy: string, at: Date, finding: string): Promise<boolean> {
  const r = await db.updateTable('anomaly_alert').set({ closed_at: at, closed_by: closedBy, finding }).where('alert_id', '=', alertId).where('closed_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/**
 * Queues one job of a recurring kind unless one is queued or running already. Two instances may
 * both queue one in a race; that is harmless for the anomaly rules, whose cursor lock makes a
 * second evaluation start where the first stopped.
 */
export async function enqueueRecurringJob(db: Db, jobId: string, kind: string, now: Date): Promise<boolean> {
  const r = await sql`
    INSERT INTO job (job_id, kind, payload, status, max_attempts, run_after, created_at)
    SELECT ${jobId}, ${kind}, '{}', 'queued', 3, ${now}, ${now}
    WHERE NOT EXISTS (SELECT 1 FROM job WHERE kind = ${kind} AND status IN ('queued', 'running'))
  `.execute(db);
  return Number(r.numAffectedRows ?? 0) === 1;
}
