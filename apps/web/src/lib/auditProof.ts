import type { AuditProofResponse } from '@hoeder/contracts';
import { checkpointNoteText, rootFromPath } from '@hoeder/domain/audit-proof';

export interface ProofVerdict {
  /** The entry, hashed here, leads along the audit path to the checkpoint's root. */
  included: boolean;
  /** The checkpoint's Ed25519 signature holds under the key it names. */
  signed: boolean;
}

const sha256 = async (data: Uint8Array) => new Uint8Array(await crypto.subtle.digest('SHA-256', data as BufferSource));
const base64ToBytes = (b64: string) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
const pemToDer = (pem: string) => base64ToBytes(pem.replace(/-----[^-]+-----|\s/g, ''));

/**
 * Checks an audit entry in the browser (issue 13), with the browser's own SHA-256 and Ed25519
 * (WebCrypto), not the server's word: the leaf is recomputed from the entry as shown, folded along
 * the audit path, and compared with the signed root. The root can be compared with the witness's
 * copy of the checkpoints (Auditlog-checkpoints).
 */
export async function verifyAuditProof(p: AuditProofResponse): Promise<ProofVerdict> {
  const root = await rootFromPath(sha256, p.entry, p.leafIndex, p.checkpoint.treeSize, p.proof);
  const key = p.publicKeys.find((k) => k.keyId === p.checkpoint.keyId);
  let signed = false;
  if (key) {
    try {
      const publicKey = await crypto.subtle.importKey('spki', pemToDer(key.pem) as BufferSource, { name: 'Ed25519' }, false, ['verify']);
      signed = await crypto.subtle.verify({ name: 'Ed25519' }, publicKey, base64ToBytes(p.checkpoint.signature) as BufferSource, new TextEncoder().encode(checkpointNoteText(p.checkpoint)) as BufferSource);
    } catch {
      signed = false;
    }
  }
  return { included: root === p.checkpoint.rootHash, signed };
}
