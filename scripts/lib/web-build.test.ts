import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { newestMtime, webBuildDecision } from './web-build.mjs';

describe('webBuildDecision', () => {
  it('skips when there is no web app yet', () => {
    expect(webBuildDecision({ hasIndexHtml: false, sourcesMtimeMs: 5 })).toBe('no-web-app');
  });
  it('builds when dist is missing or older than the sources', () => {
    expect(webBuildDecision({ hasIndexHtml: true, sourcesMtimeMs: 5 })).toBe('build');
    expect(webBuildDecision({ hasIndexHtml: true, distMtimeMs: 4, sourcesMtimeMs: 5 })).toBe('build');
  });
  it('keeps a dist that is newer than every source', () => {
    expect(webBuildDecision({ hasIndexHtml: true, distMtimeMs: 6, sourcesMtimeMs: 5 })).toBe('up-to-date');
  });
});

describe('newestMtime', () => {
  const root = mkdtempSync(join(tmpdir(), 'mtime-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const file = (rel: string, seconds: number) => {
    const p = join(root, rel);
    mkdirSync(join(p, '..'), { recursive: true });
    writeFileSync(p, '');
    utimesSync(p, seconds, seconds);
  };

  it('finds the newest source file and ignores dist and node_modules', () => {
    file('web/src/a.tsx', 1000);
    file('web/index.html', 2000);
    file('web/dist/index.html', 9000);
    file('web/node_modules/x/index.js', 9000);
    file('contracts/src/b.ts', 1500);
    expect(newestMtime([join(root, 'web'), join(root, 'contracts'), join(root, 'missing')])).toBe(2_000_000);
  });
});
