/**
 * DMN TCK compliance-level-2 run: `npm run tck:dmn [-- --json] [-- --dir <path>]`.
 * Prints one row per test case result node and a summary; exits 1 when any case fails.
 */
import { DEFAULT_TCK_DIR, runTckSuite, summarise } from '../tck/suite';

const args = process.argv.slice(2);
const json = args.includes('--json');
const dirIndex = args.indexOf('--dir');
const dir = dirIndex >= 0 && args[dirIndex + 1] ? args[dirIndex + 1] : DEFAULT_TCK_DIR;

const rows = await runTckSuite(dir);
const summary = summarise(rows);

if (json) {
  console.log(JSON.stringify({ rows, summary }, null, 2));
} else {
  for (const row of rows) {
    const mark = row.pass ? 'pass' : 'FAIL';
    const reason = row.pass ? '' : `  ${row.reason}`;
    console.log(`${mark}  ${row.folder.padEnd(44)} ${row.testCase.padEnd(4)} ${row.resultNode}${reason}`);
  }
  console.log(
    `\n${summary.passed}/${summary.total} passed, ${summary.failed} failed; ` +
      `decision-table cases ${summary.decisionTablePassed}/${summary.decisionTableTotal}`,
  );
}
process.exitCode = summary.failed === 0 ? 0 : 1;
