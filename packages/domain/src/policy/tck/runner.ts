import { evaluateDecisions } from '../dmn/evaluate';
import type { DmnModel, DmnResult } from '../dmn/types';
import { TckDecimal, type TckResultNode, type TckTestFile } from './test-cases';

/** One line of the TCK report: one result node of one test case. */
export interface TckRow {
  folder: string;
  testCase: string;
  resultNode: string;
  pass: boolean;
  expected: unknown;
  actual: unknown;
  reason: string;
  /** Whether the result node's decision is (or depends on) a decision table. */
  decisionTable: boolean;
}

/**
 * feelin computes in IEEE doubles while the TCK states exact decimals (e.g. 34 digits for a
 * loan payment); like the TCK runners do for their numeric precision, numbers are equal when
 * they agree to a relative 1e-9.
 */
export const RELATIVE_TOLERANCE = 1e-9;

/** Runs every test case of one TCK folder against its (already parsed) model. */
export function runTckFolder(folder: string, model: DmnResult<DmnModel>, tests: TckTestFile): TckRow[] {
  const rows: TckRow[] = [];
  for (const testCase of tests.testCases) {
    for (const node of testCase.resultNodes) {
      const base = { folder, testCase: testCase.id, resultNode: node.name, expected: node.expected };
      if (!model.ok) {
        rows.push({ ...base, pass: false, actual: null, reason: model.error.message, decisionTable: false });
        continue;
      }
      const decisionTable = dependsOnTable(model.value, node.name);
      rows.push({ ...base, decisionTable, ...judge(model.value, testCase.inputs, node) });
    }
  }
  return rows;
}

function judge(
  model: DmnModel,
  inputs: Record<string, unknown>,
  node: TckResultNode,
): { pass: boolean; actual: unknown; reason: string } {
  const evaluated = evaluateDecisions(model, inputs, [node.name]);
  if (!evaluated.ok) {
    const reason = `${evaluated.error.code}: ${evaluated.error.message}`;
    return { pass: node.errorResult, actual: null, reason: node.errorResult ? '' : reason };
  }
  const actual = evaluated.value.results[node.name] ?? null;
  if (node.errorResult) {
    return actual === null
      ? { pass: true, actual, reason: '' }
      : { pass: false, actual, reason: 'an error (null) was expected' };
  }
  const difference = differ(node.expected, actual, '');
  return { pass: difference === undefined, actual, reason: difference ?? '' };
}

/** Returns where expected and actual first differ, or undefined when they match. */
export function differ(expected: unknown, actual: unknown, path: string): string | undefined {
  const at = path || 'value';
  if (expected instanceof TckDecimal) {
    const want = Number(expected.text);
    const close = typeof actual === 'number' && Math.abs(actual - want) <= RELATIVE_TOLERANCE * Math.abs(want);
    return close || actual === want ? undefined : `${at}: expected ${expected.text}, got ${show(actual)}`;
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) {
      return `${at}: expected a list of ${expected.length}, got ${show(actual)}`;
    }
    for (const [i, item] of expected.entries()) {
      const d = differ(item, actual[i], `${at}[${i}]`);
      if (d) return d;
    }
    return undefined;
  }
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) {
      return `${at}: expected a context, got ${show(actual)}`;
    }
    const got = actual as Record<string, unknown>;
    const extra = Object.keys(got).filter((k) => !(k in expected));
    if (extra.length > 0) return `${at}: unexpected entries ${extra.join(', ')}`;
    for (const [key, value] of Object.entries(expected)) {
      const d = differ(value, got[key] ?? null, `${at}.${key}`);
      if (d) return d;
    }
    return undefined;
  }
  return expected === (actual ?? null) ? undefined : `${at}: expected ${show(expected)}, got ${show(actual)}`;
}

/** True when the decision, or any decision it requires, is a decision table. */
function dependsOnTable(model: DmnModel, name: string, seen = new Set<string>()): boolean {
  const decision = model.decisions.find((d) => d.name === name || d.id === name);
  if (!decision || seen.has(decision.id)) return false;
  seen.add(decision.id);
  if (decision.logic.kind === 'decisionTable') return true;
  return decision.requiredDecisions.some((id) => dependsOnTable(model, id, seen));
}

const show = (value: unknown): string => JSON.stringify(value) ?? String(value);
