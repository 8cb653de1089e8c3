import { createPublicKey } from 'node:crypto';
import type { AuditEntriesQuery, AuditEntriesResponse, AuditProofResponse } from '@hoeder/contracts';
import { findAuditEntry, listAuditCheckpoints, searchAuditEntries } from '@hoeder/db';
import { fail, ok, OVERSIGHT_ROLES, type Result } from '@hoeder/domain';
import { inclusionProof, keyIdOf, toHex } from '@hoeder/domain/audit';
import type { AuditService } from '../audit/audit.service';
import type { AuthenticatedActor, RequestContext } from '../platform/actor';
import { roleCheck, type Guard } from '../platform/guard/guard';
import { storedNodeSubtrees } from './stored-node-proof';

const inspectorate = roleCheck((a) => a.roles.some((r) => OVERSIGHT_ROLES.includes(r)), 'only the inspectorate reads the audit log', 'oversight.inspection');

/**
 * The inspectorate's audit-log viewer (issue 13): search the entries, and for one entry the proof
 * of inclusion under the first signed checkpoint that covers it, so the browser can check the
 * entry against the signed root itself. Every use is itself audited.
 */
export function createAuditViewerService({ guard, audit }: { guard: Guard; audit: AuditService }) {
  const publicKeys = audit.trustedKeys.map((key) => ({
    keyId: keyIdOf(key),
    pem: (key.type === 'private' ? createPublicKey(key) : key).export({ type: 'spki', format: 'pem' }).toString(),
  }));
  return {
    search: (ctx: RequestContext, actor: AuthenticatedActor, query: AuditEntriesQuery): Promise<Result<AuditEntriesResponse>> =>
      guard.withAccess(ctx, actor, { operation: 'audit.search', objectType: 'audit_entry', check: inspectorate, readOnly: true }, async ({ trx, note }) => {
        const { page, pageSize, ...filters } = query;
        const found = await searchAuditEntries(trx, { ...filters, offset: (page - 1) * pageSize, limit: pageSize });
        note({ filters, page, total: found.total, totalCapped: found.totalCapped });
        return ok({ items: found.rows, total: found.total, totalCapped: found.totalCapped, page, pageSize });
      }),

    proof: (ctx: RequestContext, actor: AuthenticatedActor, seq: number): Promise<Result<AuditProofResponse>> =>
      guard.withAccess(ctx, actor, { operation: 'audit.proof', objectType: 'audit_entry', objectId: String(seq), check: inspectorate }, async ({ trx, note }) => {
        const found = await findAuditEntry(trx, seq);
        if (!found) return fail('NOT_FOUND', 'audit entry not found');
        const { leafIndex, ...entry } = found;
        if (leafIndex === null) return fail('INVALID_TRANSITION', 'this entry is not sealed yet; try again in a moment');
        const [checkpoint] = await listAuditCheckpoints(trx, leafIndex, 1);
        if (!checkpoint) return fail('INVALID_TRANSITION', 'no signed checkpoint covers this entry yet; try again in a moment');
        // The audit path from stored subtree nodes: O(log n) rows, not the whole tree (ADR 0037).
        const subtrees = await storedNodeSubtrees(trx, leafIndex, checkpoint.treeSize);
        const proof = inclusionProof(leafIndex, checkpoint.treeSize, subtrees).map(toHex);
        note({ leafIndex, treeSize: checkpoint.treeSize });
        const { treeSize, rootHash, signedAt, keyId, signature } = checkpoint;
        return ok({ entry, leafIndex, checkpoint: { treeSize, rootHash, signedAt, keyId, signature }, proof, publicKeys });
      }),
  };
}

export type AuditViewerService = ReturnType<typeof createAuditViewerService>;
