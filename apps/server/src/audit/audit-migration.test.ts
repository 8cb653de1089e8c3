import { APP_ROLE } from '@hoeder/db';
import { openTestDatabaseAtMigration, type MigrationTestDatabase } from '@hoeder/db/testing';
import { GENESIS_HASH, auditEntryHash, type AuditRecord } from '@hoeder/domain/audit';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuditService } from './audit.service';

const record = (i: number): AuditRecord => ({
  occurredAt: new Date(Date.UTC(2026, 0, 1, 9, 0, i)).toISOString(),
  traceId: `old-${i}`,
  operation: 'case.view',
  status: 'ok',
  userId: null,
  userOrganisation: 'NCTV',
  userRole: 'case_officer',
  processingActivity: 'protection.case_handling',
  objectType: 'case',
  objectId: `case-${i}`,
  dataSubjectId: `case-${i}`,
  details: { version: i },
});

let raw: MigrationTestDatabase;
beforeAll(async () => {
  raw = await openTestDatabaseAtMigration('0004-policy-versions');
  // Three entries written the old way: chained, numbered by the head row.
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= 3; seq += 1) {
    const r = record(seq);
    const hash = auditEntryHash(seq, prev, r);
    await sql`INSERT INTO audit_entry (seq, occurred_at, trace_id, operation, status, user_id, user_organisation, user_role, processing_activity, object_type, object_id, data_subject_id, details, prev_hash, hash)
      VALUES (${seq}, ${r.occurredAt}, ${r.traceId}, ${r.operation}, ${r.status}, NULL, ${r.userOrganisation}, ${r.userRole}, ${r.processingActivity}, ${r.objectType}, ${r.objectId}, ${r.dataSubjectId}, ${JSON.stringify(r.details)}, ${prev}, ${hash})`.execute(raw.db);
    await sql`UPDATE audit_head SET seq = ${seq}, hash = ${hash}`.execute(raw.db);
    prev = hash;
  }
});
afterAll(() => raw.close());

describe('migration 0005 on a database with a chained log', () => {
  it('keeps the old entries, numbers new ones after them, and seals the old ones first, in seq order', async () => {
    await raw.migrateToLatest();
    await raw.db.connection().execute(async (conn) => {
      await sql`SET ROLE ${sql.id(APP_ROLE)}`.execute(conn);
      const audit = createAuditService();
      await conn.transaction().execute((trx) => audit.record(trx, { traceId: 'new', now: new Date('2026-02-01T00:00:00Z') }, null, { operation: 'case.view', status: 'ok', processingActivity: 'test', objectType: 'case' }));
      expect(await audit.sealOnce(conn)).toMatchObject({ status: 'sealed', leaves: 4, treeSize: 4 });
      const leaves = await sql<{ entry_seq: string; trace_id: string; hash: string | null }>`
        SELECT l.entry_seq, e.trace_id, e.hash FROM audit_leaf l JOIN audit_entry e ON e.seq = l.entry_seq ORDER BY l.leaf_index`.execute(conn);
      expect(leaves.rows.map((r) => [Number(r.entry_seq), r.trace_id])).toEqual([
        [1, 'old-1'],
        [2, 'old-2'],
        [3, 'old-3'],
        [4, 'new'],
      ]);
      // The old chain's hashes stay as they were written.
      expect(leaves.rows[2]!.hash).toBe(auditEntryHash(3, leaves.rows[1]!.hash!, record(3)));
      expect(leaves.rows[3]!.hash).toBeNull();
      expect(await audit.verify(conn)).toMatchObject({ ok: true, entries: 4, leaves: 4, unsealed: 0 });
      // The app role got what the sealer needs, and no more.
      await expect(sql`DELETE FROM audit_leaf`.execute(conn)).rejects.toThrow();
      await expect(sql`UPDATE audit_checkpoint SET signature = 'x'`.execute(conn)).rejects.toThrow();
      await sql`RESET ROLE`.execute(conn);
    });
  });
});
