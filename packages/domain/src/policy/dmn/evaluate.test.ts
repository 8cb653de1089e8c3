import { describe, expect, it } from 'vitest';
import { evaluateDecisions } from './evaluate';
import { parseDmn } from './parse';
import type { DmnModel } from './types';

const NS = 'https://www.omg.org/spec/DMN/20191111/MODEL/';

/** A two-table DRG plus a literal expression calling a business knowledge model. */
const DRG_XML = `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="${NS}" id="drg" name="Test DRG" namespace="urn:test">
  <itemDefinition name="tSize"><typeRef>string</typeRef>
    <allowedValues><text>"S","M","L"</text></allowedValues></itemDefinition>
  <inputData id="i_size" name="size"><variable name="size" typeRef="tSize"/></inputData>
  <inputData id="i_count" name="count"><variable name="count" typeRef="number"/></inputData>
  <decision id="d_weight" name="weight">
    <informationRequirement><requiredInput href="#i_size"/></informationRequirement>
    <decisionTable hitPolicy="UNIQUE">
      <input id="in1" label="Size"><inputExpression><text>size</text></inputExpression></input>
      <output id="out1" name="weight"/>
      <rule id="r_s"><description>Small is light</description>
        <inputEntry><text>"S"</text></inputEntry><outputEntry><text>1</text></outputEntry></rule>
      <rule id="r_ml"><inputEntry><text>"M","L"</text></inputEntry><outputEntry><text>5</text></outputEntry></rule>
    </decisionTable>
  </decision>
  <decision id="d_total" name="total">
    <informationRequirement><requiredDecision href="#d_weight"/></informationRequirement>
    <informationRequirement><requiredInput href="#i_count"/></informationRequirement>
    <knowledgeRequirement><requiredKnowledge href="#b_times"/></knowledgeRequirement>
    <literalExpression><text>times(weight, count)</text></literalExpression>
  </decision>
  <decision id="d_label" name="label">
    <informationRequirement><requiredDecision href="#d_total"/></informationRequirement>
    <decisionTable hitPolicy="FIRST">
      <input id="in2" label="Total"><inputExpression><text>total</text></inputExpression></input>
      <output id="out2" name="label"/>
      <rule id="r_heavy"><description>Heavy load</description>
        <inputEntry><text>&gt;= 10</text></inputEntry><outputEntry><text>"heavy"</text></outputEntry></rule>
      <rule id="r_light"><inputEntry><text>-</text></inputEntry><outputEntry><text>"light"</text></outputEntry></rule>
    </decisionTable>
  </decision>
  <decision id="d_blind" name="blind"><literalExpression><text>size</text></literalExpression></decision>
  <businessKnowledgeModel id="b_times" name="times">
    <encapsulatedLogic><formalParameter name="a"/><formalParameter name="b"/>
      <literalExpression><text>a * b</text></literalExpression></encapsulatedLogic>
  </businessKnowledgeModel>
</definitions>`;

async function model(xml = DRG_XML): Promise<DmnModel> {
  const parsed = await parseDmn(xml);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value;
}

describe('decision requirement graphs', () => {
  it('evaluates required decisions first and each once', async () => {
    const result = evaluateDecisions(await model(), { size: 'M', count: 3 }, ['label']);
    expect(result.ok && result.value.results).toEqual({ weight: 5, total: 15, label: 'heavy' });
    expect(result.ok && result.value.explanation.decisions.map((d) => d.decisionName)).toEqual([
      'weight',
      'total',
      'label',
    ]);
  });

  it('explains every table: inputs, hit policy and the rules that fired with their input values', async () => {
    const result = evaluateDecisions(await model(), { size: 'S', count: 20 }, ['label']);
    if (!result.ok) throw new Error(result.error.message);
    const [weight, total, label] = result.value.explanation.decisions;
    expect(weight).toMatchObject({
      kind: 'decisionTable',
      hitPolicy: 'U',
      inputs: [{ label: 'Size', expression: 'size', value: 'S' }],
      firedRules: [
        {
          ruleId: 'r_s',
          ruleIndex: 1,
          annotation: 'Small is light',
          conditions: [{ input: 'Size', entry: '"S"', value: 'S' }],
          outputs: { weight: 1 },
        },
      ],
      result: 1,
    });
    expect(total).toMatchObject({ kind: 'literalExpression', result: 20, firedRules: [] });
    expect(label?.firedRules.map((r) => r.ruleId)).toEqual(['r_heavy']);
    expect(result.value.explanation.inputData).toEqual({ size: 'S', count: 20 });
    expect(result.value.explanation.model).toEqual({ id: 'drg', name: 'Test DRG', namespace: 'urn:test' });
  });

  it('a decision sees only its requirements: an undeclared input is null with a warning', async () => {
    const result = evaluateDecisions(await model(), { size: 'S', count: 1 }, ['blind']);
    expect(result.ok && result.value.results.blind).toBeNull();
    expect(result.ok && result.value.explanation.decisions[0]?.warnings.join()).toContain('size');
  });

  it('rejects input data outside the allowed values of its item definition', async () => {
    const result = evaluateDecisions(await model(), { size: 'XL', count: 1 }, ['weight']);
    expect(result.ok ? null : result.error.code).toBe('DMN_INPUT_NOT_ALLOWED');
  });

  it('reports an unknown decision', async () => {
    const result = evaluateDecisions(await model(), {}, ['nope']);
    expect(result.ok ? null : result.error.code).toBe('DMN_UNKNOWN_DECISION');
  });

  it('reports a requirement cycle', async () => {
    const cyclic = DRG_XML.replace(
      '<decision id="d_weight" name="weight">',
      '<decision id="d_weight" name="weight"><informationRequirement><requiredDecision href="#d_label"/></informationRequirement>',
    );
    const result = evaluateDecisions(await model(cyclic), { size: 'S', count: 1 }, ['label']);
    expect(result.ok ? null : result.error.code).toBe('DMN_REQUIREMENT_CYCLE');
  });

  it('reports a requirement that points nowhere', async () => {
    const dangling = DRG_XML.replace('href="#i_count"', 'href="#i_missing"');
    const result = evaluateDecisions(await model(dangling), { size: 'S', count: 1 }, ['total']);
    expect(result.ok ? null : result.error.code).toBe('DMN_MISSING_REQUIREMENT');
  });
});

describe('parsing', () => {
  it('malformed XML is a DMN_PARSE_ERROR value', async () => {
    const result = await parseDmn('<definitions');
    expect(result.ok ? null : result.error.code).toBe('DMN_PARSE_ERROR');
  });

  it('a rule without one entry per column is rejected at load time', async () => {
    const broken = DRG_XML.replace('<inputEntry><text>"S"</text></inputEntry>', '');
    const result = await parseDmn(broken);
    expect(result.ok ? null : result.error.message).toContain('one entry per column');
  });

  it('reads hit policy, aggregation and rule annotations', async () => {
    const m = await model();
    const logic = m.decisions.find((d) => d.name === 'label')?.logic;
    expect(logic?.kind === 'decisionTable' && logic.table.hitPolicy).toBe('FIRST');
    expect(logic?.kind === 'decisionTable' && logic.table.rules[0]?.annotation).toBe('Heavy load');
  });
});
