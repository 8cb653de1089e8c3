import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { isSupportedNode, ltsNodePath, pathWith } from './lts-node.mjs';

describe('isSupportedNode', () => {
  it('accepts the LTS lines 22 (from 22.12) and 24', () => {
    expect(isSupportedNode('v22.12.0')).toBe(true);
    expect(isSupportedNode('v22.23.3')).toBe(true);
    expect(isSupportedNode('v24.0.0')).toBe(true);
  });
  it('refuses Node 20 (end of life), an early 22, and the odd, short-lived lines', () => {
    expect(isSupportedNode('v20.20.2')).toBe(false);
    expect(isSupportedNode('v22.11.0')).toBe(false);
    expect(isSupportedNode('v23.11.0')).toBe(false);
    expect(isSupportedNode('v25.0.0')).toBe(false);
  });
});

describe('the node package', () => {
  it('is installed by npm ci and is a supported LTS (the suites run on it)', () => {
    expect(existsSync(ltsNodePath())).toBe(true);
    expect(isSupportedNode(execFileSync(ltsNodePath(), ['--version'], { encoding: 'utf8' }).trim())).toBe(true);
  });
  it('puts its folder first on PATH so tools started by name use it', () => {
    expect(pathWith('/r/node_modules/node/bin/node', '/usr/bin:/bin')).toBe('/r/node_modules/node/bin:/usr/bin:/bin');
    expect(pathWith('/r/node_modules/node/bin/node', undefined)).toBe('/r/node_modules/node/bin');
  });
});

describe('the suites', () => {
  it('run on a supported Node LTS', () => {
    expect(isSupportedNode(process.version)).toBe(true);
  });
});
