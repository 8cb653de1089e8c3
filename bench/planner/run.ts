import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname } from 'node:path';
import { parseArgs } from '../../packages/planner/src/cli/args';
import { runCurtois, type CurtoisRow, type PartnerKind } from './curtois';
import { runLcc } from './lcc';
import { runReplan } from './replan';
import { curtoisTable, lccTable, replanTable } from './table';

// npm run bench:planner -- --suite curtois|lcc|replan|scale [--instances 1-19] [--seconds N] [--seeds 1,2,3] [--out file.json]
//   curtois: --partner columns|highs|none picks the second-core partner of ours (ADR 0101; default columns);
//   the reference HiGHS run is the same either way (--no-highs skips it: 60 s less per instance and seed).
//   --cpu-seconds C: the engine's budget is C s of its thread's CPU time (--seconds is the wall ceiling).
//   --day-sweeps off: no exact day sweeps at annealing restarts (the A/B of ADR 0101's addendum).
//   --busy-core: a second process keeps one core busy during the runs (the busy-machine table).
//   Every row records the seed and the load average; the file records the commit and the machine.
const { flags } = parseArgs(process.argv.slice(2), ['no-highs', 'busy-core']);
const suite = flags.get('suite') ?? 'curtois';
const seeds = (flags.get('seeds') ?? flags.get('seed') ?? '1').split(',').map(Number);
const seed = seeds[0] ?? 1;
const out = flags.get('out');
const command = `npm run bench:planner -- ${process.argv.slice(2).join(' ')}`;
const dir = new URL('../../../shared/benchmarks/curtois', import.meta.url).pathname;

function range(spec: string): number[] {
  return spec.split(',').flatMap((part) => {
    const [a, b] = part.split('-').map(Number);
    return b === undefined ? [a ?? 1] : Array.from({ length: b - (a ?? 1) + 1 }, (_, i) => (a ?? 1) + i);
  });
}

function partnerKind(v: string): PartnerKind {
  if (v === 'columns' || v === 'highs' || v === 'none') return v;
  console.error(`unknown partner ${v} (columns, highs or none)`);
  process.exit(2);
}

/** Commit, dirty flag, machine and load: what a reader needs to judge wall-clock figures. */
function environment(): Record<string, unknown> {
  const git = (...args: string[]) => {
    try {
      return execFileSync('git', args, { encoding: 'utf8' }).trim();
    } catch {
      return 'unknown';
    }
  };
  return {
    commit: git('rev-parse', '--short', 'HEAD'), dirty: git('status', '--porcelain', '--untracked-files=no') !== '',
    node: process.version, cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown',
    loadAtStart: loadavg().map((x) => Math.round(x * 100) / 100), busyCore: flags.has('busy-core'),
  };
}

const env = environment();

/** A second process spinning on one core, for the busy-machine measurement. */
function busyCore(): ChildProcess | undefined {
  if (!flags.has('busy-core')) return undefined;
  return spawn(process.execPath, ['-e', 'for(;;){}'], { stdio: 'ignore' });
}

function save(rows: unknown, table: string): void {
  if (!out) return;
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify({ command, date: new Date().toISOString(), env: { ...env, loadAtEnd: loadavg().map((x) => Math.round(x * 100) / 100) }, rows }, null, 2)}\n`);
  writeFileSync(out.replace(/\.json$/, '.md'), `${table}\n`);
  console.log(`wrote ${out} and ${out.replace(/\.json$/, '.md')}`);
}

if (suite === 'curtois') {
  const cpuSeconds = flags.has('cpu-seconds') ? Number(flags.get('cpu-seconds')) : undefined;
  const seconds = Number(flags.get('seconds') ?? (cpuSeconds === undefined ? '60' : String(cpuSeconds * 3)));
  const kind = partnerKind(flags.get('partner') ?? 'columns');
  const rows: CurtoisRow[] = [];
  const busy = busyCore();
  try {
    for (const n of range(flags.get('instances') ?? '1-19')) {
      for (const [i, s] of seeds.entries()) {
        // HiGHS alone is deterministic: one reference run per instance is enough.
        const row = await runCurtois(dir, n, { seconds, seed: s, kind, cpuSeconds, highs: !flags.has('no-highs') && i === 0, daySweeps: flags.get('day-sweeps') !== 'off' });
        rows.push(row);
        console.log(JSON.stringify(row));
        save(rows, curtoisTable(rows, command, seconds, env, cpuSeconds));
      }
    }
  } finally {
    busy?.kill();
  }
  console.log(curtoisTable(rows, command, seconds, env, cpuSeconds));
} else if (suite === 'scale') {
  const { runScale, scaleTable } = await import('./scale');
  const rows = runScale(flags.get('sizes') ?? '28x40,91x40,182x40,364x40,364x150', Number(flags.get('moves') ?? '300000'), seed);
  const table = scaleTable(rows, command, env);
  save(rows, table);
  console.log(table);
} else if (suite === 'lcc') {
  const seconds = Number(flags.get('seconds') ?? '10');
  const { row } = await runLcc(seconds, seed);
  console.log(JSON.stringify(row));
  const table = lccTable([row], command, seconds);
  save([row], table);
  console.log(table);
} else if (suite === 'replan') {
  const changes = Number(flags.get('changes') ?? '100');
  const rows = runReplan(changes, Number(flags.get('base-seconds') ?? '10'), Number(flags.get('seconds') ?? '0.6'), seed);
  const table = replanTable(rows, command);
  save(rows, table);
  console.log(table);
} else {
  console.error(`unknown suite ${suite}`);
  process.exit(2);
}
