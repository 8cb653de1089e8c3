import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Database } from '@hoeder/db';
import { sql, type Kysely } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { createAuditService } from '../audit/audit.service';
import { loadAuditSigningKey } from '../audit/audit-signing-key';
import { loadConfig } from '../config';

const root = mkdtempSync(join(tmpdir(), 'hoeder-audit-cli-'));
const dataDir = join(root, 'pglite');
const witnessFile = join(root, 'witness.json');
afterAll(() => rmSync(root, { recursive: true, force: true }));

const env = { ...process.env, HOEDER_DATA_DIR: dataDir, DATABASE_URL: '', HOEDER_AUDIT_SIGNING_KEY: '', HOEDER_AUDIT_DEMO_KEY: '' };
const run = (script: string, args: string[] = []) =>
  spawnSync(process.execPath, ['--import', 'tsx', new URL(script, import.meta.url).pathname, ...args], { env, encoding: 'utf8' });
const verify = (args: string[] = []) => run('./audit-verify.ts', args);

/** The server's own wiring: the demo key kept beside the data folder signs the checkpoints. */
async function withServer(fn: (db: Kysely<Database>, audit: ReturnType<typeof createAuditService>) => Promise<void>) {
  const config = loadConfig(env);
  const database = await openDatabase({ dataDir });
  try {
    await fn(database.db, createAuditService({ signingKey: loadAuditSigningKey(config) }));
  } finally {
    await database.close();
  }
}

async function writeAndSeal(count: number) {
  await withServer(async (db, audit) => {
    for (let i = 1; i <= count; i += 1) {
      await db.transaction().execute((trx) =>
        audit.record(trx, { traceId: `t${i}`, now: new Date('2026-01-01T00:00:00Z') }, null, { operation: 'test.op', status: 'ok', processingActivity: 'test', objectType: 'x' }),
      );
      await audit.sealOnce(db);
    }
  });
}

async function asOwner(...statements: ReturnType<typeof sql>[]) {
  const database = await openDatabase({ dataDir });
  try {
    await sql`RESET ROLE`.execute(database.db);
    for (const t of ['audit_entry', 'audit_leaf', 'audit_checkpoint']) await sql`ALTER TABLE ${sql.id(t)} DISABLE TRIGGER USER`.execute(database.db);
    for (const s of statements) await s.execute(database.db);
  } finally {
    await database.close();
  }
}

describe('npm run audit:verify and audit:export-checkpoints', () => {
  it('exit 0 with counts when intact; the demo key is kept beside the data folder', async () => {
    await writeAndSeal(4);
    await withServer(async (db) => {
      await db.transaction().execute((trx) => createAuditService().record(trx, { traceId: 'u', now: new Date() }, null, { operation: 'test.unsealed', status: 'ok', processingActivity: 'test', objectType: 'x' }));
    });
    expect(readFileSync(`${dataDir}-audit-signing-key.pem`, 'utf8')).toContain('PRIVATE KEY');
    const intact = verify();
    expect(intact.status, intact.stderr).toBe(0);
    expect(intact.stdout).toContain('5 entries, 4 sealed as leaves, 4 checkpoints');
    expect(intact.stdout).toContain('1 entries not yet sealed');
  }, 240_000);

  it('exports checkpoints for a witness, and a later log is consistent with them', async () => {
    const exported = run('./audit-export-checkpoints.ts', [witnessFile]);
    expect(exported.status, exported.stderr).toBe(0);
    expect(JSON.parse(readFileSync(witnessFile, 'utf8'))).toMatchObject({ origin: 'hoeder.audit/v1', checkpoints: [{ treeSize: 1 }, { treeSize: 2 }, { treeSize: 3 }, { treeSize: 4 }] });
    await writeAndSeal(2);
    const later = verify(['--witness', witnessFile]);
    expect(later.status, later.stderr).toBe(0);
    expect(later.stdout).toContain('4 witness checkpoints');
  }, 240_000);

  it('a rewound head: passes alone, exit 1 naming it against a newer witness', async () => {
    run('./audit-export-checkpoints.ts', [witnessFile]);
    // Checkpoints at 1, 2, 3, 4, 6 (the unsealed entry and the next), 7: rewind to 4.
    await asOwner(
      sql`DELETE FROM audit_entry WHERE seq IN (SELECT entry_seq FROM audit_leaf WHERE leaf_index >= 4)`,
      sql`DELETE FROM audit_leaf WHERE leaf_index >= 4`,
      sql`DELETE FROM audit_checkpoint WHERE tree_size > 4`,
    );
    expect(verify().status).toBe(0);
    const rewound = verify(['--witness', witnessFile]);
    expect(rewound.status).toBe(1);
    expect(rewound.stderr).toContain('rewound: the witness holds a checkpoint at tree size 7, the database\'s latest is 4');
  }, 240_000);

  it('a changed row: exit 1 naming the entry', async () => {
    await asOwner(sql`UPDATE audit_entry SET operation = 'test.other' WHERE seq = 2`);
    const tampered = verify();
    expect(tampered.status).toBe(1);
    expect(tampered.stderr).toContain('entry_altered: entry seq=2 (leaf 1) was altered');
  }, 240_000);

  it('a malformed witness file: exit 2, naming it', () => {
    const bad = verify(['--witness', join(root, 'missing.json')]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('audit:verify failed');
  });
});
