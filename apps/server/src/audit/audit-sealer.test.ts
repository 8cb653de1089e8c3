import { generateKeyPairSync } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countAuditEntries, insertAuditSeal, latestAuditCheckpoint } from '@hoeder/db';
import { openTestDatabase, type TestDatabase } from '@hoeder/db/testing';
import { createAuditService, type AuditEvent, type AuditService } from './audit.service';

let database: TestDatabase;
const keyA = generateKeyPairSync('ed25519').privateKey;
const keyB = generateKeyPairSync('ed25519').privateKey;
// Two services on one database, as two server instances would be; each trusts the other's key.
let a: AuditService;
let b: AuditService;
beforeAll(async () => {
  database = await openTestDatabase();
  a = createAuditService({ signingKey: keyA, trustedKeys: [keyB], sealBatch: 7 });
  b = createAuditService({ signingKey: keyB, trustedKeys: [keyA], sealBatch: 7 });
});
afterAll(() => database.close());

const postgresOnly = () => process.env.TEST_PG_ADMIN_URL === undefined;
let trace = 0;
const ctx = () => ({ traceId: `t-${++trace}`, now: new Date('2026-03-02T09:00:00Z') });
const event = (i: number): AuditEvent => ({ operation: 'test.read', status: 'ok', processingActivity: 'test', objectType: 'item', objectId: `item-${i}`, details: { i } });
const leafStats = async () =>
  (
    await sql<{ n: string; seqs: string; lo: string | null; hi: string | null }>`
      SELECT count(*) AS n, count(DISTINCT entry_seq) AS seqs, min(leaf_index) AS lo, max(leaf_index) AS hi FROM audit_leaf`.execute(database.db)
  ).rows[0]!;
const tick = () => new Promise((resolve) => setImmediate(resolve));
const sealUntilIdle = async (s: AuditService) => {
  for (;;) {
    const r = await s.sealOnce(database.db);
    if (r.status === 'idle') return;
  }
};

describe('recordMany', () => {
  it('writes one row per event, all in the caller transaction', async () => {
    const before = await countAuditEntries(database.db);
    await expect(
      database.db.transaction().execute(async (trx) => {
        await a.recordMany(trx, ctx(), null, [event(1), event(2), event(3)]);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await countAuditEntries(database.db)).toBe(before);
    await database.db.transaction().execute((trx) => a.recordMany(trx, ctx(), null, [event(1), event(2), event(3)]));
    expect(await countAuditEntries(database.db)).toBe(before + 3);
    await database.db.transaction().execute((trx) => a.recordMany(trx, ctx(), null, []));
    expect(await countAuditEntries(database.db)).toBe(before + 3);
  });
});

describe('the sealer: numbers that commit late or never', () => {
  it('a rolled-back entry leaves an open gap; the entries around it are sealed', async () => {
    await database.db.transaction().execute((trx) => a.record(trx, ctx(), null, event(1)));
    await expect(
      database.db.transaction().execute(async (trx) => {
        await a.record(trx, ctx(), null, event(2));
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    await database.db.transaction().execute((trx) => a.record(trx, ctx(), null, event(3)));
    await sealUntilIdle(a);
    const latest = (await latestAuditCheckpoint(database.db))!;
    const gap = latest.openGaps.at(-1)!;
    expect(gap.hi).toBe(gap.lo);
    expect(gap.lo).toBe(latest.sealedThroughSeq - 1);
    expect(await a.verify(database.db)).toMatchObject({ ok: true, unsealed: 0 });
  });
});

describe('the sealer: exactly once', () => {
  it('two sealers racing while many transactions write: one leaf per entry, one tree, consistent checkpoints', async () => {
    let writing = true;
    const race = async (s: AuditService) => {
      const seen = { sealed: 0, busy: 0 };
      do {
        const r = await s.sealOnce(database.db);
        if (r.status === 'sealed') seen.sealed += 1;
        if (r.status === 'busy') seen.busy += 1;
        await tick();
      } while (writing);
      return seen;
    };
    const sealers = [race(a), race(b), race(a), race(b)];
    // Writers arrive spread out, so (on PGlite too) seals fall between them.
    const writers = Array.from({ length: 60 }, async (_, i) => {
      for (let k = 0; k < i; k += 1) await tick();
      await database.db.transaction().execute((trx) => (i % 2 ? a : b).recordMany(trx, ctx(), null, Array.from({ length: (i % 4) + 1 }, (_, j) => event(i * 10 + j))));
    });
    await Promise.all(writers);
    writing = false;
    const seen = await Promise.all(sealers);
    await sealUntilIdle(b);

    const entries = await countAuditEntries(database.db);
    const leaves = await leafStats();
    expect(Number(leaves.n)).toBe(entries);
    expect(Number(leaves.seqs)).toBe(entries);
    expect([Number(leaves.lo), Number(leaves.hi)]).toEqual([0, entries - 1]);
    expect(seen.reduce((n, s) => n + s.sealed, 0)).toBeGreaterThan(1);
    const verdict = await a.verify(database.db);
    expect(verdict).toMatchObject({ ok: true, unsealed: 0, leaves: entries, problems: [] });
    expect(verdict.checkpoints).toBeGreaterThan(1);
  }, 60_000);

  it('the keys refuse a second seal of the same place even without the lock', async () => {
    const latest = (await latestAuditCheckpoint(database.db))!;
    const someSeq = Number((await sql<{ s: string }>`SELECT entry_seq AS s FROM audit_leaf WHERE leaf_index = 0`.execute(database.db)).rows[0]!.s);
    const leaf = { leafIndex: latest.treeSize, entrySeq: someSeq, leafHash: '0'.repeat(64) };
    // The same entry sealed twice.
    await expect(database.db.transaction().execute((trx) => insertAuditSeal(trx, [leaf], { ...latest, treeSize: latest.treeSize + 1 }))).rejects.toThrow();
    // The same leaf index twice.
    await expect(database.db.transaction().execute((trx) => insertAuditSeal(trx, [{ ...leaf, leafIndex: 0, entrySeq: 10 ** 9 }], { ...latest, treeSize: latest.treeSize + 1 }))).rejects.toThrow();
    // The same tree size twice.
    await expect(database.db.transaction().execute((trx) => insertAuditSeal(trx, [{ ...leaf, entrySeq: 10 ** 9 }], latest))).rejects.toThrow();
    expect(await a.verify(database.db)).toMatchObject({ ok: true });
  });

  it('refuses to grow the tree from an altered frontier', async () => {
    await database.db.transaction().execute((trx) => a.record(trx, ctx(), null, event(0)));
    const latest = (await latestAuditCheckpoint(database.db))!;
    await database.asOwner(async (owner) => {
      await sql`ALTER TABLE audit_checkpoint DISABLE TRIGGER USER`.execute(owner);
      await sql`UPDATE audit_checkpoint SET frontier = ${JSON.stringify(latest.frontier.map(() => 'ab'.repeat(32)))} WHERE tree_size = ${latest.treeSize}`.execute(owner);
      await sql`ALTER TABLE audit_checkpoint ENABLE TRIGGER USER`.execute(owner);
    });
    await expect(a.sealOnce(database.db)).rejects.toThrow(/frontier does not match/);
    await database.asOwner(async (owner) => {
      await sql`ALTER TABLE audit_checkpoint DISABLE TRIGGER USER`.execute(owner);
      await sql`UPDATE audit_checkpoint SET frontier = ${JSON.stringify(latest.frontier)} WHERE tree_size = ${latest.treeSize}`.execute(owner);
      await sql`ALTER TABLE audit_checkpoint ENABLE TRIGGER USER`.execute(owner);
    });
    await sealUntilIdle(a);
    expect(await a.verify(database.db)).toMatchObject({ ok: true, unsealed: 0 });
  });
});

describe.skipIf(postgresOnly())('on PostgreSQL: audited transactions run side by side', () => {
  it('an open audited transaction does not hold up another one (no global lock)', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let recorded!: () => void;
    const first = new Promise<void>((resolve) => (recorded = resolve));
    const slow = database.db.transaction().execute(async (trx) => {
      await a.record(trx, ctx(), null, event(1));
      recorded();
      await held;
    });
    await first;
    const started = Date.now();
    await database.db.transaction().execute((trx) => b.record(trx, ctx(), null, event(2)));
    expect(Date.now() - started).toBeLessThan(1000);
    release();
    await slow;
  });

  it('an entry whose lower seq commits after a higher one was sealed is sealed later, as the next leaf', async () => {
    await sealUntilIdle(a);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let recorded!: () => void;
    const first = new Promise<void>((resolve) => (recorded = resolve));
    const late = database.db.transaction().execute(async (trx) => {
      await a.record(trx, ctx(), null, { ...event(1), operation: 'test.late' });
      recorded();
      await held;
    });
    await first;
    await database.db.transaction().execute((trx) => a.record(trx, ctx(), null, { ...event(2), operation: 'test.early' }));
    expect(await b.sealOnce(database.db)).toMatchObject({ status: 'sealed', leaves: 1 });
    release();
    await late;
    expect(await b.sealOnce(database.db)).toMatchObject({ status: 'sealed', leaves: 1 });
    const order = await sql<{ operation: string; seq: string }>`
      SELECT e.operation, e.seq FROM audit_leaf l JOIN audit_entry e ON e.seq = l.entry_seq ORDER BY l.leaf_index DESC LIMIT 2`.execute(database.db);
    expect(order.rows.map((r) => r.operation)).toEqual(['test.late', 'test.early']);
    expect(Number(order.rows[0]!.seq)).toBeLessThan(Number(order.rows[1]!.seq));
    expect(await a.verify(database.db)).toMatchObject({ ok: true, unsealed: 0 });
  });
});

describe('checkpoints', () => {
  it('each checkpoint is signed by the sealer that wrote it; a verifier trusts only the keys it is given', async () => {
    await database.db.transaction().execute((trx) => b.record(trx, ctx(), null, event(3)));
    expect(await b.sealOnce(database.db)).toMatchObject({ status: 'sealed' });
    const byB = (await latestAuditCheckpoint(database.db))!;
    const onlyA = await createAuditService({ signingKey: keyA }).verify(database.db);
    expect(onlyA.ok).toBe(false);
    expect(onlyA.problems).toContainEqual({ kind: 'unknown_key', source: 'database', treeSize: byB.treeSize });
    expect(onlyA.problems.every((p) => p.kind === 'unknown_key')).toBe(true);
    expect(await a.verify(database.db)).toMatchObject({ ok: true });
  });
});
