import type { KeyObject } from 'node:crypto';
import {
  EMPTY_FRONTIER,
  appendLeaves,
  auditLeafHash,
  fromHex,
  frontierRoot,
  signCheckpoint,
  toHex,
  type Frontier,
} from '@hoeder/domain/audit';
import { auditCheckpointAsOf, insertAuditSeal, latestAuditCheckpoint, listUnsealedAuditEntries, tryAuditSealLock, type Db } from '@hoeder/db';

export type SealResult = { status: 'sealed'; leaves: number; treeSize: number } | { status: 'idle'; treeSize: number } | { status: 'busy' };

/**
 * How long an audited transaction may stay open and still have its entry found by a routine seal.
 * Sequence numbers commit out of order: a late entry can sit below the highest sealed seq. Routine
 * seals look back to the checkpoint of this long ago; a sealer's first seal looks at everything.
 */
export const LATE_ENTRY_WINDOW_MS = 5 * 60_000;

/**
 * Folds unsealed entries into the tree. Exactly once across server instances: a transaction-level
 * advisory lock admits one sealer at a time (the others report 'busy'), and the primary keys on
 * leaf index, entry seq and tree size refuse a second seal of the same place even without it.
 */
export function createAuditSealer(options: { signingKey: KeyObject; batch?: number | undefined }) {
  const batch = options.batch ?? 5000;
  let swept = false;

  async function sealOnce(db: Db): Promise<SealResult> {
    const fullSweep = !swept;
    const result = await db.transaction().execute(async (trx): Promise<SealResult> => {
      if (!(await tryAuditSealLock(trx))) return { status: 'busy' };
      const latest = await latestAuditCheckpoint(trx);
      const floor = fullSweep ? 0 : ((await auditCheckpointAsOf(trx, new Date(Date.now() - LATE_ENTRY_WINDOW_MS)))?.sealedThroughSeq ?? 0);
      const entries = await listUnsealedAuditEntries(trx, floor, batch);
      const frontier: Frontier = latest ? { size: latest.treeSize, nodes: latest.frontier.map(fromHex) } : EMPTY_FRONTIER;
      if (latest && toHex(frontierRoot(frontier)) !== latest.rootHash) {
        // Growing a tree from an altered frontier would sign a forgery; the verifier names the damage.
        throw new Error(`audit checkpoint at tree size ${latest.treeSize}: frontier does not match its root; sealing stopped`);
      }
      if (entries.length === 0) return { status: 'idle', treeSize: frontier.size };
      const hashes = entries.map(auditLeafHash);
      const next = appendLeaves(frontier, hashes);
      const signed = signCheckpoint({ treeSize: next.size, rootHash: toHex(frontierRoot(next)), signedAt: new Date().toISOString() }, options.signingKey);
      const leaves = entries.map((e, i) => ({ leafIndex: frontier.size + i, entrySeq: e.seq, leafHash: toHex(hashes[i]!) }));
      const sealedThroughSeq = Math.max(latest?.sealedThroughSeq ?? 0, ...entries.map((e) => e.seq));
      await insertAuditSeal(trx, leaves, { ...signed, frontier: next.nodes.map(toHex), sealedThroughSeq });
      return { status: 'sealed', leaves: entries.length, treeSize: next.size };
    });
    if (result.status !== 'busy') swept = true;
    return result;
  }

  return { sealOnce };
}

/**
 * Runs seals on an interval until stopped; a full batch is followed at once by the next one.
 * `stop` waits for a seal in progress, so the database can close after it.
 */
export function startAuditSealing(seal: () => Promise<SealResult>, intervalMs: number, onError: (error: unknown) => void): { stop(): Promise<void> } {
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const round = async () => {
    try {
      for (let i = 0; i < 20 && !stopped; i += 1) {
        const r = await seal();
        if (r.status !== 'sealed') break;
      }
    } catch (error) {
      onError(error);
    }
  };
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = round().then(schedule);
    }, intervalMs);
    timer.unref();
  };
  schedule();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
