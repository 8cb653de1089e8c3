// npm run bench:planning-gap -- [--seeds 1,2,3] [--cpu-seconds 10] [--out bench/results/planning-gap.md]
// Where the national week's gap to the LP bound lies: the planner's run (CPU-time budget, so a
// loaded machine does the same work, more slowly) against the LP solution of the bound, per
// class of slots (shift type, qualification, unit kinds, weight = domain × priority), and the
// weighted shortfalls by the planner's own reason. The instance is the bench's demo week.
// `--anneal-share` overrides the engine's split between annealing and the exact phase, `--row-set-share`
// the share of row-set exchanges after the first sweep, `--ruin-light on|off` the ruin rounds (experiments; ADR 0041),
// `--candidate-limit` the candidates per greedy insertion of the construction (default 16, as the service path on a
// national week; 256 before ADR 0044), `--solve-seed`
// the search's own seed (default 1; the instance's seed is `--seeds`; ADR 0044).
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { buildCoverageBound, compile, coverageClasses, highsMipSolver, solve, solveLp, weightedCoverage, type Compiled } from '@hoeder/planner';
import { demoProblem } from '../../apps/server/src/planning/planning-input';
import { gitCommit, loadAverages } from '../api/load';
import { slotCounts } from '../planner/lcc';

const { values } = parseArgs({ options: { seeds: { type: 'string', default: '1,2,3' }, 'cpu-seconds': { type: 'string', default: '10' }, out: { type: 'string', default: 'bench/results/planning-gap.md' }, 'anneal-share': { type: 'string' }, 'row-set-share': { type: 'string' }, 'ruin-light': { type: 'string' }, 'candidate-limit': { type: 'string', default: '16' }, 'solve-seed': { type: 'string', default: '1' }, 'day-flow': { type: 'string' } } });
const seeds = values.seeds.split(',').map(Number);
const cpuMs = Number(values['cpu-seconds']) * 1000;
const lines: string[] = [`### Gap to the LP bound, national demo week (250 persons), planner with ${cpuMs / 1000} s of CPU time${values['anneal-share'] ? `, anneal share ${values['anneal-share']}` : ''}${values['row-set-share'] ? `, row-set share ${values['row-set-share']}` : ''}${values['ruin-light'] ? `, ruin light ${values['ruin-light']}` : ''}${values['candidate-limit'] !== '16' ? `, candidate limit ${values['candidate-limit']}` : ''}${values['solve-seed'] !== '1' ? `, search seed ${values['solve-seed']}` : ''}${values['day-flow'] ? `, day flow ${values['day-flow']}` : ''}`, '', `Command: \`npm run bench:planning-gap -- ${process.argv.slice(2).join(' ')}\` — commit ${gitCommit()}, ${new Date().toISOString()}, load at start ${loadAverages()}`, ''];

const key = (c: Compiled, s: number) => {
  const post = c.problem.posts[c.slotPost[s] ?? 0]!;
  const need = post.needs[c.slotNeed[s] ?? 0]!;
  return `${post.priority} | ${post.shiftTypeId} | ${need.qualification ?? 'any'} | ${(post.allowedUnitKinds ?? []).join(',')} | ${c.slotUnder[s]}`;
};

for (const seed of seeds) {
  const problem = demoProblem(seed, 250, 1, 7);
  const compiled = compile(problem);
  if (!compiled.ok) throw new Error(compiled.error.message);
  const c = compiled.value;
  const t0 = performance.now();
  const plan = solve(problem, { seed: Number(values['solve-seed']), cpuTimeLimitMs: cpuMs, timeLimitMs: cpuMs * 30, candidateLimit: Number(values['candidate-limit']), mip: await highsMipSolver(), ...(values['anneal-share'] ? { annealShare: Number(values['anneal-share']) } : {}), ...(values['row-set-share'] ? { rowSetShare: Number(values['row-set-share']) } : {}), ...(values['ruin-light'] ? { ruinLight: values['ruin-light'] === 'on' } : {}), ...(values['day-flow'] ? { dayFlow: values['day-flow'] === 'on' } : {}) });
  if (!plan.ok) throw new Error(plan.error.message);
  const wall = (performance.now() - t0) / 1000;
  const count = slotCounts(c, plan.value.assignments);
  const covered = weightedCoverage(c, count);
  const lp = await solveLp(buildCoverageBound(c));
  const classes = coverageClasses(c);
  // The LP's coverage per class: Σ over groups of y_<g>_<class>.
  const text = buildCoverageBound(c);
  const lpByClass = new Float64Array(classes.length);
  for (const m of text.matchAll(/y_(\d+)_(\d+)/g)) lpByClass[Number(m[2])] = 0;
  const seen = new Set<string>();
  for (const m of text.matchAll(/y_\d+_(\d+)/g)) {
    if (seen.has(m[0])) continue;
    seen.add(m[0]);
    lpByClass[Number(m[1])] = (lpByClass[Number(m[1])] ?? 0) + lp.primal(m[0]);
  }
  // The plan's coverage per bound class (same day, type, qualification, kinds, tasking, weight).
  const classOf = new Map<string, number>();
  classes.forEach((k, i) => classOf.set(`${c.slotDay[k.slot]}|${c.slotType[k.slot]}|${c.slotQualBit[k.slot]}|${c.slotKindMask[k.slot]}|${c.slotTasking[k.slot]}|${c.slotUnder[k.slot]}`, i));
  const planByClass = new Float64Array(classes.length);
  for (let s = 0; s < c.slots; s++) {
    const i = classOf.get(`${c.slotDay[s]}|${c.slotType[s]}|${c.slotQualBit[s]}|${c.slotKindMask[s]}|${c.slotTasking[s]}|${c.slotUnder[s]}`)!;
    planByClass[i] = (planByClass[i] ?? 0) + Math.min(count[s] ?? 0, c.slotCount[s] ?? 0);
  }
  const rows = new Map<string, { demand: number; lp: number; plan: number; weight: number }>();
  classes.forEach((k, i) => {
    const r = rows.get(key(c, k.slot)) ?? { demand: 0, lp: 0, plan: 0, weight: k.weight };
    r.demand += k.req;
    r.lp += lpByClass[i] ?? 0;
    r.plan += planByClass[i] ?? 0;
    rows.set(key(c, k.slot), r);
  });
  const byReason = new Map<string, { missing: number; weight: number }>();
  const slotOf = (postId: string, needIndex: number) => {
    let s = 0;
    for (const p of c.problem.posts) {
      if (p.id === postId) return s + needIndex;
      s += p.needs.length;
    }
    return -1;
  };
  for (const sf of plan.value.shortfalls) {
    const r = byReason.get(sf.reason) ?? { missing: 0, weight: 0 };
    r.missing += sf.missing;
    r.weight += sf.missing * (c.slotUnder[slotOf(sf.postId, sf.needIndex)] ?? 0);
    byReason.set(sf.reason, r);
  }
  const gap = lp.objective - covered;
  lines.push(`#### Seed ${seed}: ${(covered / lp.objective * 100).toFixed(2)} % of the bound (${covered} of ${lp.objective.toFixed(0)}; gap ${gap.toFixed(0)}), ${wall.toFixed(1)} s wall, load ${loadAverages()}`, '');
  lines.push('Where the gap lies (classes where the LP covers more than the plan, weight × officers):', '', '| Domain | Shift | Qualification | Unit kinds | Weight | Demand | LP covers | Plan covers | Gap (weighted) |', '|---|---|---|---|---|---|---|---|---|');
  const sorted = [...rows.entries()].map(([k, r]) => ({ k, ...r, gap: (r.lp - r.plan) * r.weight })).sort((a, b) => b.gap - a.gap);
  for (const r of sorted.filter((x) => Math.abs(x.gap) > 0.5).slice(0, 12)) lines.push(`| ${r.k.split(' | ').join(' | ')} | ${r.demand} | ${r.lp.toFixed(1)} | ${r.plan} | ${r.gap.toFixed(0)} |`);
  lines.push('', 'The plan\'s shortfalls by the planner\'s reason:', '', '| Reason | Officers missing | Weight |', '|---|---|---|');
  for (const [reason, r] of [...byReason.entries()].sort((a, b) => b[1].weight - a[1].weight)) lines.push(`| ${reason} | ${r.missing} | ${r.weight} |`);
  lines.push(`| (total shortfall weight; LP leaves uncovered ${(sorted.reduce((n, r) => n + (r.demand - r.lp) * r.weight, 0)).toFixed(0)}) | ${plan.value.shortfalls.reduce((n, s) => n + s.missing, 0)} | ${[...byReason.values()].reduce((n, r) => n + r.weight, 0)} |`, '');
  console.log(lines.slice(-30).join('\n'));
}
writeFileSync(values.out, `${lines.join('\n')}\n`);
