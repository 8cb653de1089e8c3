import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import type { AccessSubject } from '@hoeder/domain';
import { TreeAudit, fromHex, nodeKey, type AuditProblem, type AuditRecord, type SignedCheckpoint } from '@hoeder/domain/audit';
import { countAuditEntries, countUnsealedAuditEntries, insertAuditEntries, insertAuditEntryAtCommit, listAuditCheckpoints, listAuditLeaves, listAuditNodes, type Db } from '@hoeder/db';
import { actingRole, type RequestContext } from '../platform/actor';
import { createAuditSealer, type SealResult } from './audit-sealer';

/** What a caller states about one access; the service adds who and when, the sealer the proof. */
export interface AuditEvent {
  operation: string;
  status: AuditRecord['status'];
  processingActivity: string;
  objectType: string;
  objectId?: string | null | undefined;
  dataSubjectId?: string | null | undefined;
  /** Identifiers and codes only: never personal data. */
  details?: Record<string, unknown> | undefined;
}

export type AuditActor = (AccessSubject & { userId: string }) | null;

export interface AuditVerdict {
  ok: boolean;
  /** Entry rows in the table, sealed or not. */
  entries: number;
  leaves: number;
  checkpoints: number;
  /** Entries the sealer has not folded into the tree yet: not a fault, but not yet protected. */
  unsealed: number;
  latest: { treeSize: number; rootHash: string } | null;
  problems: AuditProblem[];
}

export interface AuditService {
  /** Appends in the caller's transaction, so the access and its log entry commit together. */
  record(trx: Db, ctx: RequestContext, actor: AuditActor, event: AuditEvent): Promise<void>;
  /**
   * The last statement of the caller's transaction: sent with its COMMIT (ADR 0036), and a failure
   * fails the COMMIT. Nothing may run in the transaction after it but the commit.
   */
  recordAtCommit(trx: Db, ctx: RequestContext, actor: AuditActor, event: AuditEvent): Promise<void>;
  /** Many entries (e.g. one per item served) in one statement, one row each. */
  recordMany(trx: Db, ctx: RequestContext, actor: AuditActor, events: readonly AuditEvent[]): Promise<void>;
  /** Folds one batch of unsealed entries into the tree and signs a checkpoint (at most one sealer at a time). */
  sealOnce(db: Db): Promise<SealResult>;
  /** Checks every entry against the tree, every checkpoint's signature and consistency; optionally against a witness's checkpoints. */
  verify(db: Db, options?: { witness?: readonly SignedCheckpoint[] }): Promise<AuditVerdict>;
  /** Public keys whose checkpoints the verifier accepts. */
  readonly trustedKeys: readonly KeyObject[];
}

export interface AuditOptions {
  signingKey: KeyObject;
  /** Further public keys to accept (e.g. keys used before a rotation). */
  trustedKeys?: readonly KeyObject[];
  sealBatch?: number;
}

/** The stored form of an entry: the event with who, when and the trace id. */
export const toRecord = (ctx: RequestContext, actor: AuditActor, event: AuditEvent): AuditRecord => ({
  occurredAt: ctx.now.toISOString(),
  traceId: ctx.traceId,
  operation: event.operation,
  status: event.status,
  userId: actor?.userId ?? null,
  userOrganisation: actor?.organisation ?? null,
  userRole: actor ? actingRole(actor) : null,
  processingActivity: event.processingActivity,
  objectType: event.objectType,
  objectId: event.objectId ?? null,
  dataSubjectId: event.dataSubjectId ?? null,
  details: event.details ?? {},
});

const PAGE = 5000;

/** Without a signing key (unit tests only) a throw-away key signs this process's checkpoints. */
export function createAuditService(options: AuditOptions = { signingKey: generateKeyPairSync('ed25519').privateKey }): AuditService {
  const trustedKeys = [options.signingKey, ...(options.trustedKeys ?? [])];
  const sealer = createAuditSealer({ signingKey: options.signingKey, batch: options.sealBatch });
  return {
    trustedKeys,
    record: (trx, ctx, actor, event) => insertAuditEntries(trx, [toRecord(ctx, actor, event)]),
    recordAtCommit: (trx, ctx, actor, event) => insertAuditEntryAtCommit(trx, toRecord(ctx, actor, event)),
    recordMany: (trx, ctx, actor, events) => insertAuditEntries(trx, events.map((e) => toRecord(ctx, actor, e))),
    sealOnce: (db) => sealer.sealOnce(db),
    async verify(db, { witness = [] } = {}) {
      const tree = new TreeAudit([], witness, trustedKeys);
      // Checkpoints and leaves are read page by page, side by side: memory stays bounded by a
      // page and the leaves between two checkpoints, however long the log.
      const read = { checkpoints: 0, latest: null as { treeSize: number; rootHash: string } | null, done: false };
      const readCheckpointsThrough = async (size: number) => {
        while (!read.done && (read.latest?.treeSize ?? 0) < size) {
          const page = await listAuditCheckpoints(db, read.latest?.treeSize ?? 0, PAGE);
          if (page.length === 0) read.done = true;
          else {
            tree.addCheckpoints(page);
            read.checkpoints += page.length;
            read.latest = { treeSize: page.at(-1)!.treeSize, rootHash: page.at(-1)!.rootHash };
          }
        }
      };
      for (let page = await listAuditLeaves(db, 0, PAGE); page.length > 0; page = await listAuditLeaves(db, page.at(-1)!.leafIndex + 1, PAGE)) {
        await readCheckpointsThrough(page.at(-1)!.leafIndex + 1);
        tree.add(page);
        // The stored subtree nodes proofs are built from (ADR 0037) must match the leaves below them.
        const expected = tree.takeStoredNodes();
        tree.checkStoredNodes(expected, new Map((await listAuditNodes(db, expected)).map((n) => [nodeKey(n.height, n.index), fromHex(n.hash)])));
      }
      await readCheckpointsThrough(Number.MAX_SAFE_INTEGER);
      const problems = tree.finish();
      return {
        ok: problems.length === 0,
        entries: await countAuditEntries(db),
        leaves: tree.leaves,
        checkpoints: read.checkpoints,
        unsealed: await countUnsealedAuditEntries(db),
        latest: read.latest,
        problems,
      };
    },
  };
}
