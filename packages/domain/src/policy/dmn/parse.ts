// The ambient types must travel with this file into every program that compiles it (the web
// app type-checks domain sources under its own config), hence a reference, not tsconfig include.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./dmn-moddle.d.ts" />
import { DmnModdle, type ModdleElement } from 'dmn-moddle';
import { messageOf } from './feel';
import {
  HIT_POLICIES,
  dmnFail,
  dmnOk,
  type Aggregation,
  type DmnDecision,
  type DmnDecisionTable,
  type DmnExpression,
  type DmnKnowledgeModel,
  type DmnModel,
  type DmnResult,
  type HitPolicy,
} from './types';

/** Parses DMN 1.3 XML into the engine's plain model. Malformed XML is a DMN_PARSE_ERROR value. */
export async function parseDmn(xml: string): Promise<DmnResult<DmnModel>> {
  let root: ModdleElement;
  try {
    const parsed = await new DmnModdle().fromXML(xml, 'dmn:Definitions');
    root = parsed.rootElement;
  } catch (error) {
    return dmnFail('DMN_PARSE_ERROR', `not a DMN 1.3 model: ${messageOf(error).split('\n')[0]}`);
  }
  try {
    return dmnOk(normaliseDefinitions(root));
  } catch (error) {
    return dmnFail('DMN_PARSE_ERROR', messageOf(error));
  }
}

function normaliseDefinitions(root: ModdleElement): DmnModel {
  const elements = list(root.drgElement);
  const byType = (type: string) => elements.filter((e) => e.$type === type);
  return {
    id: str(root.id),
    name: str(root.name),
    namespace: str(root.namespace),
    decisions: byType('dmn:Decision').map(normaliseDecision),
    inputData: byType('dmn:InputData').map((e) => ({
      id: str(e.id),
      name: str(e.name),
      typeRef: opt(child(e, 'variable')?.typeRef),
    })),
    knowledgeModels: byType('dmn:BusinessKnowledgeModel').map(normaliseKnowledgeModel),
    itemDefinitions: list(root.itemDefinition).map((e) => ({
      name: str(e.name),
      typeRef: opt(e.typeRef),
      allowedValues: opt(child(e, 'allowedValues')?.text),
    })),
  };
}

function normaliseDecision(e: ModdleElement): DmnDecision {
  const requirements = list(e.informationRequirement);
  return {
    id: str(e.id),
    name: str(e.name),
    typeRef: opt(child(e, 'variable')?.typeRef),
    requiredDecisions: hrefs(requirements, 'requiredDecision'),
    requiredInputs: hrefs(requirements, 'requiredInput'),
    requiredKnowledge: hrefs(list(e.knowledgeRequirement), 'requiredKnowledge'),
    logic: normaliseExpression(child(e, 'decisionLogic')),
  };
}

function normaliseKnowledgeModel(e: ModdleElement): DmnKnowledgeModel {
  const logic = child(e, 'encapsulatedLogic');
  return {
    id: str(e.id),
    name: str(e.name),
    parameters: list(logic?.formalParameter).map((p) => str(p.name)),
    requiredKnowledge: hrefs(list(e.knowledgeRequirement), 'requiredKnowledge'),
    body: normaliseExpression(child(logic, 'body')),
  };
}

function normaliseExpression(e: ModdleElement | undefined): DmnExpression {
  if (e?.$type === 'dmn:LiteralExpression') return { kind: 'literal', text: str(e.text) };
  if (e?.$type === 'dmn:DecisionTable') return { kind: 'decisionTable', table: normaliseTable(e) };
  return { kind: 'unsupported', type: e?.$type ?? 'none' };
}

function normaliseTable(e: ModdleElement): DmnDecisionTable {
  const hitPolicy = str(e.hitPolicy) || 'UNIQUE';
  if (!(HIT_POLICIES as readonly string[]).includes(hitPolicy)) {
    throw new Error(`decision table ${str(e.id)}: unknown hit policy "${hitPolicy}"`);
  }
  const table: DmnDecisionTable = {
    id: str(e.id),
    hitPolicy: hitPolicy as HitPolicy,
    aggregation: opt(e.aggregation) as Aggregation | undefined,
    inputs: list(e.input).map((input) => ({
      id: str(input.id),
      label: str(input.label) || str(child(input, 'inputExpression')?.text),
      expression: str(child(input, 'inputExpression')?.text),
      allowedValues: opt(child(input, 'inputValues')?.text),
    })),
    outputs: list(e.output).map((output) => ({
      id: str(output.id),
      name: opt(output.name),
      label: opt(output.label),
      allowedValues: opt(child(output, 'outputValues')?.text),
      defaultValue: opt(child(output, 'defaultOutputEntry')?.text),
    })),
    rules: list(e.rule).map((rule, i) => ({
      id: str(rule.id),
      index: i + 1,
      inputEntries: list(rule.inputEntry).map((entry) => str(entry.text)),
      outputEntries: list(rule.outputEntry).map((entry) => str(entry.text)),
      annotation: opt(rule.description) ?? opt(list(rule.annotationEntry)[0]?.text),
    })),
  };
  checkShape(table);
  return table;
}

/** A rule with a missing cell would silently match or produce nothing: reject it at load time. */
function checkShape(table: DmnDecisionTable): void {
  for (const rule of table.rules) {
    if (rule.inputEntries.length !== table.inputs.length || rule.outputEntries.length !== table.outputs.length) {
      throw new Error(`decision table ${table.id}: rule ${rule.index} does not have one entry per column`);
    }
  }
  if (table.aggregation && (table.hitPolicy !== 'COLLECT' || table.outputs.length !== 1)) {
    throw new Error(`decision table ${table.id}: aggregation needs hit policy COLLECT and a single output`);
  }
}

/** Requirement hrefs are "#id" (same model); the engine resolves by id. */
function hrefs(requirements: ModdleElement[], kind: string): string[] {
  return requirements
    .map((r) => child(r, kind)?.href)
    .filter((href): href is string => typeof href === 'string')
    .map((href) => href.slice(href.indexOf('#') + 1));
}

const list = (value: unknown): ModdleElement[] => (Array.isArray(value) ? (value as ModdleElement[]) : []);
const child = (e: ModdleElement | undefined, key: string): ModdleElement | undefined =>
  e?.[key] as ModdleElement | undefined;
const str = (value: unknown): string => (typeof value === 'string' ? value : '');
const opt = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value : undefined);
