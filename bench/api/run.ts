// npm run bench:api -- [--suite http|growth|all] [--connections 50] [--seconds 10] [--out bench/results/api.json]
//   [--baseline bench/results/api-before.json] [--sizes 13,503,2003]
// Writes the raw results (JSON) and the tables (.md beside it). With --baseline, the tables show
// that earlier run's numbers next to this one's. Not part of `npm test`: tests never fail on time.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { runGrowthSuite } from './growth-suite';
import { runHttpSuite } from './http-suite';
import { SERVER_V8_FLAGS } from '../../scripts/lib/proc.mjs';
import { benchLog, gitCommit, loadAverages } from './load';
import { resultsMarkdown, type ApiBenchResult } from './table';

const { values } = parseArgs({
  options: {
    suite: { type: 'string', default: 'all' },
    connections: { type: 'string', default: '50' },
    seconds: { type: 'string', default: '10' },
    out: { type: 'string', default: 'bench/results/api.json' },
    baseline: { type: 'string' },
    sizes: { type: 'string', default: '13,503,2003' },
  },
});
const suite = values.suite;
if (suite !== 'http' && suite !== 'growth' && suite !== 'all') {
  console.error(`unknown suite ${suite} (http, growth or all)`);
  process.exit(2);
}
const positive = (name: string, v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0) {
    console.error(`--${name} must be a positive integer`);
    process.exit(2);
  }
  return n;
};
const connections = positive('connections', values.connections);
const seconds = positive('seconds', values.seconds);
const sizes = values.sizes.split(',').map((s) => positive('sizes', s));
const log = benchLog;
const commit = gitCommit();

const result: ApiBenchResult = {
  command: `npm run bench:api -- ${process.argv.slice(2).join(' ')}`.trim(),
  date: new Date().toISOString(),
  commit,
  node: process.version,
  loadAtStart: loadAverages(),
  serverV8Flags: SERVER_V8_FLAGS.join(' '),
  uptimeAtStart: Number(readFileSync('/proc/uptime', 'utf8').split(' ')[0]),
  http: [],
  auditCheck: null,
  growth: [],
};
log(`Node ${process.version}, commit ${commit}, load ${result.loadAtStart}`);
if (suite === 'http' || suite === 'all') {
  const http = await runHttpSuite({ connections, heavyConnections: 200, pgliteConnections: 10, seconds, auditRequests: 1000, log });
  result.http = http.rows;
  result.auditCheck = http.auditCheck;
}
if (suite === 'growth' || suite === 'all') result.growth = await runGrowthSuite({ sizes, samples: 7, log });

const baseline = values.baseline ? (JSON.parse(readFileSync(values.baseline, 'utf8')) as ApiBenchResult) : undefined;
const markdown = resultsMarkdown(result, connections, baseline);
mkdirSync(dirname(values.out), { recursive: true });
writeFileSync(values.out, `${JSON.stringify(result, null, 2)}\n`);
writeFileSync(values.out.replace(/\.json$/, '.md'), markdown);
console.log(`\n${markdown}\nwrote ${values.out} and ${values.out.replace(/\.json$/, '.md')}`);
// The fixture's and clients' handles are closed; exit in case a keep-alive socket lingers.
process.exit(0);
