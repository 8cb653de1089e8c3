import { createHash, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { canonicalJson, type AuditRecord } from './audit-chain';
import { hashLeaf, type Hash } from './merkle';

/** An audit entry as stored: its content and the sequence number the database gave it. */
export interface SequencedAuditRecord extends AuditRecord {
  seq: number;
}

/**
 * The bytes of a leaf: canonical JSON of the entry including its sequence number, versioned so
 * the serialisation can change later without ambiguity.
 */
export const auditLeafData = (entry: SequencedAuditRecord): Uint8Array => Buffer.from(canonicalJson({ v: 1, ...entry }), 'utf8');

export const auditLeafHash = (entry: SequencedAuditRecord): Hash => hashLeaf(auditLeafData(entry));

export const toHex = (h: Hash): string => Buffer.from(h).toString('hex');
export const fromHex = (s: string): Hash => new Uint8Array(Buffer.from(s, 'hex'));

/** What a checkpoint states: the tree of `treeSize` leaves had this root at this time. */
export interface CheckpointBody {
  treeSize: number;
  /** Hex SHA-256. */
  rootHash: string;
  /** ISO 8601. */
  signedAt: string;
}

export interface SignedCheckpoint extends CheckpointBody {
  keyId: string;
  /** Base64 Ed25519 signature over `checkpointNote(body)`. */
  signature: string;
}

export const CHECKPOINT_ORIGIN = 'hoeder.audit/v1';

/**
 * The signed text, in the shape of a C2SP tlog checkpoint (origin, size, base64 root) with the
 * time as a fourth line, so outside tooling can read it.
 */
export const checkpointNote = (c: CheckpointBody): string =>
  `${CHECKPOINT_ORIGIN}\n${c.treeSize}\n${Buffer.from(c.rootHash, 'hex').toString('base64')}\n${c.signedAt}\n`;

/** A short, stable name of a public key: the first 8 bytes of SHA-256 over its SPKI form. */
export const keyIdOf = (key: KeyObject): string => {
  const publicKey = key.type === 'private' ? createPublicKey(key) : key;
  return createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('hex').slice(0, 16);
};

export function signCheckpoint(body: CheckpointBody, privateKey: KeyObject): SignedCheckpoint {
  const signature = sign(null, Buffer.from(checkpointNote(body)), privateKey).toString('base64');
  return { ...body, keyId: keyIdOf(privateKey), signature };
}

/** 'unknown_key' when no trusted key has the checkpoint's key id. */
export function checkSignature(c: SignedCheckpoint, trusted: readonly KeyObject[]): 'ok' | 'bad_signature' | 'unknown_key' {
  const key = trusted.find((k) => keyIdOf(k) === c.keyId);
  if (!key) return 'unknown_key';
  const publicKey = key.type === 'private' ? createPublicKey(key) : key;
  try {
    return verify(null, Buffer.from(checkpointNote(c)), publicKey, Buffer.from(c.signature, 'base64')) ? 'ok' : 'bad_signature';
  } catch {
    return 'bad_signature';
  }
}
