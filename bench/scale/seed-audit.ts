// A year of audit log for the scale benchmark: entries written in one INSERT … SELECT over
// generate_series (the audit table refuses changes, not inserts), then sealed into the Merkle tree
// by the server's own sealer (`createAuditSealer`, the same signing key the server loads), so every
// entry has its leaf and a signed checkpoint over it and the viewer's proof of inclusion works.
import type { KeyObject } from 'node:crypto';
import { openDatabase } from '@hoeder/db';
import type pg from 'pg';
import { createAuditSealer } from '../../apps/server/src/audit/audit-sealer';

type Who = 'member' | 'lcc' | 'unit' | 'inspectorate' | 'om' | 'security';

/**
 * The mix, as data: operation, purpose, object type, whether the entry names a case (as object and
 * data subject), which users write it, and its share. Reads dominate, as in the running system; the
 * codes are the ones the server writes (apps/web's auditCodes names every one of them).
 */
export const AUDIT_MIX: readonly { operation: string; purpose: string; objectType: string; onCase: boolean; who: Who; weight: number }[] = [
  { operation: 'case.view', purpose: 'protection.case_handling', objectType: 'case', onCase: true, who: 'member', weight: 30 },
  { operation: 'case.search', purpose: 'protection.case_handling', objectType: 'case', onCase: false, who: 'member', weight: 10 },
  { operation: 'work.queues', purpose: 'protection.case_handling', objectType: 'case', onCase: false, who: 'member', weight: 8 },
  { operation: 'case.timeline', purpose: 'protection.case_handling', objectType: 'case', onCase: true, who: 'member', weight: 5 },
  { operation: 'assessment.view', purpose: 'protection.case_handling', objectType: 'assessment', onCase: true, who: 'member', weight: 8 },
  { operation: 'assessment.item.view', purpose: 'protection.case_handling', objectType: 'assessment', onCase: true, who: 'member', weight: 4 },
  { operation: 'person.view', purpose: 'protection.case_handling', objectType: 'person', onCase: true, who: 'member', weight: 5 },
  { operation: 'agenda.view', purpose: 'protection.case_handling', objectType: 'case', onCase: true, who: 'member', weight: 3 },
  { operation: 'contact_log.view', purpose: 'protection.case_handling', objectType: 'case', onCase: true, who: 'member', weight: 3 },
  { operation: 'case.command.AssignMember', purpose: 'protection.case_handling', objectType: 'case', onCase: true, who: 'member', weight: 2 },
  { operation: 'assessment.command.RegisterItem', purpose: 'protection.case_handling', objectType: 'assessment', onCase: true, who: 'member', weight: 3 },
  { operation: 'case.command.ProposeDecision', purpose: 'protection.case_handling', objectType: 'case', onCase: true, who: 'member', weight: 1 },
  { operation: 'assignment.view', purpose: 'protection.execution', objectType: 'security_assignment', onCase: true, who: 'lcc', weight: 4 },
  { operation: 'roster.case.read', purpose: 'protection.execution', objectType: 'case', onCase: true, who: 'unit', weight: 4 },
  { operation: 'assignment.mine', purpose: 'protection.execution', objectType: 'security_assignment', onCase: false, who: 'unit', weight: 3 },
  { operation: 'audit.search', purpose: 'oversight.inspection', objectType: 'audit_entry', onCase: false, who: 'inspectorate', weight: 1 },
  { operation: 'oversight.break_glass_list', purpose: 'oversight.inspection', objectType: 'break_glass_grant', onCase: false, who: 'inspectorate', weight: 0.5 },
  { operation: 'case.view', purpose: 'protection.break_glass', objectType: 'case', onCase: true, who: 'om', weight: 0.3 },
  { operation: 'anomaly.alert_list', purpose: 'oversight.anomaly_detection', objectType: 'anomaly_alert', onCase: false, who: 'security', weight: 0.5 },
  { operation: 'auth.login', purpose: 'protection.case_handling', objectType: 'session', onCase: false, who: 'member', weight: 5 },
];

const USERS: Record<Who, string[]> = {
  member: ['triage', 'analist', 'analist2', 'besluit', 'besluit2', 'liaison'],
  lcc: ['lcc'],
  unit: ['politie', 'kmar'],
  inspectorate: ['inspectie'],
  om: ['om'],
  security: ['beveiliging'],
};

export interface AuditSeedResult {
  entries: number;
  insertSeconds: number;
  sealSeconds: number;
  checkpoints: number;
}

/**
 * Writes `count` entries spread over the year before `end` (working hours, in seq order, as a log
 * grows), then seals them. A member reads one of their own cases; others read any case.
 */
export async function seedAudit(owner: pg.Client, appUrl: string, signingKey: KeyObject, count: number, end: Date, log: (l: string) => void): Promise<AuditSeedResult> {
  const t0 = performance.now();
  const total = AUDIT_MIX.reduce((s, m) => s + m.weight, 0);
  let lo = 0;
  const mix = AUDIT_MIX.map((m) => {
    const row = { ...m, lo: lo / total, hi: (lo + m.weight) / total, users: USERS[m.who] };
    lo += m.weight;
    return row;
  });
  mix[mix.length - 1]!.hi = 1.0001;
  const perDay = Math.ceil(count / 365);
  const start = new Date(end.getTime() - 366 * 86_400_000);
  start.setUTCHours(0, 0, 0, 0);
  await owner.query('SELECT setseed(0.42)');
  // Cases numbered per member (and overall), so picking one is a hash join on (user, number).
  await owner.query(`
    CREATE TEMP TABLE bench_own AS SELECT user_id, case_id::text AS id, row_number() OVER (PARTITION BY user_id ORDER BY case_id) - 1 AS k FROM case_member;
    CREATE TEMP TABLE bench_own_n AS SELECT user_id, count(*) AS n FROM case_member GROUP BY user_id;
    CREATE TEMP TABLE bench_every AS SELECT case_id::text AS id, row_number() OVER (ORDER BY case_id) - 1 AS k FROM case_summary WHERE case_id NOT IN (SELECT case_id FROM canary_case);
    ANALYZE bench_own; ANALYZE bench_own_n; ANALYZE bench_every;`);
  await owner.query(`
    INSERT INTO audit_entry (occurred_at, trace_id, operation, status, user_id, user_organisation, user_role, processing_activity, object_type, object_id, data_subject_id, details)
    SELECT g.at, 'bench-' || g.i, m.operation, 'ok', u.user_id, u.organisation, u.roles[1], m.purpose, m."objectType", c.id, c.id, '{}'::jsonb
    FROM (
      SELECT i, random() AS r1, random() AS r2, random() AS r3,
             $2::timestamptz + (i / $3) * interval '1 day' + interval '6 hours 30 minutes' + ((i % $3)::float / $3) * interval '13 hours' AS at
      FROM generate_series(0, $1 - 1) AS i
    ) g
    JOIN json_to_recordset($4::json) AS m(operation text, purpose text, "objectType" text, "onCase" boolean, lo float, hi float, users text[])
      ON g.r1 >= m.lo AND g.r1 < m.hi
    JOIN app_user u ON u.subject = m.users[1 + floor(g.r2 * cardinality(m.users))::int]
    LEFT JOIN bench_own_n own_n ON own_n.user_id = u.user_id
    CROSS JOIN (SELECT count(*) AS n FROM bench_every) every_n
    CROSS JOIN LATERAL (SELECT floor(g.r3 * coalesce(own_n.n, every_n.n))::bigint AS k) pick
    LEFT JOIN bench_own own ON own_n.n IS NOT NULL AND own.user_id = u.user_id AND own.k = pick.k
    LEFT JOIN bench_every every ON own_n.n IS NULL AND every.k = pick.k
    CROSS JOIN LATERAL (SELECT CASE WHEN m."onCase" THEN coalesce(own.id, every.id) END AS id) c
    ORDER BY g.i`, [count, start.toISOString(), perDay, JSON.stringify(mix)]);
  await owner.query('DROP TABLE bench_own, bench_own_n, bench_every');
  const insertSeconds = (performance.now() - t0) / 1000;
  log(`inserted ${count} audit entries in ${insertSeconds.toFixed(1)} s; sealing`);
  // What autovacuum would have done over the year: statistics and the visibility map.
  await owner.query('VACUUM ANALYZE audit_entry');
  const s0 = performance.now();
  // The server's sealer, with larger batches than the server's 1,000 (fewer checkpoints to sign);
  // the tree, the leaves and the signed checkpoints are the same.
  const sealer = createAuditSealer({ signingKey, batch: 20_000 });
  const database = await openDatabase({ databaseUrl: appUrl });
  let checkpoints = 0;
  try {
    for (;;) {
      const r = await sealer.sealOnce(database.db);
      if (r.status !== 'sealed') break;
      checkpoints += 1;
      if (checkpoints % 10 === 0) log(`  sealed ${r.treeSize}`);
    }
  } finally {
    await database.close();
  }
  await settle(owner, ['audit_entry', 'audit_leaf'], log);
  return { entries: count, insertSeconds, sealSeconds: (performance.now() - s0) / 1000, checkpoints };
}

/**
 * VACUUM ANALYZE until the visibility map covers the tables (at most three passes; ADR 0045). A
 * year-old log is all-visible to autovacuum; one VACUUM right after the bulk insert left two thirds
 * of `audit_entry` unmarked (another session's snapshot was older), so the planner costed
 * index-only scans as if each row visited the table, and the searches' plans were not the ones a
 * running system gets.
 */
async function settle(owner: pg.Client, tables: string[], log: (l: string) => void): Promise<void> {
  for (let pass = 1; pass <= 3; pass++) {
    await owner.query(`VACUUM ANALYZE ${tables.join(', ')}`);
    const { rows } = await owner.query<{ pages: string; visible: string }>(
      'SELECT sum(relpages) AS pages, sum(relallvisible) AS visible FROM pg_class WHERE relname = ANY($1)',
      [tables],
    );
    const [pages, visible] = [Number(rows[0]!.pages), Number(rows[0]!.visible)];
    log(`  vacuum pass ${pass}: ${visible} of ${pages} pages all-visible (${tables.join(', ')})`);
    if (visible >= 0.99 * pages) return;
  }
}
