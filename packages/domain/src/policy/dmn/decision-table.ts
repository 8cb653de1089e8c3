import { feelEvaluate, feelUnaryTest } from './feel';
import { applyHitPolicy, outputKey, shapeOutputs, type RuleMatch } from './hit-policy';
import {
  dmnFail,
  dmnOk,
  type DmnDecisionTable,
  type DmnResult,
  type ExplainedInput,
  type FiredRule,
} from './types';

export interface TableEvaluation {
  value: unknown;
  inputs: ExplainedInput[];
  firedRules: FiredRule[];
  usedDefaults: boolean;
  warnings: string[];
}

/** Evaluates one decision table against a FEEL context (its decision's requirements). */
export function evaluateDecisionTable(
  table: DmnDecisionTable,
  context: Record<string, unknown>,
): DmnResult<TableEvaluation> {
  const inputs = evaluateInputs(table, context);
  if (!inputs.ok) return inputs;
  const values = inputs.value.explained.map((i) => i.value);
  const matches: RuleMatch[] = [];
  for (const rule of table.rules) {
    const matched = ruleMatches(table, rule.inputEntries, values, context);
    if (!matched.ok) return matched;
    if (!matched.value) continue;
    const outputs = evaluateOutputs(table, rule.outputEntries, context, `rule ${rule.index}`);
    if (!outputs.ok) return outputs;
    matches.push({ rule, outputs: outputs.value });
  }
  const warnings = inputs.value.warnings;
  if (matches.length === 0 && table.outputs.some((o) => o.defaultValue) && isSingleHit(table)) {
    const defaults = evaluateOutputs(table, table.outputs.map((o) => o.defaultValue ?? 'null'), context, 'default');
    if (!defaults.ok) return defaults;
    const value = shapeOutputs(table, defaults.value);
    return dmnOk({ value, inputs: inputs.value.explained, firedRules: [], usedDefaults: true, warnings });
  }
  const hit = applyHitPolicy(table, matches);
  if (!hit.ok) return hit;
  const firedRules = hit.value.selected.map((m) => explainRule(m, inputs.value.explained));
  return dmnOk({ value: hit.value.value, inputs: inputs.value.explained, firedRules, usedDefaults: false, warnings });
}

const isSingleHit = (table: DmnDecisionTable): boolean =>
  ['UNIQUE', 'ANY', 'PRIORITY', 'FIRST'].includes(table.hitPolicy);

function evaluateInputs(
  table: DmnDecisionTable,
  context: Record<string, unknown>,
): DmnResult<{ explained: ExplainedInput[]; warnings: string[] }> {
  const explained: ExplainedInput[] = [];
  const warnings: string[] = [];
  for (const input of table.inputs) {
    const where = `decision table ${table.id}, input "${input.label}"`;
    const evaluated = feelEvaluate(input.expression, context, where);
    if (!evaluated.ok) return evaluated;
    warnings.push(...evaluated.value.warnings);
    const value = evaluated.value.value ?? null;
    if (input.allowedValues) {
      const allowed = feelUnaryTest(input.allowedValues, value, context, where);
      if (!allowed.ok) return allowed;
      if (!allowed.value) {
        return dmnFail('DMN_INPUT_NOT_ALLOWED', `${where}: value ${show(value)} is not one of ${input.allowedValues}`);
      }
    }
    explained.push({ label: input.label, expression: input.expression, value });
  }
  return dmnOk({ explained, warnings });
}

function ruleMatches(
  table: DmnDecisionTable,
  entries: string[],
  values: unknown[],
  context: Record<string, unknown>,
): DmnResult<boolean> {
  for (const [i, entry] of entries.entries()) {
    const test = feelUnaryTest(entry, values[i], context, `decision table ${table.id}`);
    if (!test.ok || !test.value) return test;
  }
  return dmnOk(true);
}

function evaluateOutputs(
  table: DmnDecisionTable,
  entries: string[],
  context: Record<string, unknown>,
  origin: string,
): DmnResult<Record<string, unknown>> {
  const outputs: Record<string, unknown> = {};
  for (const [i, entry] of entries.entries()) {
    const key = outputKey(table, i);
    const where = `decision table ${table.id}, ${origin}, output "${key}"`;
    const evaluated = feelEvaluate(entry, context, where);
    if (!evaluated.ok) return evaluated;
    const value = evaluated.value.value ?? null;
    const allowedValues = table.outputs[i]?.allowedValues;
    if (allowedValues) {
      const allowed = feelUnaryTest(allowedValues, value, context, where);
      if (!allowed.ok) return allowed;
      if (!allowed.value) {
        return dmnFail('DMN_OUTPUT_NOT_ALLOWED', `${where}: value ${show(value)} is not one of ${allowedValues}`);
      }
    }
    outputs[key] = value;
  }
  return dmnOk(outputs);
}

function explainRule(match: RuleMatch, inputs: ExplainedInput[]): FiredRule {
  const conditions = match.rule.inputEntries
    .map((entry, i) => ({ input: inputs[i]?.label ?? '', entry: entry.trim(), value: inputs[i]?.value ?? null }))
    .filter((c) => c.entry !== '-' && c.entry !== '');
  const fired: FiredRule = {
    ruleId: match.rule.id,
    ruleIndex: match.rule.index,
    conditions,
    outputs: match.outputs,
  };
  if (match.rule.annotation) fired.annotation = match.rule.annotation;
  return fired;
}

const show = (value: unknown): string => JSON.stringify(value) ?? String(value);
