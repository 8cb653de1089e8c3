import { readFileSync, writeFileSync } from 'node:fs';
import { CHECKPOINT_ORIGIN, type SignedCheckpoint } from '@hoeder/domain/audit';

/**
 * The file an outside witness (the inspectorate) keeps: signed checkpoints as the database had
 * them when exported. Only the signatures make them trustworthy; the verifier checks them with
 * its own trusted keys, never with a key the file names.
 */
export interface WitnessFile {
  origin: typeof CHECKPOINT_ORIGIN;
  exportedAt: string;
  checkpoints: SignedCheckpoint[];
}

/** The file's content: the CLI writes it, `GET /api/audit/checkpoints` serves it (page by page). */
export const toWitnessFile = (checkpoints: readonly SignedCheckpoint[], now: Date): WitnessFile => ({
  origin: CHECKPOINT_ORIGIN,
  exportedAt: now.toISOString(),
  checkpoints: checkpoints.map(({ treeSize, rootHash, signedAt, keyId, signature }) => ({ treeSize, rootHash, signedAt, keyId, signature })),
});

export function writeWitnessFile(path: string, checkpoints: readonly SignedCheckpoint[], now: Date): void {
  writeFileSync(path, `${JSON.stringify(toWitnessFile(checkpoints, now), null, 2)}\n`);
}

const isCheckpoint = (c: unknown): c is SignedCheckpoint => {
  const x = c as Record<string, unknown>;
  return (
    typeof x === 'object' &&
    x !== null &&
    Number.isSafeInteger(x.treeSize) &&
    (x.treeSize as number) >= 1 &&
    typeof x.rootHash === 'string' &&
    /^[0-9a-f]{64}$/.test(x.rootHash) &&
    typeof x.signedAt === 'string' &&
    typeof x.keyId === 'string' &&
    typeof x.signature === 'string'
  );
};

/** Reads and checks the shape of a witness file; throws naming what is wrong. */
export function readWitnessFile(path: string): SignedCheckpoint[] {
  const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<WitnessFile>;
  if (parsed.origin !== CHECKPOINT_ORIGIN) throw new Error(`${path}: not a Hoeder audit checkpoint file (origin ${String(parsed.origin)})`);
  if (!Array.isArray(parsed.checkpoints)) throw new Error(`${path}: checkpoints missing`);
  const bad = parsed.checkpoints.findIndex((c) => !isCheckpoint(c));
  if (bad >= 0) throw new Error(`${path}: checkpoint ${bad} is malformed`);
  return parsed.checkpoints;
}
