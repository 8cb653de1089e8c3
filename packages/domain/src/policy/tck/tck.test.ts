import { beforeAll, describe, expect, it } from 'vitest';
import { differ, type TckRow } from './runner';
import { runTckSuite, summarise } from './suite';
import { TckDecimal, parseTckTestFile } from './test-cases';

/**
 * Cases that are known to fail, as `folder/testCase/resultNode` with the reason. Kept exact in
 * both directions: a newly failing case and a newly passing one both break this test.
 * Empty: every compliance-level-2 case of the shared vectors passes.
 */
const KNOWN_FAILURES: Record<string, string> = {};

describe('DMN TCK compliance level 2 (shared vectors)', () => {
  let rows: TckRow[] = [];
  beforeAll(async () => {
    rows = await runTckSuite();
  });

  it('finds the 28 models and their test cases', () => {
    expect(new Set(rows.map((r) => r.folder)).size).toBe(28);
    expect(rows.length).toBeGreaterThanOrEqual(116);
  });

  it('passes every decision-table case', () => {
    const failing = rows.filter((r) => r.decisionTable && !r.pass).map((r) => `${r.folder}/${r.testCase}: ${r.reason}`);
    expect(failing).toEqual([]);
    expect(summarise(rows).decisionTableTotal).toBeGreaterThan(40);
  });

  it('fails exactly the known failures', () => {
    const failing = rows.filter((r) => !r.pass).map((r) => `${r.folder}/${r.testCase}/${r.resultNode}`);
    expect(failing.sort()).toEqual(Object.keys(KNOWN_FAILURES).sort());
  });
});

describe('TCK comparison', () => {
  it('numbers agree within the relative decimal tolerance, not beyond', () => {
    expect(differ(new TckDecimal('3975.982590125552338278440100112431'), 3975.98259012555, '')).toBeUndefined();
    expect(differ(new TckDecimal('0.00001'), 0.00001 * (1 - 2e-16), '')).toBeUndefined();
    expect(differ(new TckDecimal('64.32'), 64.33, '')).toContain('expected 64.32');
    expect(differ(new TckDecimal('1'), '1', '')).toBeDefined();
  });

  it('compares contexts and lists structurally', () => {
    const expected = [{ status: 'Approved', rate: 'Best' }];
    expect(differ(expected, [{ status: 'Approved', rate: 'Best' }], '')).toBeUndefined();
    expect(differ(expected, [{ status: 'Approved', rate: 'Standard' }], '')).toContain('value[0].rate');
    expect(differ(expected, [{ status: 'Approved', rate: 'Best', extra: 1 }], '')).toContain('extra');
    expect(differ(expected, [], '')).toContain('list of 1');
  });

  it('reads test files with nil, components and lists', () => {
    const file = parseTckTestFile(`<?xml version="1.0"?>
      <testCases xmlns="http://www.omg.org/spec/DMN/20160719/testcase"
        xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">
        <modelName>m.dmn</modelName>
        <testCase id="7"><description>d &amp; e</description>
          <inputNode name="a"><value xsi:type="xsd:decimal">1.5</value></inputNode>
          <inputNode name="b"><component name="c"><value xsi:type="xsd:boolean">true</value></component></inputNode>
          <resultNode name="r" errorResult="true"><expected><list><item><value xsi:nil="true"/></item></list></expected></resultNode>
        </testCase>
      </testCases>`);
    expect(file.modelName).toBe('m.dmn');
    expect(file.testCases[0]).toEqual({
      id: '7',
      description: 'd & e',
      inputs: { a: 1.5, b: { c: true } },
      resultNodes: [{ name: 'r', expected: [null], errorResult: true }],
    });
  });
});
