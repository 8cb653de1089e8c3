import { createPublicKey } from 'node:crypto';
import type { AuditCheckpointsQuery, AuditCheckpointsResponse } from '@hoeder/contracts';
import { listAuditCheckpoints } from '@hoeder/db';
import { ok, OVERSIGHT_ROLES, type Result } from '@hoeder/domain';
import { keyIdOf } from '@hoeder/domain/audit';
import type { AuthenticatedActor, RequestContext } from '../platform/actor';
import { roleCheck, type Guard } from '../platform/guard/guard';
import type { AuditService } from './audit.service';
import { toWitnessFile } from './witness-file';

/**
 * The signed checkpoints for the outside witness (the inspectorate, ADR 0012), in the witness
 * file's format, with the public keys to check them. Sizes, hashes and signatures only: no
 * personal data, but still a guarded, audited read (role-only, like the other oversight lists).
 */
export function createCheckpointService({ guard, audit }: { guard: Guard; audit: AuditService }) {
  const publicKeys = audit.trustedKeys.map((key) => ({
    keyId: keyIdOf(key),
    pem: (key.type === 'private' ? createPublicKey(key) : key).export({ type: 'spki', format: 'pem' }).toString(),
  }));
  return {
    witnessExport: (ctx: RequestContext, actor: AuthenticatedActor, { fromSize, limit }: AuditCheckpointsQuery): Promise<Result<AuditCheckpointsResponse>> =>
      guard.withAccess(
        ctx,
        actor,
        {
          operation: 'audit.checkpoints_export',
          objectType: 'audit_checkpoint',
          check: roleCheck((a) => a.roles.some((r) => OVERSIGHT_ROLES.includes(r)), 'only the inspectorate exports audit checkpoints', 'oversight.inspection'),
        },
        async ({ trx, note }) => {
          // One more than a page tells whether another page follows; a witness that keeps up
          // fetches only what is new (`fromSize` = the largest tree size it holds).
          const rows = await listAuditCheckpoints(trx, fromSize, limit + 1);
          const page = rows.slice(0, limit);
          const last = page.at(-1)?.treeSize ?? null;
          note({ fromSize, checkpoints: page.length, toSize: last });
          return ok({ ...toWitnessFile(page, ctx.now), nextFromSize: rows.length > limit ? last : null, publicKeys });
        },
      ),
  };
}

export type CheckpointService = ReturnType<typeof createCheckpointService>;
