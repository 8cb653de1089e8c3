import { generateKeyPairSync } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listLeafHashes } from '@hoeder/db';
import { openTestDatabase, type TestDatabase } from '@hoeder/db/testing';
import { fromHex, inclusionProof, isStoredHeight, rootOf, subtreesOf, verifyInclusion } from '@hoeder/domain/audit';
import { createAuditService, type AuditService } from '../audit/audit.service';
import { storedNodeSubtrees } from './stored-node-proof';

/**
 * The sealer stores the subtree nodes and the viewer's proofs come from them (ADR 0037), on PGlite
 * and (with TEST_PG_ADMIN_URL) PostgreSQL: the same proofs as the reference over all leaves.
 */
let database: TestDatabase;
let audit: AuditService;
const ENTRIES = 1_100;

beforeAll(async () => {
  database = await openTestDatabase();
  // An odd batch, so seals end mid-subtree and nodes complete across seals.
  audit = createAuditService({ signingKey: generateKeyPairSync('ed25519').privateKey, sealBatch: 97 });
  const ctx = { traceId: 't', now: new Date('2026-03-02T09:00:00Z') };
  const events = Array.from({ length: ENTRIES }, (_, i) => ({ operation: 'test.read', status: 'ok' as const, processingActivity: 'test', objectType: 'item', objectId: `item-${i}`, details: { i } }));
  await database.db.transaction().execute((trx) => audit.recordMany(trx, ctx, null, events));
  while ((await audit.sealOnce(database.db)).status === 'sealed');
}, 120_000);
afterAll(() => database.close());

const leaves = async (size: number) => (await listLeafHashes(database.db, 0, size)).map(fromHex);

describe('the sealer stores subtree nodes', () => {
  it('stores every complete aligned subtree of 16 and 256 leaves, with the hash of the leaves below it', async () => {
    const all = await leaves(ENTRIES);
    const { rows } = await sql<{ height: number; node_index: string; node_hash: string }>`SELECT height, node_index, node_hash FROM audit_node ORDER BY height, node_index`.execute(database.db);
    expect(rows.filter((r) => Number(r.height) === 4)).toHaveLength(Math.floor(ENTRIES / 16));
    expect(rows.filter((r) => Number(r.height) === 8)).toHaveLength(Math.floor(ENTRIES / 256));
    expect(rows).toHaveLength(Math.floor(ENTRIES / 16) + Math.floor(ENTRIES / 256));
    for (const r of rows) {
      const h = Number(r.height);
      expect(isStoredHeight(h)).toBe(true);
      expect(r.node_hash).toBe(Buffer.from(rootOf(all, Number(r.node_index) * 2 ** h, (Number(r.node_index) + 1) * 2 ** h)).toString('hex'));
    }
  });

  it('the verifier checks the stored nodes too, and finds the log intact', async () => {
    expect(await audit.verify(database.db)).toMatchObject({ ok: true, leaves: ENTRIES, problems: [] });
  });
});

describe('proofs from stored nodes', () => {
  it('equal the reference proof over all leaves and verify against the root, for many sizes and indexes', async () => {
    const all = await leaves(ENTRIES);
    for (const size of [1, 2, 16, 17, 255, 256, 257, 1000, ENTRIES]) {
      for (const index of new Set([0, 1, size >> 1, size - 2, size - 1, (size * 7) >> 3].filter((i) => i >= 0 && i < size))) {
        const proof = inclusionProof(index, size, await storedNodeSubtrees(database.db, index, size));
        expect(proof, `leaf ${index} of ${size}`).toEqual(inclusionProof(index, size, subtreesOf(all.slice(0, size))));
        expect(verifyInclusion(index, size, all[index]!, proof, rootOf(all.slice(0, size)))).toBe(true);
      }
    }
  });
});

const TABLES = ['audit_node'];
const tampered = (statements: ReturnType<typeof sql>[]) =>
  database.asOwner(async (owner) => {
    for (const t of TABLES) await sql`ALTER TABLE ${sql.id(t)} DISABLE TRIGGER USER`.execute(owner);
    try {
      for (const s of statements) await s.execute(owner);
    } finally {
      for (const t of TABLES) await sql`ALTER TABLE ${sql.id(t)} ENABLE TRIGGER USER`.execute(owner);
    }
  });

describe('a damaged node store (runs last: it changes the database)', () => {
  it('refuses UPDATE and DELETE of a node even to the owner while the triggers stand', async () => {
    await database.asOwner(async (owner) => {
      await expect(sql`DELETE FROM audit_node`.execute(owner)).rejects.toThrow(/append-only/);
      await expect(sql`UPDATE audit_node SET node_hash = node_hash`.execute(owner)).rejects.toThrow(/append-only/);
    });
  });

  it('a missing node is recomputed from its leaves for the proof, and the verifier names it; an altered one is named too', async () => {
    const all = await leaves(ENTRIES);
    await tampered([
      sql`DELETE FROM audit_node WHERE height = 8 AND node_index = 1`,
      sql`UPDATE audit_node SET node_hash = repeat('a', 64) WHERE height = 4 AND node_index = 40`,
    ]);
    const proof = inclusionProof(3, ENTRIES, await storedNodeSubtrees(database.db, 3, ENTRIES));
    expect(proof).toEqual(inclusionProof(3, ENTRIES, subtreesOf(all)));
    // A wrong stored node gives a proof that no longer leads to the signed root: the browser sees it.
    const bad = inclusionProof(600, ENTRIES, await storedNodeSubtrees(database.db, 600, ENTRIES));
    expect(verifyInclusion(600, ENTRIES, all[600]!, bad, rootOf(all))).toBe(false);
    const report = await audit.verify(database.db);
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([
      { kind: 'node_missing', height: 8, index: 1 },
      { kind: 'node_altered', height: 4, index: 40 },
    ]);
  });
});
