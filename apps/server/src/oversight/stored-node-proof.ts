import { listAuditNodes, listLeafHashes, listLeafHashesAt, type Db } from '@hoeder/db';
import { fromHex, inclusionRanges, missingNodeLeaves, nodeKey, rowsFor, storedSubtrees, type Hash, type SubtreeHash } from '@hoeder/domain/audit';

/**
 * The subtree hashes an inclusion proof of leaf `index` in the tree of `size` leaves needs, read
 * from the stored nodes (ADR 0037): a few dozen rows by primary key whatever the size of the log.
 * A stored node that is absent (a database not back-filled, or a damaged one) is recomputed from
 * its leaves, so the proof is still right, only slower; a wrong stored node gives a proof that does
 * not verify against the signed root, which the browser checks.
 */
export async function storedNodeSubtrees(db: Db, index: number, size: number): Promise<SubtreeHash> {
  const plan = rowsFor(inclusionRanges(index, size));
  const nodeRows = await listAuditNodes(db, plan.nodes);
  const leafRows = await listLeafHashesAt(db, plan.leaves);
  const nodes = new Map<string, Hash>(nodeRows.map((n) => [nodeKey(n.height, n.index), fromHex(n.hash)]));
  const leaves = new Map<number, Hash>(leafRows.map((l) => [l.index, fromHex(l.hash)]));
  for (const [lo, hi] of missingNodeLeaves(plan.nodes, nodes)) {
    (await listLeafHashes(db, lo, hi)).forEach((hash, i) => leaves.set(lo + i, fromHex(hash)));
  }
  return storedSubtrees(nodes, leaves);
}
