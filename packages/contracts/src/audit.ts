import { z } from 'zod';
import { IsoDateTime } from './common';

export const CHECKPOINT_PAGE_MAX = 1000;

/** `GET /api/audit/checkpoints?fromSize=&limit=`: up to `limit` checkpoints with a tree larger than `fromSize`. */
export const AuditCheckpointsQuery = z.object({
  fromSize: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(0),
  limit: z.coerce.number().int().min(1).max(CHECKPOINT_PAGE_MAX).default(CHECKPOINT_PAGE_MAX),
});
export type AuditCheckpointsQuery = z.infer<typeof AuditCheckpointsQuery>;

export const SignedCheckpoint = z.object({
  treeSize: z.number().int().min(1),
  /** Hex SHA-256 root of the Merkle tree of `treeSize` leaves (RFC 9162). */
  rootHash: z.string().regex(/^[0-9a-f]{64}$/),
  signedAt: IsoDateTime,
  keyId: z.string(),
  /** Base64 Ed25519 signature over the checkpoint note (ADR 0012). */
  signature: z.string(),
});
export type SignedCheckpoint = z.infer<typeof SignedCheckpoint>;

export const AuditPublicKey = z.object({ keyId: z.string(), pem: z.string() });
export type AuditPublicKey = z.infer<typeof AuditPublicKey>;

/**
 * The witness file of `npm run audit:export-checkpoints` (origin, exportedAt, checkpoints), so a
 * download can be passed to `audit:verify --witness`, plus the public keys that signed them and
 * where the next page starts (null: this was the last).
 */
export const AuditCheckpointsResponse = z.object({
  // The domain's CHECKPOINT_ORIGIN; the server's typecheck ties the two (witness-file.ts).
  origin: z.literal('hoeder.audit/v1'),
  exportedAt: IsoDateTime,
  checkpoints: z.array(SignedCheckpoint),
  nextFromSize: z.number().int().nullable(),
  publicKeys: z.array(AuditPublicKey),
});
export type AuditCheckpointsResponse = z.infer<typeof AuditCheckpointsResponse>;
