import { FeelFunction } from 'feelin';
import { evaluateDecisionTable } from './decision-table';
import { feelEvaluate, feelUnaryTest } from './feel';
import {
  dmnFail,
  dmnOk,
  type DecisionTrace,
  type DmnDecision,
  type DmnExpression,
  type DmnKnowledgeModel,
  type DmnModel,
  type DmnResult,
  type DrgEvaluation,
} from './types';

/**
 * Evaluates decisions of a decision requirement graph: each requested decision after the
 * decisions it requires, each at most once. A decision sees only what its requirements name
 * (input data, decisions, business knowledge models), so an undeclared dependency in a policy
 * model shows up as a null with a warning instead of silently working.
 * `decisionNames` accepts names or ids; without it every decision in the model is evaluated.
 */
export function evaluateDecisions(
  model: DmnModel,
  inputs: Record<string, unknown>,
  decisionNames?: readonly string[],
): DmnResult<DrgEvaluation> {
  const targets = decisionNames ?? model.decisions.map((d) => d.id);
  const run = new DrgRun(model, inputs);
  const results: Record<string, unknown> = {};
  for (const target of targets) {
    const decision = model.decisions.find((d) => d.name === target || d.id === target);
    if (!decision) return dmnFail('DMN_UNKNOWN_DECISION', `model "${model.name}" has no decision "${target}"`);
    const evaluated = run.decision(decision);
    if (!evaluated.ok) return evaluated;
  }
  for (const trace of run.traces) results[trace.decisionName] = trace.result;
  return dmnOk({
    results,
    explanation: {
      model: { id: model.id, name: model.name, namespace: model.namespace },
      inputData: run.usedInputs,
      decisions: run.traces,
    },
  });
}

class DrgRun {
  readonly traces: DecisionTrace[] = [];
  readonly usedInputs: Record<string, unknown> = {};
  private readonly done = new Map<string, unknown>();
  private readonly visiting = new Set<string>();

  constructor(
    private readonly model: DmnModel,
    private readonly inputs: Record<string, unknown>,
  ) {}

  decision(decision: DmnDecision): DmnResult<unknown> {
    if (this.done.has(decision.id)) return dmnOk(this.done.get(decision.id));
    if (this.visiting.has(decision.id)) {
      return dmnFail('DMN_REQUIREMENT_CYCLE', `decision "${decision.name}" requires itself`);
    }
    this.visiting.add(decision.id);
    const context = this.contextFor(decision);
    if (!context.ok) return context;
    const trace = this.evaluateLogic(decision, context.value);
    this.visiting.delete(decision.id);
    if (!trace.ok) return trace;
    this.traces.push(trace.value);
    this.done.set(decision.id, trace.value.result);
    return dmnOk(trace.value.result);
  }

  private contextFor(decision: DmnDecision): DmnResult<Record<string, unknown>> {
    const context: Record<string, unknown> = {};
    for (const id of decision.requiredDecisions) {
      const required = this.model.decisions.find((d) => d.id === id);
      if (!required) return missing(decision.name, id);
      const value = this.decision(required);
      if (!value.ok) return value;
      context[required.name] = value.value;
    }
    for (const id of decision.requiredInputs) {
      const input = this.model.inputData.find((d) => d.id === id);
      if (!input) return missing(decision.name, id);
      const value = this.inputValue(input.name, input.typeRef);
      if (!value.ok) return value;
      context[input.name] = value.value;
    }
    const functions = this.knowledge(decision.requiredKnowledge, decision.name);
    return functions.ok ? dmnOk({ ...context, ...functions.value }) : functions;
  }

  /** Input data are checked against the allowed values of their item definition. */
  private inputValue(name: string, typeRef: string | undefined): DmnResult<unknown> {
    const value = this.inputs[name] ?? null;
    const allowed = this.model.itemDefinitions.find((t) => t.name === typeRef)?.allowedValues;
    if (allowed && value !== null) {
      const test = feelUnaryTest(allowed, value, {}, `input data "${name}"`);
      if (!test.ok) return test;
      if (!test.value) {
        return dmnFail('DMN_INPUT_NOT_ALLOWED', `input data "${name}": ${JSON.stringify(value)} is not one of ${allowed}`);
      }
    }
    this.usedInputs[name] = value;
    return dmnOk(value);
  }

  /** Business knowledge models become FEEL functions the decision's expression can invoke. */
  private knowledge(ids: string[], owner: string): DmnResult<Record<string, unknown>> {
    const functions: Record<string, unknown> = {};
    for (const id of ids) {
      const bkm = this.model.knowledgeModels.find((k) => k.id === id);
      if (!bkm) return missing(owner, id);
      const inner = this.knowledge(bkm.requiredKnowledge, bkm.name);
      if (!inner.ok) return inner;
      functions[bkm.name] = new FeelFunction(
        (...args: unknown[]) => invokeKnowledge(bkm, args, inner.value),
        bkm.parameters,
      );
    }
    return dmnOk(functions);
  }

  private evaluateLogic(decision: DmnDecision, context: Record<string, unknown>): DmnResult<DecisionTrace> {
    const base = { decisionId: decision.id, decisionName: decision.name };
    const logic = decision.logic;
    if (logic.kind === 'literal') {
      const value = feelEvaluate(logic.text, context, `decision "${decision.name}"`);
      if (!value.ok) return value;
      return dmnOk({
        ...base,
        kind: 'literalExpression',
        inputs: [],
        firedRules: [],
        result: value.value.value ?? null,
        warnings: value.value.warnings,
      });
    }
    if (logic.kind === 'decisionTable') {
      const table = evaluateDecisionTable(logic.table, context);
      if (!table.ok) return table;
      const { value, ...explained } = table.value;
      return dmnOk({ ...base, kind: 'decisionTable', hitPolicy: hitPolicyLabel(logic), result: value, ...explained });
    }
    return unsupported(decision.name, logic.type);
  }
}

/** A failing invocation is a FEEL null, as for any FEEL function; there is no trace to attach it to. */
function invokeKnowledge(bkm: DmnKnowledgeModel, args: unknown[], functions: Record<string, unknown>): unknown {
  const context: Record<string, unknown> = { ...functions };
  bkm.parameters.forEach((p, i) => (context[p] = args[i] ?? null));
  if (bkm.body.kind === 'literal') {
    const value = feelEvaluate(bkm.body.text, context, `business knowledge model "${bkm.name}"`);
    return value.ok ? (value.value.value ?? null) : null;
  }
  if (bkm.body.kind === 'decisionTable') {
    const table = evaluateDecisionTable(bkm.body.table, context);
    return table.ok ? table.value.value : null;
  }
  return null;
}

/** The hit policy as the table header shows it: U, A, P, F, R, O, C, C+, C<, C>, C#. */
function hitPolicyLabel(logic: Extract<DmnExpression, { kind: 'decisionTable' }>): string {
  const { hitPolicy, aggregation } = logic.table;
  const letter = hitPolicy === 'RULE ORDER' ? 'R' : hitPolicy === 'OUTPUT ORDER' ? 'O' : hitPolicy.charAt(0);
  const suffix = { SUM: '+', MIN: '<', MAX: '>', COUNT: '#' } as const;
  return aggregation ? `C${suffix[aggregation]}` : letter;
}

const missing = (owner: string, id: string): DmnResult<never> =>
  dmnFail('DMN_MISSING_REQUIREMENT', `"${owner}" requires element "${id}", which the model does not contain`);

const unsupported = (owner: string, type: string): DmnResult<never> =>
  dmnFail('DMN_UNSUPPORTED_EXPRESSION', `decision "${owner}": ${type} is not supported (decision tables and literal expressions are)`);
