import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { AppConfig } from '../config';

/**
 * The key that signs audit checkpoints. A configured key (HOEDER_AUDIT_SIGNING_KEY, a PEM file)
 * must exist and be Ed25519; without one a demo key is generated on first start and kept in the
 * data folder, so checkpoints stay verifiable across restarts. With an in-memory database the key
 * lives only as long as the process, like everything else.
 */
export function loadAuditSigningKey(config: Pick<AppConfig, 'audit' | 'dataDir' | 'databaseUrl'>): KeyObject {
  if (config.audit.signingKeyPath) return readEd25519(config.audit.signingKeyPath);
  if (!config.databaseUrl && config.dataDir === 'memory://') return generateKeyPairSync('ed25519').privateKey;
  const path = config.audit.demoKeyPath;
  if (existsSync(path)) return readEd25519(path);
  const { privateKey } = generateKeyPairSync('ed25519');
  mkdirSync(dirname(path), { recursive: true });
  // 'wx': never overwrite a key another process wrote meanwhile; read that one instead.
  try {
    writeFileSync(path, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return readEd25519(path);
    throw error;
  }
  return privateKey;
}

function readEd25519(path: string): KeyObject {
  const key = createPrivateKey(readFileSync(path));
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`audit signing key ${path} is not an Ed25519 key`);
  return key;
}

/** A public key (PEM, or a private key whose public half is meant) that the verifier trusts. */
export const readPublicKey = (path: string): KeyObject => createPublicKey(readFileSync(path));
