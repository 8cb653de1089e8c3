import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { e2eSkipReason, vitestReporterArgs } from './e2e-run.mjs';
import { startEnv, startServer, waitForHealth } from './server-proc.mjs';

describe('e2eSkipReason', () => {
  it('says why e2e cannot run, or null when it can', () => {
    expect(e2eSkipReason({ hasServer: false, hasChromium: true })).toBe('no server yet');
    expect(e2eSkipReason({ hasServer: true, hasChromium: false })).toMatch(/no chromium/);
    expect(e2eSkipReason({ hasServer: true, hasChromium: true })).toBeNull();
  });
  it('adds the JSON reporter only when a report file is wanted', () => {
    expect(vitestReporterArgs(undefined)).toEqual([]);
    expect(vitestReporterArgs('/tmp/r.json')).toEqual(['--reporter=default', '--reporter=json', '--outputFile=/tmp/r.json']);
  });
});

describe('startEnv', () => {
  it('fills in the demo defaults', () => {
    const env = startEnv({});
    expect(env).toMatchObject({ PORT: '3000', HOEDER_SEED: 'demo', PUBLIC_URL: 'http://localhost:3000' });
    expect(env.HOEDER_DATA_DIR).toMatch(/\.data\/pglite$/);
  });
  it('keeps what the environment already says', () => {
    expect(startEnv({ PORT: '8080', HOEDER_SEED: 'none' })).toMatchObject({
      PORT: '8080',
      HOEDER_SEED: 'none',
      PUBLIC_URL: 'http://localhost:8080',
    });
  });
});

describe('waitForHealth', () => {
  it('fails fast with the server output when the server dies during startup', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fake-server-'));
    try {
      const entry = join(dir, 'main.ts');
      writeFileSync(entry, "console.log('cannot open database'); process.exit(3);\n");
      const server = startServer({ ...process.env }, entry);
      await expect(waitForHealth('http://127.0.0.1:9', server, 60_000)).rejects.toThrow(/exited \(3\)[\s\S]*cannot open database/);
      await server.stop();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
