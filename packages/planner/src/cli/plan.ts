import { readFileSync } from 'node:fs';
import { curtoisToProblem, planToRoster } from '../curtois/convert';
import { evaluateCurtois } from '../curtois/evaluate';
import { parseCurtois, type CurtoisInstance } from '../curtois/parse';
import type { PlanningProblem } from '../model';
import { planInWorker } from '../worker/run';
import { parseArgs } from './args';

// npm run plan -- <instance-file> --seconds N [--seed S] [--json] [--partner columns|highs|none] [--cpu-seconds C]
// --cpu-seconds: the budget is the planner thread's CPU time (a busy machine slows the run rather
// than cutting its work); --seconds is then the wall-clock ceiling (default 3 × C).
// A .txt file is read as a Curtois & Qu instance, a .json file as a PlanningProblem. The
// partner (default columns) works on a second core for problems up to 2,000 cells (ADR 0101).
const { positional, flags } = parseArgs(process.argv.slice(2), ['json']);
const file = positional[0];
if (!file) {
  console.error('usage: npm run plan -- <instance-file> --seconds N [--seed S] [--json] [--partner columns|highs|none] [--cpu-seconds C]');
  process.exit(2);
}
const cpuSeconds = flags.has('cpu-seconds') ? Number(flags.get('cpu-seconds')) : undefined;
const seconds = Number(flags.get('seconds') ?? (cpuSeconds === undefined ? '10' : String(cpuSeconds * 3)));
const seed = Number(flags.get('seed') ?? '1');
const json = flags.has('json');
const partnerFlag = flags.get('partner') ?? 'columns';
if (!['columns', 'highs', 'none'].includes(partnerFlag)) {
  console.error(`unknown partner ${partnerFlag} (columns, highs or none)`);
  process.exit(2);
}
const partner = partnerFlag === 'none' ? undefined : (partnerFlag as 'columns' | 'highs');

const text = readFileSync(file, 'utf8');
let curtois: CurtoisInstance | null = null;
let problem: PlanningProblem;
if (file.endsWith('.json')) {
  problem = JSON.parse(text) as PlanningProblem;
} else {
  const parsed = parseCurtois(text);
  if (!parsed.ok) {
    console.error(`${parsed.error.code}: ${parsed.error.message}`);
    process.exit(1);
  }
  curtois = parsed.value;
  problem = curtoisToProblem(curtois, file.replace(/^.*\//, '').replace(/\.txt$/, ''));
}

const result = await planInWorker(
  { problem, seed, timeLimitMs: seconds * 1000, cpuTimeLimitMs: cpuSeconds === undefined ? undefined : cpuSeconds * 1000, useMip: true, partner },
  (p) => {
    if (!json) process.stderr.write(`\r[${'#'.repeat(Math.round(p.fraction * 30)).padEnd(30)}] soft ${p.bestSoft.toFixed(0)}  `);
  },
);
if (!json) process.stderr.write('\n');
if (!result.ok) {
  console.error(`${result.error.code}: ${result.error.message}`);
  process.exit(1);
}
const plan = result.value;
const benchmark = curtois ? evaluateCurtois(curtois, planToRoster(curtois, plan)) : null;
if (json) {
  console.log(JSON.stringify({ ...plan, curtois: benchmark }, null, 2));
} else {
  console.log(`${plan.problemName}: ${plan.feasible ? 'feasible' : 'INFEASIBLE'}, objective ${plan.score.soft}`
    + ` (cover under ${plan.score.coverUnder}, over ${plan.score.coverOver}, requests ${plan.score.requests}),`
    + ` ${plan.assignments.length} assignments, ${plan.shortfalls.length} shortfalls, ${(plan.stats.elapsedMs / 1000).toFixed(1)} s`);
  for (const f of plan.stats.failures) console.log(`fell back: ${f.code} in ${f.step} (${f.count}×): ${f.message}`);
  if (benchmark) console.log(`Curtois evaluator: penalty ${benchmark.penalty}, hard violations ${benchmark.violations.length}`);
  if (curtois) for (const row of planToRoster(curtois, plan)) console.log(row.map((x) => x || '.').join(' '));
}
