import { generateKeyPairSync } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_ROLE, insertAuditEntries, insertAuditSeal, listAuditEntriesAfter, listLeafHashes } from '@hoeder/db';
import { openTestDatabaseAtMigration, type MigrationTestDatabase } from '@hoeder/db/testing';
import {
  EMPTY_FRONTIER,
  appendLeaves,
  auditLeafHash,
  frontierRoot,
  fromHex,
  inclusionProof,
  isStoredHeight,
  nodeKey,
  signCheckpoint,
  subtreesOf,
  toHex,
  type AuditRecord,
  type Frontier,
} from '@hoeder/domain/audit';
import { storedNodeSubtrees } from '../oversight/stored-node-proof';
import { createAuditService } from './audit.service';

/**
 * Migration 0027 on a database whose log was sealed before stored nodes existed: it back-fills
 * the nodes from the leaves, after which the sealer continues them and proofs come from them.
 */
const signingKey = generateKeyPairSync('ed25519').privateKey;
const OLD = 700;
const record = (i: number): AuditRecord => ({
  occurredAt: new Date(Date.UTC(2026, 0, 1, 9, 0, i % 60)).toISOString(),
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
  details: { i },
});

let raw: MigrationTestDatabase;
/** The nodes the sealer would have stored for the old leaves, by nodeKey. */
const expected = new Map<string, string>();

beforeAll(async () => {
  raw = await openTestDatabaseAtMigration('0024-audit-search-indexes');
  await insertAuditEntries(raw.db, Array.from({ length: OLD }, (_, i) => record(i)));
  // Sealed the way the sealer did before 0027: leaves and checkpoints, in two seals, no nodes.
  let frontier: Frontier = EMPTY_FRONTIER;
  let sealedThrough = 0;
  for (const batch of [333, OLD - 333]) {
    const entries = await listAuditEntriesAfter(raw.db, sealedThrough, batch);
    const hashes = entries.map(auditLeafHash);
    const next = appendLeaves(frontier, hashes, (height, index, hash) => {
      if (isStoredHeight(height)) expected.set(nodeKey(height, index), toHex(hash));
    });
    const signed = signCheckpoint({ treeSize: next.size, rootHash: toHex(frontierRoot(next)), signedAt: new Date().toISOString() }, signingKey);
    await insertAuditSeal(
      raw.db,
      entries.map((e, i) => ({ leafIndex: frontier.size + i, entrySeq: e.seq, leafHash: toHex(hashes[i]!) })),
      { ...signed, frontier: next.nodes.map(toHex), sealedThroughSeq: entries.at(-1)!.seq, openGaps: [] },
    );
    frontier = next;
    sealedThrough = entries.at(-1)!.seq;
  }
}, 120_000);
afterAll(() => raw.close());

describe('migration 0027 on a sealed log without stored nodes', () => {
  it('back-fills every node of the stored heights from the leaves; the sealer continues; proofs and verification agree', async () => {
    await raw.migrateToLatest();
    const stored = await sql<{ height: number; node_index: string; node_hash: string }>`SELECT height, node_index, node_hash FROM audit_node`.execute(raw.db);
    expect(expected.size).toBe(Math.floor(OLD / 16) + Math.floor(OLD / 256));
    expect(new Map(stored.rows.map((r) => [nodeKey(Number(r.height), Number(r.node_index)), r.node_hash]))).toEqual(expected);

    await raw.db.connection().execute(async (conn) => {
      await sql`SET ROLE ${sql.id(APP_ROLE)}`.execute(conn);
      const audit = createAuditService({ signingKey, sealBatch: 101 });
      await conn.transaction().execute((trx) =>
        audit.recordMany(trx, { traceId: 'new', now: new Date('2026-02-01T00:00:00Z') }, null, Array.from({ length: 400 }, (_, i) => ({ operation: 'case.view', status: 'ok' as const, processingActivity: 'test', objectType: 'case', objectId: `n-${i}` }))),
      );
      while ((await audit.sealOnce(conn)).status === 'sealed');
      const size = OLD + 400;
      const nodes = await sql<{ n: number }>`SELECT count(*)::int AS n FROM audit_node`.execute(conn);
      expect(nodes.rows[0]!.n).toBe(Math.floor(size / 16) + Math.floor(size / 256));
      const all = (await listLeafHashes(conn, 0, size)).map(fromHex);
      for (const index of [0, 15, 16, 511, 699, 700, 1023, size - 1]) {
        expect(inclusionProof(index, size, await storedNodeSubtrees(conn, index, size))).toEqual(inclusionProof(index, size, subtreesOf(all)));
      }
      expect(await audit.verify(conn)).toMatchObject({ ok: true, leaves: size, unsealed: 0, problems: [] });
      // The app role may append and read nodes, not change them.
      await expect(sql`DELETE FROM audit_node`.execute(conn)).rejects.toThrow();
      await expect(sql`UPDATE audit_node SET node_hash = node_hash`.execute(conn)).rejects.toThrow();
      await sql`RESET ROLE`.execute(conn);
    });
  });
});
