/**
 * The engine's own view of a DMN 1.3 model: plain data, normalised from the dmn-moddle tree so
 * evaluation code never touches moddle objects and tests can build models by hand.
 */

export type DmnErrorCode =
  | 'DMN_PARSE_ERROR'
  | 'DMN_FEEL_SYNTAX_ERROR'
  | 'DMN_UNKNOWN_DECISION'
  | 'DMN_MISSING_REQUIREMENT'
  | 'DMN_REQUIREMENT_CYCLE'
  | 'DMN_UNSUPPORTED_EXPRESSION'
  | 'DMN_HIT_POLICY_VIOLATION'
  | 'DMN_INPUT_NOT_ALLOWED'
  | 'DMN_OUTPUT_NOT_ALLOWED';

export interface DmnError {
  code: DmnErrorCode;
  message: string;
}

/** Expected failures are values; only programming errors throw. */
export type DmnResult<T> = { ok: true; value: T } | { ok: false; error: DmnError };

export const dmnOk = <T>(value: T): DmnResult<T> => ({ ok: true, value });
export const dmnFail = (code: DmnErrorCode, message: string): DmnResult<never> => ({
  ok: false,
  error: { code, message },
});

export const HIT_POLICIES = ['UNIQUE', 'ANY', 'PRIORITY', 'FIRST', 'RULE ORDER', 'OUTPUT ORDER', 'COLLECT'] as const;
export type HitPolicy = (typeof HIT_POLICIES)[number];
export type Aggregation = 'SUM' | 'MIN' | 'MAX' | 'COUNT';

export interface DmnTableInput {
  id: string;
  label: string;
  expression: string;
  /** Unary tests (inputValues) that every input value must satisfy. */
  allowedValues?: string;
}

export interface DmnTableOutput {
  id: string;
  name?: string;
  label?: string;
  /** Unary tests (outputValues); their order is also the priority order for P and O. */
  allowedValues?: string;
  defaultValue?: string;
}

export interface DmnRule {
  id: string;
  /** 1-based position in the table, as a reader of the table counts. */
  index: number;
  inputEntries: string[];
  outputEntries: string[];
  /** The rule's annotation column (DMN 1.3 `description`), shown in explanations. */
  annotation?: string;
}

export interface DmnDecisionTable {
  id: string;
  hitPolicy: HitPolicy;
  aggregation?: Aggregation;
  inputs: DmnTableInput[];
  outputs: DmnTableOutput[];
  rules: DmnRule[];
}

export type DmnExpression =
  | { kind: 'literal'; text: string }
  | { kind: 'decisionTable'; table: DmnDecisionTable }
  | { kind: 'unsupported'; type: string };

export interface DmnDecision {
  id: string;
  name: string;
  typeRef?: string;
  requiredDecisions: string[];
  requiredInputs: string[];
  requiredKnowledge: string[];
  logic: DmnExpression;
}

export interface DmnInputData {
  id: string;
  name: string;
  typeRef?: string;
}

export interface DmnKnowledgeModel {
  id: string;
  name: string;
  parameters: string[];
  requiredKnowledge: string[];
  body: DmnExpression;
}

export interface DmnItemDefinition {
  name: string;
  typeRef?: string;
  allowedValues?: string;
}

export interface DmnModel {
  id: string;
  name: string;
  namespace: string;
  decisions: DmnDecision[];
  inputData: DmnInputData[];
  knowledgeModels: DmnKnowledgeModel[];
  itemDefinitions: DmnItemDefinition[];
}

/** One input column's value while a table was evaluated. */
export interface ExplainedInput {
  label: string;
  expression: string;
  value: unknown;
}

/** A rule that fired, with what it saw and what it produced. */
export interface FiredRule {
  ruleId: string;
  ruleIndex: number;
  annotation?: string;
  /** The rule's input entries next to the input values they were tested against. */
  conditions: { input: string; entry: string; value: unknown }[];
  outputs: Record<string, unknown>;
}

export interface DecisionTrace {
  decisionId: string;
  decisionName: string;
  kind: 'decisionTable' | 'literalExpression';
  hitPolicy?: string;
  inputs: ExplainedInput[];
  firedRules: FiredRule[];
  /** True when no rule matched and output defaults were used. */
  usedDefaults?: boolean;
  result: unknown;
  /** FEEL warnings (e.g. unknown variable) that made part of the result null. */
  warnings: string[];
}

export interface DrgExplanation {
  model: { id: string; name: string; namespace: string };
  /** The input data values the evaluation used, by input data name. */
  inputData: Record<string, unknown>;
  /** Every decision evaluated, dependencies first. */
  decisions: DecisionTrace[];
}

export interface DrgEvaluation {
  /** Results of every decision evaluated, by decision name. */
  results: Record<string, unknown>;
  explanation: DrgExplanation;
}
