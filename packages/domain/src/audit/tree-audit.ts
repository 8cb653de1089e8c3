import type { KeyObject } from 'node:crypto';
import { auditLeafHash, checkSignature, fromHex, type SequencedAuditRecord, type SignedCheckpoint } from './checkpoint';
import {
  EMPTY_FRONTIER,
  appendLeaves,
  consistencyProof,
  frontierRanges,
  frontierRoot,
  hashesEqual,
  rootOf,
  verifyConsistency,
  type Frontier,
  type Hash,
} from './merkle';
import { isStoredHeight, nodeKey, type StoredNodeKey } from './stored-nodes';

/** One leaf as stored, with the entry row it names (null when that row is gone). */
export interface LeafRow {
  leafIndex: number;
  entrySeq: number;
  leafHash: string;
  entry: SequencedAuditRecord | null;
}

export type CheckpointSource = 'database' | 'witness';

/** Everything that can be wrong with the log, each naming where. */
export type AuditProblem =
  | { kind: 'leaf_missing'; leafIndex: number }
  | { kind: 'entry_missing'; leafIndex: number; seq: number }
  | { kind: 'entry_altered'; leafIndex: number; seq: number }
  | { kind: 'root_mismatch'; source: CheckpointSource; treeSize: number }
  | { kind: 'bad_signature' | 'unknown_key'; source: CheckpointSource; treeSize: number }
  | { kind: 'inconsistent'; fromSize: number; toSize: number }
  | { kind: 'tail_missing'; treeSize: number; leaves: number }
  | { kind: 'unsigned_leaves'; leaves: number; latestCheckpoint: number }
  | { kind: 'rewound'; witnessSize: number; latestCheckpoint: number }
  | { kind: 'node_missing' | 'node_altered'; height: number; index: number };

export function describeProblem(p: AuditProblem): string {
  switch (p.kind) {
    case 'leaf_missing':
      return `leaf ${p.leafIndex} is missing (a sealed entry was removed)`;
    case 'entry_missing':
      return `entry seq=${p.seq} (leaf ${p.leafIndex}) is missing`;
    case 'entry_altered':
      return `entry seq=${p.seq} (leaf ${p.leafIndex}) was altered: it no longer hashes to its leaf`;
    case 'root_mismatch':
      return `${p.source} checkpoint at tree size ${p.treeSize}: root does not match the entries`;
    case 'bad_signature':
      return `${p.source} checkpoint at tree size ${p.treeSize}: signature is invalid`;
    case 'unknown_key':
      return `${p.source} checkpoint at tree size ${p.treeSize}: signed by an unknown key`;
    case 'inconsistent':
      return `checkpoint at tree size ${p.toSize} is not consistent with the one at ${p.fromSize}`;
    case 'tail_missing':
      return `checkpoint at tree size ${p.treeSize} but only ${p.leaves} leaves: the tail was cut off`;
    case 'unsigned_leaves':
      return `${p.leaves} leaves but the latest checkpoint covers ${p.latestCheckpoint}: checkpoints were removed`;
    case 'node_missing':
      return `stored node at height ${p.height}, index ${p.index} is missing (proofs recompute it from the leaves)`;
    case 'node_altered':
      return `stored node at height ${p.height}, index ${p.index} does not match the leaves below it`;
    case 'rewound':
      return `the witness holds a checkpoint at tree size ${p.witnessSize}, the database's latest is ${p.latestCheckpoint}: the log was rewound`;
  }
}

interface Pending extends SignedCheckpoint {
  source: CheckpointSource;
}

/**
 * Walks the tree leaf by leaf (as pages arrive, so memory stays bounded by the leaves between two
 * checkpoints), recomputes every leaf hash from its entry and the root at every checkpoint, checks
 * each checkpoint's signature and proves each consistent with the one before (RFC 9162 proofs,
 * built from the recomputed tree). Witness checkpoints join the same sequence.
 */
export class TreeAudit {
  readonly problems: AuditProblem[] = [];
  #frontier: Frontier = EMPTY_FRONTIER;
  #queue: Pending[];
  #previous: { size: number; root: Hash; frontier: Map<string, Hash> } | null = null;
  /** Leaf hashes since the previous checkpoint: the new part of the next consistency proof. */
  #since: Hash[] = [];
  #broken = false;
  #latestDatabase = 0;
  /** Nodes at the stored heights (ADR 0037) completed since the last `takeStoredNodes`. */
  #nodes: Array<StoredNodeKey & { hash: Hash }> = [];
  readonly #trusted: readonly KeyObject[];

  /**
   * Database checkpoints may be given here or page by page through `addCheckpoints`, as long as
   * each arrives before the leaves reach its size.
   */
  constructor(checkpoints: readonly SignedCheckpoint[], witness: readonly SignedCheckpoint[], trusted: readonly KeyObject[]) {
    this.#trusted = trusted;
    this.#queue = [];
    this.#enqueue(witness.map((c) => ({ ...c, source: 'witness' as const })));
    this.addCheckpoints(checkpoints);
  }

  /** The next database checkpoints, in tree-size order. */
  addCheckpoints(checkpoints: readonly SignedCheckpoint[]): void {
    for (const c of checkpoints) this.#latestDatabase = Math.max(this.#latestDatabase, c.treeSize);
    this.#enqueue(checkpoints.map((c) => ({ ...c, source: 'database' as const })));
  }

  #enqueue(checkpoints: readonly Pending[]): void {
    for (const c of checkpoints) {
      const sig = checkSignature(c, this.#trusted);
      if (sig !== 'ok') this.problems.push({ kind: sig, source: c.source, treeSize: c.treeSize });
    }
    // At equal sizes the database's checkpoint comes first, so a witness is checked against it.
    this.#queue = [...this.#queue, ...checkpoints].sort((a, b) => a.treeSize - b.treeSize || (a.source === b.source ? 0 : a.source === 'database' ? -1 : 1));
  }

  get leaves(): number {
    return this.#frontier.size;
  }

  /** The nodes at the stored heights that the leaves fed so far complete, each handed out once. */
  takeStoredNodes(): Array<StoredNodeKey & { hash: Hash }> {
    const nodes = this.#nodes;
    this.#nodes = [];
    return nodes;
  }

  /** Compares stored nodes (by nodeKey) with the nodes recomputed from the leaves. */
  checkStoredNodes(expected: ReadonlyArray<StoredNodeKey & { hash: Hash }>, stored: ReadonlyMap<string, Hash>): void {
    for (const n of expected) {
      const found = stored.get(nodeKey(n.height, n.index));
      if (!found) this.problems.push({ kind: 'node_missing', height: n.height, index: n.index });
      else if (!hashesEqual(found, n.hash)) this.problems.push({ kind: 'node_altered', height: n.height, index: n.index });
    }
  }

  /** Feeds the next page of leaves, in leaf order. */
  add(rows: readonly LeafRow[]): void {
    for (const row of rows) {
      if (this.#broken) return;
      if (row.leafIndex !== this.#frontier.size) {
        // Every root from here on would differ; one precise finding beats a cascade of them.
        this.problems.push({ kind: 'leaf_missing', leafIndex: this.#frontier.size });
        this.#broken = true;
        return;
      }
      let hash = fromHex(row.leafHash);
      if (!row.entry || row.entry.seq !== row.entrySeq) this.problems.push({ kind: 'entry_missing', leafIndex: row.leafIndex, seq: row.entrySeq });
      else {
        const recomputed = auditLeafHash(row.entry);
        if (!hashesEqual(recomputed, hash)) this.problems.push({ kind: 'entry_altered', leafIndex: row.leafIndex, seq: row.entrySeq });
        hash = recomputed;
      }
      this.#frontier = appendLeaves(this.#frontier, [hash], (height, index, node) => {
        if (isStoredHeight(height)) this.#nodes.push({ height, index, hash: node });
      });
      this.#since.push(hash);
      this.#checkpointsAt(this.#frontier.size);
    }
  }

  /** Call after the last page: what remains in the queue lies beyond the leaves. */
  finish(): AuditProblem[] {
    const leaves = this.#frontier.size;
    for (const c of this.#queue) {
      if (c.source === 'database' && !this.#broken) this.problems.push({ kind: 'tail_missing', treeSize: c.treeSize, leaves });
    }
    const witnessLatest = this.#queue.reduce((max, c) => (c.source === 'witness' ? Math.max(max, c.treeSize) : max), 0);
    if (witnessLatest > this.#latestDatabase) this.problems.push({ kind: 'rewound', witnessSize: witnessLatest, latestCheckpoint: this.#latestDatabase });
    else if (leaves > this.#latestDatabase && !this.#broken) this.problems.push({ kind: 'unsigned_leaves', leaves, latestCheckpoint: this.#latestDatabase });
    this.#queue = [];
    return this.problems;
  }

  #checkpointsAt(size: number): void {
    while (this.#queue.length > 0 && this.#queue[0]!.treeSize === size) this.#checkpoint(this.#queue.shift()!);
    // A witness checkpoint beyond the database's latest stays queued for finish() (rewound).
  }

  #checkpoint(c: Pending): void {
    const recomputed = frontierRoot(this.#frontier);
    const stated = fromHex(c.rootHash);
    if (!hashesEqual(recomputed, stated)) this.problems.push({ kind: 'root_mismatch', source: c.source, treeSize: c.treeSize });
    const prev = this.#previous;
    if (prev && !this.#consistent(prev, c.treeSize, stated)) this.problems.push({ kind: 'inconsistent', fromSize: prev.size, toSize: c.treeSize });
    const ranges = frontierRanges(this.#frontier.size);
    this.#previous = { size: c.treeSize, root: stated, frontier: new Map(ranges.map(([lo, hi], i) => [`${lo}:${hi}`, this.#frontier.nodes[i]!])) };
    this.#since = [];
  }

  /**
   * Builds the RFC 9162 proof from the previous checkpoint to this size out of the old tree's
   * frontier and the leaves read since, and verifies it against both stated roots.
   */
  #consistent(prev: { size: number; root: Hash; frontier: Map<string, Hash> }, size: number, root: Hash): boolean {
    if (prev.size === 0) return true;
    const subtree = (lo: number, hi: number): Hash => {
      if (lo >= prev.size) return rootOf(this.#since, lo - prev.size, hi - prev.size);
      const node = prev.frontier.get(`${lo}:${hi}`);
      if (!node) throw new Error(`consistency proof needs [${lo}, ${hi}), not a frontier node of ${prev.size}`);
      return node;
    };
    return verifyConsistency(prev.size, size, prev.root, root, consistencyProof(prev.size, size, subtree));
  }
}
