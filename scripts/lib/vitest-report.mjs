// Turns Vitest JSON reports (--reporter=json) into the counts of the closing summary line.
import { existsSync, readFileSync } from 'node:fs';

/**
 * @typedef {{ passed: number, failed: number, skipped: number }} Counts
 * @typedef {{ name: string, counts: Counts, crashed: boolean, note?: string }} RunResult
 */

/**
 * Counts of one JSON report. A test file that failed without any failing test (an import
 * error, a failing beforeAll) counts as one failure, so a broken file can't vanish silently.
 * @param {any} report parsed JSON of Vitest's json reporter
 * @returns {Counts}
 */
export function countsFromReport(report) {
  const brokenFiles = (report.testResults ?? []).filter(
    (/** @type {any} */ f) =>
      f.status === 'failed' &&
      !(f.assertionResults ?? []).some((/** @type {any} */ a) => a.status === 'failed'),
  ).length;
  return {
    passed: report.numPassedTests ?? 0,
    failed: (report.numFailedTests ?? 0) + brokenFiles,
    skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
  };
}

/**
 * Result of one vitest run from its exit code and report file. A non-zero exit without any
 * failure in the report (or without a report) means the run itself crashed.
 * @param {string} name @param {number} exitCode @param {string} reportFile
 * @returns {RunResult}
 */
export function readRun(name, exitCode, reportFile) {
  let counts = { passed: 0, failed: 0, skipped: 0 };
  if (existsSync(reportFile)) {
    try {
      counts = countsFromReport(JSON.parse(readFileSync(reportFile, 'utf8')));
    } catch {
      return { name, counts, crashed: true, note: 'unreadable JSON report' };
    }
  } else if (exitCode === 0) {
    return { name, counts, crashed: false, note: 'no report (no tests)' };
  }
  const crashed = exitCode !== 0 && counts.failed === 0;
  return crashed ? { name, counts, crashed, note: `exit code ${exitCode}` } : { name, counts, crashed };
}

/** @param {RunResult[]} runs @returns {Counts} */
export function sumCounts(runs) {
  return runs.reduce(
    (t, r) => ({ passed: t.passed + r.counts.passed, failed: t.failed + r.counts.failed, skipped: t.skipped + r.counts.skipped }),
    { passed: 0, failed: 0, skipped: 0 },
  );
}

/** The closing line; CI and people grep for exactly this form. @param {Counts} c */
export function summaryLine(c) {
  return `${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped`;
}

/**
 * Whether the whole `npm test` failed: any failed test, crashed run or other error.
 * @param {RunResult[]} runs @param {string[]} errors
 */
export function overallFailed(runs, errors) {
  return errors.length > 0 || runs.some((r) => r.crashed || r.counts.failed > 0);
}
