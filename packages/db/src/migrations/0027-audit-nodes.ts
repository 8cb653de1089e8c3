import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';

/**
 * Frozen. Stored subtree hashes for proofs at scale (ADR 0037): `audit_node` holds the RFC 9162
 * node over every complete, aligned subtree of 16, 256, 4,096, … leaves (height a positive multiple
 * of 4), so a proof of inclusion reads a few dozen rows instead of every leaf. Append-only like the
 * leaves (same trigger; the app role may only select and insert). Existing logs are back-filled
 * here from their leaves, in tree order and stopping at the first missing leaf (which the verifier
 * reports; a node that is missing is recomputed from its leaves when a proof needs it).
 */
const STRIDE = 4;
const PAGE = 65_536;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE audit_node (
      height smallint NOT NULL CHECK (height > 0 AND height % 4 = 0),
      node_index bigint NOT NULL CHECK (node_index >= 0),
      node_hash text NOT NULL CHECK (node_hash ~ '^[0-9a-f]{64}$'),
      PRIMARY KEY (height, node_index)
    );
    CREATE TRIGGER audit_node_append_only BEFORE UPDATE OR DELETE ON audit_node
      FOR EACH ROW EXECUTE FUNCTION audit_entry_refuse_change();
    CREATE TRIGGER audit_node_no_truncate BEFORE TRUNCATE ON audit_node
      FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_refuse_change();
    GRANT SELECT, INSERT ON audit_node TO hoeder_app;
  `.execute(db);
  await backfill(db);
}

const node = (left: Buffer, right: Buffer) => createHash('sha256').update(Buffer.of(1)).update(left).update(right).digest();

/** Grows the tree leaf by leaf (a binary counter of perfect subtrees) and stores the nodes of the stored heights. */
async function backfill(db: Kysely<unknown>): Promise<void> {
  const stack: Buffer[] = [];
  let size = 0;
  for (;;) {
    const { rows } = await sql<{ leaf_index: string | number; leaf_hash: string }>`
      SELECT leaf_index, leaf_hash FROM audit_leaf WHERE leaf_index >= ${size} ORDER BY leaf_index LIMIT ${PAGE}`.execute(db);
    const out: { height: number; index: number; hash: string }[] = [];
    for (const r of rows) {
      if (Number(r.leaf_index) !== size) break;
      let hash = Buffer.from(r.leaf_hash, 'hex');
      let height = 0;
      for (let s = size; s % 2 === 1; s = Math.floor(s / 2)) {
        hash = node(stack.pop()!, hash);
        height += 1;
        if (height % STRIDE === 0) out.push({ height, index: Math.floor(size / 2 ** height), hash: hash.toString('hex') });
      }
      stack.push(hash);
      size += 1;
    }
    if (out.length > 0) {
      await sql`INSERT INTO audit_node (height, node_index, node_hash)
        SELECT * FROM unnest(${out.map((n) => n.height)}::smallint[], ${out.map((n) => n.index)}::bigint[], ${out.map((n) => n.hash)}::text[])`.execute(db);
    }
    if (rows.length < PAGE || Number(rows.at(-1)!.leaf_index) !== size - 1) return;
  }
}
