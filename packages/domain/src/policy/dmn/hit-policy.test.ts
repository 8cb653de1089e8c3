import { describe, expect, it } from 'vitest';
import { evaluateDecisionTable } from './decision-table';
import type { Aggregation, DmnDecisionTable, DmnTableOutput, HitPolicy } from './types';

/** A table over one numeric input `age` with the given rules: [input entry, ...output entries]. */
function table(
  hitPolicy: HitPolicy,
  rules: string[][],
  outputs: DmnTableOutput[] = [{ id: 'o1', name: 'out' }],
  aggregation?: Aggregation,
): DmnDecisionTable {
  const t: DmnDecisionTable = {
    id: `t-${hitPolicy}`,
    hitPolicy,
    inputs: [{ id: 'i1', label: 'Age', expression: 'age' }],
    outputs,
    rules: rules.map(([entry, ...outs], i) => ({
      id: `r${i + 1}`,
      index: i + 1,
      inputEntries: [entry ?? '-'],
      outputEntries: outs,
    })),
  };
  if (aggregation) t.aggregation = aggregation;
  return t;
}

const run = (t: DmnDecisionTable, age: unknown) => evaluateDecisionTable(t, { age });
const valueOf = (t: DmnDecisionTable, age: unknown) => {
  const result = run(t, age);
  if (!result.ok) throw new Error(result.error.message);
  return result.value.value;
};

const ranked: DmnTableOutput[] = [{ id: 'o1', name: 'out', allowedValues: '"high", "medium", "low"' }];

describe('hit policies', () => {
  it('U returns the single match and reports a violation when several rules match', () => {
    const t = table('UNIQUE', [['< 18', '"minor"'], ['>= 18', '"adult"'], ['>= 65', '"senior"']]);
    expect(valueOf(t, 10)).toBe('minor');
    const result = run(t, 70);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('DMN_HIT_POLICY_VIOLATION');
      expect(result.error.message).toContain('rules 2, 3');
    }
  });

  it('U with no match and no default gives null', () => {
    expect(valueOf(table('UNIQUE', [['< 18', '"minor"']]), 30)).toBeNull();
  });

  it('A accepts overlapping rules with equal outputs and rejects differing ones', () => {
    const t = table('ANY', [['< 18', '"no"'], ['< 12', '"no"'], ['> 100', '"check"'], ['> 99', '"other"']]);
    expect(valueOf(t, 10)).toBe('no');
    const result = run(t, 101);
    expect(result.ok ? null : result.error.code).toBe('DMN_HIT_POLICY_VIOLATION');
  });

  it('P returns the match whose output comes first in the output values', () => {
    const t = table('PRIORITY', [['-', '"low"'], ['>= 18', '"high"'], ['>= 12', '"medium"']], ranked);
    expect(valueOf(t, 20)).toBe('high');
    expect(valueOf(t, 15)).toBe('medium');
    expect(valueOf(t, 5)).toBe('low');
  });

  it('P without output values is a modelling error', () => {
    const result = run(table('PRIORITY', [['-', '"a"']]), 1);
    expect(result.ok ? null : result.error.code).toBe('DMN_HIT_POLICY_VIOLATION');
  });

  it('F returns the first match in rule order', () => {
    const t = table('FIRST', [['>= 65', '"senior"'], ['>= 18', '"adult"'], ['-', '"minor"']]);
    expect(valueOf(t, 70)).toBe('senior');
    expect(valueOf(t, 30)).toBe('adult');
  });

  it('R lists all matches in rule order', () => {
    const t = table('RULE ORDER', [['-', '"low"'], ['>= 18', '"high"'], ['>= 12', '"medium"']], ranked);
    expect(valueOf(t, 20)).toEqual(['low', 'high', 'medium']);
  });

  it('O lists all matches in output-value order', () => {
    const t = table('OUTPUT ORDER', [['-', '"low"'], ['>= 18', '"high"'], ['>= 12', '"medium"']], ranked);
    expect(valueOf(t, 20)).toEqual(['high', 'medium', 'low']);
  });

  it('C collects matches; without matches the list is empty', () => {
    const t = table('COLLECT', [['>= 18', '"vote"'], ['>= 17', '"drive"'], ['> 100', '"letter"']]);
    expect(valueOf(t, 20)).toEqual(['vote', 'drive']);
    expect(valueOf(t, 5)).toEqual([]);
  });

  it.each([
    ['SUM', 300, null],
    ['MIN', 100, null],
    ['MAX', 200, null],
    ['COUNT', 2, 0],
  ] as const)('C with aggregation %s', (aggregation, expected, whenNone) => {
    const t = table('COLLECT', [['> 1', '100'], ['> 2', '200'], ['> 50', '500']], undefined, aggregation);
    expect(valueOf(t, 10)).toBe(expected);
    expect(valueOf(t, 0)).toBe(whenNone);
  });

  it('aggregation over non-numbers is reported', () => {
    const result = run(table('COLLECT', [['-', '"x"']], undefined, 'SUM'), 1);
    expect(result.ok ? null : result.error.code).toBe('DMN_HIT_POLICY_VIOLATION');
  });
});

describe('multiple outputs, defaults and value constraints', () => {
  const outputs: DmnTableOutput[] = [
    { id: 'o1', name: 'status', allowedValues: '"approved", "declined"', defaultValue: '"declined"' },
    { id: 'o2', name: 'rate', defaultValue: '"standard"' },
  ];

  it('a multi-output rule gives a context keyed by output name', () => {
    const t = table('UNIQUE', [['>= 18', '"approved"', '"best"']], outputs);
    expect(valueOf(t, 30)).toEqual({ status: 'approved', rate: 'best' });
  });

  it('output defaults apply when no rule matches', () => {
    const t = table('UNIQUE', [['>= 18', '"approved"', '"best"']], outputs);
    const result = run(t, 10);
    expect(result.ok && result.value).toMatchObject({ value: { status: 'declined', rate: 'standard' }, usedDefaults: true });
  });

  it('multi-output P ranks on the outputs that have output values', () => {
    const t = table('PRIORITY', [['-', '"declined"', '"standard"'], ['>= 18', '"approved"', '"basic"']], outputs);
    expect(valueOf(t, 20)).toEqual({ status: 'approved', rate: 'basic' });
  });

  it('an output outside its output values is rejected', () => {
    const t = table('UNIQUE', [['-', '"maybe"', '"best"']], outputs);
    const result = run(t, 30);
    expect(result.ok ? null : result.error.code).toBe('DMN_OUTPUT_NOT_ALLOWED');
  });

  it('an input outside its input values is rejected', () => {
    const t = table('UNIQUE', [['-', '"x"']]);
    const constrained = { ...t, inputs: [{ id: 'i1', label: 'Age', expression: 'age', allowedValues: '[0..150]' }] };
    expect(run(constrained, 30).ok).toBe(true);
    const result = run(constrained, 200);
    expect(result.ok ? null : result.error.code).toBe('DMN_INPUT_NOT_ALLOWED');
    const missing = run(constrained, null);
    expect(missing.ok ? null : missing.error.code).toBe('DMN_INPUT_NOT_ALLOWED');
  });

  it('a FEEL syntax error in an entry is a value, not an exception', () => {
    const result = run(table('UNIQUE', [['>= >=', '"x"']]), 30);
    expect(result.ok ? null : result.error.code).toBe('DMN_FEEL_SYNTAX_ERROR');
  });
});
