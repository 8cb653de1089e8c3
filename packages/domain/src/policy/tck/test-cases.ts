import { childNamed, childrenNamed, parseXml, type XmlElement } from './xml';

/** One `<resultNode>` of a TCK test case: the decision to evaluate and the value it must give. */
export interface TckResultNode {
  name: string;
  expected: unknown;
  /** The TCK's `errorResult="true"`: the engine must report an error (or null). */
  errorResult: boolean;
}

export interface TckTestCase {
  id: string;
  description?: string;
  inputs: Record<string, unknown>;
  resultNodes: TckResultNode[];
}

export interface TckTestFile {
  modelName: string;
  testCases: TckTestCase[];
}

/**
 * A decimal expected by the TCK keeps its text, so comparison can use the TCK's decimal
 * tolerance instead of JavaScript float equality.
 */
export class TckDecimal {
  constructor(readonly text: string) {}
  toJSON(): number {
    return Number(this.text);
  }
}

const NUMERIC_TYPES = new Set(['decimal', 'double', 'float', 'integer', 'int', 'long', 'short']);

/** Reads a TCK test-case file (testcase namespace 20160719) into plain values. */
export function parseTckTestFile(xml: string): TckTestFile {
  const root = parseXml(xml);
  return {
    modelName: childNamed(root, 'modelName')?.text.trim() ?? '',
    testCases: childrenNamed(root, 'testCase').map((tc, i) => {
      const testCase: TckTestCase = {
        id: tc.attributes.id ?? String(i + 1),
        inputs: Object.fromEntries(
          childrenNamed(tc, 'inputNode').map((n) => [n.attributes.name ?? '', toInputValue(readValue(n))]),
        ),
        resultNodes: childrenNamed(tc, 'resultNode').map((n) => ({
          name: n.attributes.name ?? '',
          expected: readValue(childNamed(n, 'expected')),
          errorResult: n.attributes.errorResult === 'true',
        })),
      };
      const description = childNamed(tc, 'description')?.text.trim();
      if (description) testCase.description = description;
      return testCase;
    }),
  };
}

/** A value holder has exactly one of: `<value>`, `<component>`s (a context) or `<list>`. */
function readValue(holder: XmlElement | undefined): unknown {
  if (!holder) return null;
  const value = childNamed(holder, 'value');
  if (value) return scalar(value);
  const list = childNamed(holder, 'list');
  if (list) return childrenNamed(list, 'item').map(readValue);
  const components = childrenNamed(holder, 'component');
  if (components.length > 0) {
    return Object.fromEntries(components.map((c) => [c.attributes.name ?? '', readValue(c)]));
  }
  return null;
}

function scalar(value: XmlElement): unknown {
  if (value.attributes['xsi:nil'] === 'true') return null;
  const type = localType(value.attributes['xsi:type']);
  if (type !== undefined && NUMERIC_TYPES.has(type)) return new TckDecimal(value.text.trim());
  if (type === 'boolean') return value.text.trim() === 'true';
  return value.text;
}

const localType = (qualified: string | undefined): string | undefined =>
  qualified === undefined ? undefined : qualified.slice(qualified.indexOf(':') + 1);

/** Inputs go to FEEL as plain JavaScript values. */
function toInputValue(value: unknown): unknown {
  if (value instanceof TckDecimal) return Number(value.text);
  if (Array.isArray(value)) return value.map(toInputValue);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toInputValue(v)]));
  }
  return value;
}
