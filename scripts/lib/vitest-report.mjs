// Turns Vitest JSON reports (--reporter=json) into the counts of the closing summary line.
import { existsSync, readFileSync } from 'node:fs';

/**
 * @typedef {{ passed: number, failed: number, skipped: number }} Counts
 * @typedef {{ name: string, counts: Counts, crashed: boolean, note?: string, failures?: string[] }} RunResult
 */

/**
 * One line per failed test (file › test: first line of the error), so the closing summary, which
 * is the part of a long CI log people see first, says what failed and not only how many.
 * @param {any} report parsed JSON of Vitest's json reporter
 * @returns {string[]}
 */
export function failuresFromReport(report) {
  /** @type {string[]} */
  const lines = [];
  for (const file of report.testResults ?? []) {
    const where = String(file.name ?? '').replace(/^.*?\/((?:e2e|apps|packages|scripts|bench)\/)/, '$1');
    const failed = (file.assertionResults ?? []).filter((/** @type {any} */ a) => a.status === 'failed');
    for (const a of failed) lines.push(`${where} › ${a.fullName ?? a.title}: ${firstLine(a.failureMessages?.[0])}`);
    if (file.status === 'failed' && failed.length === 0) lines.push(`${where}: ${firstLine(file.message)}`);
  }
  return lines;
}

/** @param {unknown} text */
const firstLine = (text) => String(text ?? '').split('\n').find((l) => l.trim() !== '')?.trim().slice(0, 300) ?? '';

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
  /** @type {string[]} */
  let failures = [];
  if (existsSync(reportFile)) {
    try {
      const report = JSON.parse(readFileSync(reportFile, 'utf8'));
      counts = countsFromReport(report);
      failures = failuresFromReport(report);
    } catch {
      return { name, counts, crashed: true, note: 'unreadable JSON report' };
    }
  } else if (exitCode === 0) {
    return { name, counts, crashed: false, note: 'no report (no tests)' };
  }
  const crashed = exitCode !== 0 && counts.failed === 0;
  return crashed ? { name, counts, crashed, note: `exit code ${exitCode}`, failures } : { name, counts, crashed, failures };
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
