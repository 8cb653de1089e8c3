import { sql } from 'kysely';
import type { Db } from '../schema';

/** A stored subtree hash (ADR 0037): the node over leaves [index·2^height, (index+1)·2^height), hex. */
export interface AuditNodeRow {
  height: number;
  index: number;
  hash: string;
}

/** In the seal's transaction; the primary key refuses a second node for the same place. */
export async function insertAuditNodes(db: Db, nodes: readonly AuditNodeRow[]): Promise<void> {
  if (nodes.length === 0) return;
  await sql`
    INSERT INTO audit_node (height, node_index, node_hash)
    SELECT * FROM unnest(${nodes.map((n) => n.height)}::smallint[], ${nodes.map((n) => n.index)}::bigint[], ${nodes.map((n) => n.hash)}::text[])
  `.execute(db);
}

/** The stored nodes among `keys` (primary-key lookups); absent ones are simply not returned. */
export async function listAuditNodes(db: Db, keys: readonly { height: number; index: number }[]): Promise<AuditNodeRow[]> {
  if (keys.length === 0) return [];
  const { rows } = await sql<{ height: number; node_index: string | number; node_hash: string }>`
    SELECT n.height, n.node_index, n.node_hash
    FROM unnest(${keys.map((k) => k.height)}::smallint[], ${keys.map((k) => k.index)}::bigint[]) AS k(height, node_index)
    JOIN audit_node n ON n.height = k.height AND n.node_index = k.node_index
  `.execute(db);
  return rows.map((r) => ({ height: Number(r.height), index: Number(r.node_index), hash: r.node_hash }));
}

/** The leaf hashes (hex) at the given leaf indexes, by primary key. */
export async function listLeafHashesAt(db: Db, indexes: readonly number[]): Promise<Array<{ index: number; hash: string }>> {
  if (indexes.length === 0) return [];
  const rows = await db.selectFrom('audit_leaf').select(['leaf_index', 'leaf_hash']).where('leaf_index', 'in', [...indexes]).execute();
  return rows.map((r) => ({ index: Number(r.leaf_index), hash: r.leaf_hash }));
}

/** Stored nodes in order from (height, index) onward: for the verifier's check of the nodes against the leaves. */
export async function listAuditNodesFrom(db: Db, height: number, fromIndex: number, limit: number): Promise<AuditNodeRow[]> {
  const rows = await db.selectFrom('audit_node').selectAll().where('height', '=', height).where('node_index', '>=', fromIndex).orderBy('node_index').limit(limit).execute();
  return rows.map((r) => ({ height: Number(r.height), index: Number(r.node_index), hash: r.node_hash }));
}
