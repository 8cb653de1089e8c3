/**
 * What a browser needs to check an audit entry's proof of inclusion itself (issue 13), without
 * Node.js: the leaf bytes, the plan of the audit path and the signed checkpoint text. The hashing
 * and the signature check are the platform's (WebCrypto); the rules are the server's, shared here.
 */
import { canonicalJson } from './canonical-json';
import { inclusionPlan } from './inclusion-plan';

export { canonicalJson, inclusionPlan };

/** The checkpoints' origin line (checkpoint.ts signs with the same). */
export const CHECKPOINT_ORIGIN_LINE = 'hoeder.audit/v1';

/** The leaf's bytes: canonical JSON of the entry with its seq, version 1 (as `auditLeafData`). */
export const leafBytes = (entry: { seq: number } & Record<string, unknown>): Uint8Array => new TextEncoder().encode(canonicalJson({ v: 1, ...entry }));

export const hexToBytes = (hex: string): Uint8Array => {
  if (!/^(?:[0-9a-f]{2})*$/.test(hex)) throw new Error('not hex');
  return Uint8Array.from(hex.match(/../g) ?? [], (b) => Number.parseInt(b, 16));
};

export const bytesToHex = (bytes: Uint8Array): string => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

const bytesToBase64 = (bytes: Uint8Array): string => btoa(String.fromCharCode(...bytes));

/** The signed text of a checkpoint (as `checkpointNote`): origin, size, base64 root, time. */
export const checkpointNoteText = (c: { treeSize: number; rootHash: string; signedAt: string }): string =>
  `${CHECKPOINT_ORIGIN_LINE}\n${c.treeSize}\n${bytesToBase64(hexToBytes(c.rootHash))}\n${c.signedAt}\n`;

export type Sha256 = (data: Uint8Array) => Promise<Uint8Array>;

const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

/** The root an audit path leads to from a leaf, with the given SHA-256; undefined when the path cannot fit. */
export async function rootFromPath(sha256: Sha256, entry: { seq: number } & Record<string, unknown>, leafIndex: number, treeSize: number, proofHex: readonly string[]): Promise<string | undefined> {
  const plan = inclusionPlan(leafIndex, treeSize, proofHex.length);
  if (!plan || !proofHex.every((h) => /^[0-9a-f]{64}$/.test(h))) return undefined;
  let r = await sha256(concat(Uint8Array.of(0), leafBytes(entry)));
  for (const [i, hex] of proofHex.entries()) {
    const p = hexToBytes(hex);
    r = await sha256(plan[i] ? concat(Uint8Array.of(1), p, r) : concat(Uint8Array.of(1), r, p));
  }
  return bytesToHex(r);
}
