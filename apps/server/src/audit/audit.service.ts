import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import type { AccessSubject } from '@hoeder/domain';
import { TreeAudit, type AuditProblem, type AuditRecord, type SignedCheckpoint } from '@hoeder/domain/audit';
import { countAuditEntries, countUnsealedAuditEntries, insertAuditEntries, listAuditCheckpoints, listAuditLeaves, type Db } from '@hoeder/db';
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

const toRecord = (ctx: RequestContext, actor: AuditActor, event: AuditEvent): AuditRecord => ({
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
    recordMany: (trx, ctx, actor, events) => insertAuditEntries(trx, events.map((e) => toRecord(ctx, actor, e))),
    sealOnce: (db) => sealer.sealOnce(db),
    async verify(db, { witness = [] } = {}) {
      const checkpoints = [];
      for (let page = await listAuditCheckpoints(db, 0, PAGE); page.length > 0; page = await listAuditCheckpoints(db, page.at(-1)!.treeSize, PAGE)) checkpoints.push(...page);
      const tree = new TreeAudit(checkpoints, witness, trustedKeys);
      // Page by leaf index, so memory stays bounded by the leaves between two checkpoints.
      for (let page = await listAuditLeaves(db, 0, PAGE); page.length > 0; page = await listAuditLeaves(db, page.at(-1)!.leafIndex + 1, PAGE)) tree.add(page);
      const problems = tree.finish();
      const last = checkpoints.at(-1);
      return {
        ok: problems.length === 0,
        entries: await countAuditEntries(db),
        leaves: tree.leaves,
        checkpoints: checkpoints.length,
        unsealed: await countUnsealedAuditEntries(db),
        latest: last ? { treeSize: last.treeSize, rootHash: last.rootHash } : null,
        problems,
      };
    },
  };
}
