// runTied() and exitWithParent(): a signal to the parent's process group reaches the child exactly
// once, and the child stops when the parent is killed outright.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const proc = new URL('./proc.mjs', import.meta.url).href;
const dir = mkdtempSync(join(tmpdir(), 'hoeder-tied-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const child = join(dir, 'child.mjs');
writeFileSync(child, `import { exitWithParent } from '${proc}';
exitWithParent();
let n = 0;
const report = (sig) => { n += 1; setTimeout(() => { console.log(sig, n); process.exit(0); }, 300); };
process.on('SIGINT', () => report('SIGINT'));
process.on('SIGTERM', () => report('SIGTERM'));
console.log('ready');
setInterval(() => {}, 1000);
`);
const parent = join(dir, 'parent.mjs');
writeFileSync(parent, `import { runTied } from '${proc}';
process.exit(await runTied(process.execPath, [${JSON.stringify(child)}]));
`);

function startParent() {
  const p = spawn(process.execPath, [parent], { detached: true, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  p.stdout.on('data', (d: Buffer) => (out += d.toString()));
  const until = async (text: string) => {
    const deadline = Date.now() + 10_000;
    while (!out.includes(text) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    return out;
  };
  return { p, until };
}

describe('runTied', () => {
  it('passes a signal sent to the whole process group (Ctrl+C) to the child exactly once', async () => {
    const { p, until } = startParent();
    await until('ready');
    const exited = new Promise<number | null>((r) => p.on('exit', (code) => r(code)));
    process.kill(-p.pid!, 'SIGINT');
    expect(await until('SIGINT')).toContain('SIGINT 1');
    expect(await exited).toBe(0);
  });

  it('stops the child when the parent is killed with SIGKILL', async () => {
    const { p, until } = startParent();
    await until('ready');
    process.kill(p.pid!, 'SIGKILL');
    expect(await until('SIGTERM')).toContain('SIGTERM 1');
  });
});
