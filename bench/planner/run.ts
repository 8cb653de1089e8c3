import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from '../../packages/planner/src/cli/args';
import { runCurtois, type CurtoisRow, type PartnerKind } from './curtois';
import { runLcc } from './lcc';
import { runReplan } from './replan';
import { curtoisTable, lccTable, replanTable } from './table';

// npm run bench:planner -- --suite curtois|lcc|replan [--instances 1-12] [--seconds N] [--seed S] [--out file.json]
//   curtois: --partner columns|highs|none picks the second-core partner of ours (ADR 0101; default columns);
//   the reference HiGHS run is the same either way.
const { flags } = parseArgs(process.argv.slice(2), []);
const suite = flags.get('suite') ?? 'curtois';
const seed = Number(flags.get('seed') ?? '1');
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

function save(rows: unknown, table: string): void {
  if (!out) return;
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify({ command, date: new Date().toISOString(), rows }, null, 2)}\n`);
  writeFileSync(out.replace(/\.json$/, '.md'), `${table}\n`);
  console.log(`wrote ${out} and ${out.replace(/\.json$/, '.md')}`);
}

if (suite === 'curtois') {
  const seconds = Number(flags.get('seconds') ?? '60');
  const rows: CurtoisRow[] = [];
  for (const n of range(flags.get('instances') ?? '1-12')) {
    const row = await runCurtois(dir, n, seconds, seed, partnerKind(flags.get('partner') ?? 'columns'));
    rows.push(row);
    console.log(JSON.stringify(row));
    save(rows, curtoisTable(rows, command, seconds));
  }
  console.log(curtoisTable(rows, command, seconds));
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
