import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { countsFromReport, failuresFromReport, overallFailed, readRun, sumCounts, summaryLine } from './vitest-report.mjs';

const report = {
  numPassedTests: 5,
  numFailedTests: 1,
  numPendingTests: 2,
  numTodoTests: 1,
  testResults: [
    {
      status: 'failed',
      name: '/tmp/clone/e2e/smoke.e2e.ts',
      assertionResults: [
        { status: 'passed', fullName: 'smoke works' },
        { status: 'failed', fullName: 'smoke logs in', failureMessages: ['\nError: timed out\n    at x.ts:1'] },
      ],
    },
    { status: 'failed', name: '/tmp/clone/apps/server/a.test.ts', message: 'Cannot find module', assertionResults: [] },
    { status: 'passed', assertionResults: [{ status: 'passed' }] },
  ],
};
const ok = { passed: 1, failed: 0, skipped: 0 };

describe('countsFromReport', () => {
  it('sums passed, failed, skipped and todo, and counts a file that broke without a failing test', () => {
    expect(countsFromReport(report)).toEqual({ passed: 5, failed: 2, skipped: 3 });
  });
  it('reads an empty report (no test files) as zero', () => {
    expect(countsFromReport({ numTotalTests: 0, testResults: [] })).toEqual({ passed: 0, failed: 0, skipped: 0 });
  });
});

describe('readRun', () => {
  const dir = mkdtempSync(join(tmpdir(), 'report-test-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, content: string) => {
    const p = join(dir, name);
    writeFileSync(p, content);
    return p;
  };

  it('takes failures from the report', () => {
    const r = readRun('a', 1, file('a.json', JSON.stringify(report)));
    expect(r).toMatchObject({ name: 'a', counts: { passed: 5, failed: 2, skipped: 3 }, crashed: false });
  });
  it('names each failed test and broken file with the first line of its error', () => {
    expect(failuresFromReport(report)).toEqual([
      'e2e/smoke.e2e.ts › smoke logs in: Error: timed out',
      'apps/server/a.test.ts: Cannot find module',
    ]);
    expect(readRun('a', 1, file('f.json', JSON.stringify(report))).failures).toHaveLength(2);
  });
  it('calls a non-zero exit without failures a crash', () => {
    const r = readRun('b', 1, file('b.json', JSON.stringify({ numPassedTests: 3 })));
    expect(r.crashed).toBe(true);
    expect(r.counts.passed).toBe(3);
  });
  it('treats a missing report after exit 0 as no tests, and after a non-zero exit as a crash', () => {
    expect(readRun('c', 0, join(dir, 'missing.json')).crashed).toBe(false);
    expect(readRun('d', 137, join(dir, 'missing.json'))).toMatchObject({ crashed: true, note: 'exit code 137' });
  });
  it('calls an unreadable report a crash', () => {
    expect(readRun('e', 0, file('e.json', '{ not json')).crashed).toBe(true);
  });
});

describe('summary', () => {
  const runs = [
    { name: 'a', counts: { passed: 10, failed: 1, skipped: 2 }, crashed: false },
    { name: 'b', counts: { passed: 4, failed: 0, skipped: 0 }, crashed: false },
  ];
  it('prints the closing line in the exact form CI greps for', () => {
    const line = summaryLine(sumCounts(runs));
    expect(line).toBe('14 passed, 1 failed, 2 skipped');
    expect(line).toMatch(/^\d+ passed, \d+ failed(, \d+ skipped)?$/);
  });
  it('fails on a failed test, a crash or an error, and only then', () => {
    expect(overallFailed(runs, [])).toBe(true);
    expect(overallFailed([{ name: 'x', counts: ok, crashed: false }], [])).toBe(false);
    expect(overallFailed([{ name: 'x', counts: ok, crashed: true }], [])).toBe(true);
    expect(overallFailed([{ name: 'x', counts: ok, crashed: false }], ['apt failed'])).toBe(true);
    expect(overallFailed([], [])).toBe(false);
  });
});
