import { feelUnaryTest, splitUnaryTests } from './feel';
import { dmnFail, dmnOk, type DmnDecisionTable, type DmnResult, type DmnRule } from './types';

/** A rule whose input entries all matched, with its evaluated output entries by output key. */
export interface RuleMatch {
  rule: DmnRule;
  outputs: Record<string, unknown>;
}

export interface HitPolicyResult {
  value: unknown;
  /** The matches that contributed to the value, in the order the hit policy put them. */
  selected: RuleMatch[];
}

/** The key of an output column in a multi-output result: its name, else its label, else its id. */
export const outputKey = (table: DmnDecisionTable, index: number): string => {
  const output = table.outputs[index];
  return output?.name ?? output?.label ?? output?.id ?? String(index);
};

/** A single-output table yields the bare value; a multi-output table yields a context. */
export function shapeOutputs(table: DmnDecisionTable, outputs: Record<string, unknown>): unknown {
  return table.outputs.length === 1 ? outputs[outputKey(table, 0)] : outputs;
}

/** Applies the table's hit policy (DMN 1.3 §8.2.11) to the matched rules, in rule order. */
export function applyHitPolicy(table: DmnDecisionTable, matches: RuleMatch[]): DmnResult<HitPolicyResult> {
  const shaped = (selected: RuleMatch[]) => selected.map((m) => shapeOutputs(table, m.outputs));
  switch (table.hitPolicy) {
    case 'UNIQUE':
      if (matches.length > 1) {
        return violation(table, `UNIQUE allows one matching rule, but rules ${ruleList(matches)} matched`);
      }
      return single(table, matches);
    case 'ANY':
      if (matches.some((m) => !sameOutputs(m.outputs, matches[0]?.outputs ?? {}))) {
        return violation(table, `ANY needs equal outputs, but rules ${ruleList(matches)} differ`);
      }
      return single(table, matches.slice(0, 1));
    case 'FIRST':
      return single(table, matches.slice(0, 1));
    case 'PRIORITY': {
      const ordered = byPriority(table, matches);
      return ordered.ok ? single(table, ordered.value.slice(0, 1)) : ordered;
    }
    case 'RULE ORDER':
      return dmnOk({ value: shaped(matches), selected: matches });
    case 'OUTPUT ORDER': {
      const ordered = byPriority(table, matches);
      return ordered.ok ? dmnOk({ value: shaped(ordered.value), selected: ordered.value }) : ordered;
    }
    case 'COLLECT':
      return collect(table, matches, shaped(matches));
  }
}

function single(table: DmnDecisionTable, selected: RuleMatch[]): DmnResult<HitPolicyResult> {
  const first = selected[0];
  return dmnOk({ value: first ? shapeOutputs(table, first.outputs) : null, selected });
}

/** C+, C<, C>, C# aggregate a single output; without aggregation COLLECT is a list in rule order. */
function collect(table: DmnDecisionTable, matches: RuleMatch[], values: unknown[]): DmnResult<HitPolicyResult> {
  if (!table.aggregation) return dmnOk({ value: values, selected: matches });
  if (table.aggregation === 'COUNT') return dmnOk({ value: values.length, selected: matches });
  if (values.length === 0) return dmnOk({ value: null, selected: matches });
  if (!values.every((v) => typeof v === 'number')) {
    return violation(table, `aggregation ${table.aggregation} needs numeric outputs`);
  }
  const numbers = values as number[];
  const value =
    table.aggregation === 'SUM'
      ? numbers.reduce((a, b) => a + b, 0)
      : table.aggregation === 'MIN'
        ? Math.min(...numbers)
        : Math.max(...numbers);
  return dmnOk({ value, selected: matches });
}

/**
 * Orders matches by output priority: for each output with outputValues, the position of the
 * first listed value the output equals; outputs compared left to right; ties keep rule order.
 */
function byPriority(table: DmnDecisionTable, matches: RuleMatch[]): DmnResult<RuleMatch[]> {
  const ranked = table.outputs.some((o) => o.allowedValues);
  if (!ranked) return violation(table, `${table.hitPolicy} needs output values to rank outputs`);
  const keys: number[][] = [];
  for (const match of matches) {
    const key = priorityKey(table, match);
    if (!key.ok) return key;
    keys.push(key.value);
  }
  const order = matches.map((_, i) => i);
  order.sort((a, b) => compareKeys(keys[a] ?? [], keys[b] ?? []) || a - b);
  return dmnOk(order.map((i) => matches[i] as RuleMatch));
}

function priorityKey(table: DmnDecisionTable, match: RuleMatch): DmnResult<number[]> {
  const key: number[] = [];
  for (const [i, output] of table.outputs.entries()) {
    if (!output.allowedValues) continue;
    const tests = splitUnaryTests(output.allowedValues);
    let rank = tests.length;
    for (const [position, test] of tests.entries()) {
      const hit = feelUnaryTest(test, match.outputs[outputKey(table, i)], {}, `table ${table.id}`);
      if (!hit.ok) return hit;
      if (hit.value) {
        rank = position;
        break;
      }
    }
    key.push(rank);
  }
  return dmnOk(key);
}

const compareKeys = (a: number[], b: number[]): number => {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
};

const sameOutputs = (a: Record<string, unknown>, b: Record<string, unknown>): boolean =>
  Object.keys(a).every((k) => deepEqual(a[k], b[k]));

/** Structural equality of FEEL values as plain data (lists, contexts, scalars). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    const rb = b as Record<string, unknown>;
    return ka.length === kb.length && ka.every((k) => deepEqual((a as Record<string, unknown>)[k], rb[k]));
  }
  return false;
}

const ruleList = (matches: RuleMatch[]): string => matches.map((m) => m.rule.index).join(', ');

const violation = (table: DmnDecisionTable, message: string): DmnResult<never> =>
  dmnFail('DMN_HIT_POLICY_VIOLATION', `decision table ${table.id}: ${message}`);
