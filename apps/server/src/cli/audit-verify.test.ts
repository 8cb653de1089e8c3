import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '@hoeder/db';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { createAuditService } from '../audit/audit.service';

const dataDir = mkdtempSync(join(tmpdir(), 'hoeder-audit-cli-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const runVerify = () =>
  spawnSync(process.execPath, ['--import', 'tsx', new URL('./audit-verify.ts', import.meta.url).pathname], {
    env: { ...process.env, HOEDER_DATA_DIR: dataDir, DATABASE_URL: '' },
    encoding: 'utf8',
  });

async function withDatabase(fn: (db: Awaited<ReturnType<typeof openDatabase>>['db']) => Promise<void>) {
  const database = await openDatabase({ dataDir });
  try {
    await fn(database.db);
  } finally {
    await database.close();
  }
}

describe('npm run audit:verify', () => {
  it('exits 0 on an intact log and names the first bad entry after tampering', async () => {
    const audit = createAuditService();
    await withDatabase(async (db) => {
      for (let i = 1; i <= 4; i += 1) {
        await db.transaction().execute((trx) =>
          audit.record(trx, { traceId: `t${i}`, now: new Date('2026-01-01T00:00:00Z') }, null, { operation: 'test.op', status: 'ok', processingActivity: 'test', objectType: 'x' }),
        );
      }
    });
    const intact = runVerify();
    expect(intact.status, intact.stderr).toBe(0);
    expect(intact.stdout).toContain('4 entries');

    await withDatabase(async (db) => {
      await sql`RESET ROLE`.execute(db);
      await sql`ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_append_only`.execute(db);
      await sql`UPDATE audit_entry SET operation = 'test.other' WHERE seq = 2`.execute(db);
    });
    const tampered = runVerify();
    expect(tampered.status).toBe(1);
    expect(tampered.stderr).toContain('seq=2');
  }, 240_000);
});
