import type { KeyObject } from 'node:crypto';
import {
  EMPTY_FRONTIER,
  appendLeaves,
  auditLeafHash,
  expireGaps,
  fillGaps,
  fromHex,
  frontierRoot,
  gapsSkipped,
  isStoredHeight,
  signCheckpoint,
  toHex,
  type Frontier,
} from '@hoeder/domain/audit';
import { insertAuditNodes, insertAuditSeal, latestAuditCheckpoint, listAuditEntriesAfter, listAuditEntriesInGaps, tryAuditSealLock, type Db } from '@hoeder/db';

export type SealResult = { status: 'sealed'; leaves: number; treeSize: number } | { status: 'idle'; treeSize: number } | { status: 'busy' };

/**
 * How long a skipped sequence number is looked for. Audited transactions last milliseconds; a
 * number still missing after this long was rolled back. (Should one commit later after all, the
 * verifier reports it as not sealed.)
 */
export const GAP_RETENTION_MS = 24 * 60 * 60_000;

/**
 * Folds unsealed entries into the tree. Exactly once across server instances: a transaction-level
 * advisory lock admits one sealer at a time (the others report 'busy'), and the keys on leaf
 * index, entry seq and tree size refuse a second seal of the same place even without it.
 * Entries are found without scanning the log: the new ones above the highest sealed seq, the late
 * ones in the gaps the previous seals skipped (see seal-gaps.ts).
 */
export function createAuditSealer(options: { signingKey: KeyObject; batch?: number | undefined }) {
  // Small enough that one seal holds a session only briefly (the composition root picks less for PGlite).
  const batch = options.batch ?? 1000;

  async function sealOnce(db: Db): Promise<SealResult> {
    return db.transaction().execute(async (trx): Promise<SealResult> => {
      if (!(await tryAuditSealLock(trx))) return { status: 'busy' };
      const latest = await latestAuditCheckpoint(trx);
      const frontier: Frontier = latest ? { size: latest.treeSize, nodes: latest.frontier.map(fromHex) } : EMPTY_FRONTIER;
      if (latest && toHex(frontierRoot(frontier)) !== latest.rootHash) {
        // Growing a tree from an altered frontier would sign a forgery; the verifier names the damage.
        throw new Error(`audit checkpoint at tree size ${latest.treeSize}: frontier does not match its root; sealing stopped`);
      }
      const now = new Date();
      const sealedThrough = latest?.sealedThroughSeq ?? 0;
      const openGaps = expireGaps(latest?.openGaps ?? [], new Date(now.getTime() - GAP_RETENTION_MS));
      const late = await listAuditEntriesInGaps(trx, openGaps, batch);
      const fresh = await listAuditEntriesAfter(trx, sealedThrough, batch - late.length);
      const entries = [...late, ...fresh];
      if (entries.length === 0) return { status: 'idle', treeSize: frontier.size };
      const hashes = entries.map(auditLeafHash);
      // The nodes this seal completes at the stored heights, so proofs need not read the leaves (ADR 0037).
      const nodes: { height: number; index: number; hash: string }[] = [];
      const next = appendLeaves(frontier, hashes, (height, index, hash) => {
        if (isStoredHeight(height)) nodes.push({ height, index, hash: toHex(hash) });
      });
      const signed = signCheckpoint({ treeSize: next.size, rootHash: toHex(frontierRoot(next)), signedAt: now.toISOString() }, options.signingKey);
      const gaps = [...fillGaps(openGaps, new Set(late.map((e) => e.seq))), ...gapsSkipped(sealedThrough, fresh.map((e) => e.seq), now.toISOString())];
      await insertAuditSeal(
        trx,
        entries.map((e, i) => ({ leafIndex: frontier.size + i, entrySeq: e.seq, leafHash: toHex(hashes[i]!) })),
        { ...signed, frontier: next.nodes.map(toHex), sealedThroughSeq: fresh.at(-1)?.seq ?? sealedThrough, openGaps: gaps },
      );
      await insertAuditNodes(trx, nodes);
      return { status: 'sealed', leaves: entries.length, treeSize: next.size };
    });
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
