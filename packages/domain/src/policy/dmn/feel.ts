import { evaluate, unaryTest } from 'feelin';
import { dmnFail, dmnOk, type DmnResult } from './types';

/** A FEEL result with the interpreter's warnings flattened to messages for the explanation. */
export interface FeelValue {
  value: unknown;
  warnings: string[];
}

/** feelin throws on syntax errors; the engine turns that into a value the caller can report. */
export function feelEvaluate(text: string, context: Record<string, unknown>, where: string): DmnResult<FeelValue> {
  try {
    const result = evaluate(text, context);
    return dmnOk({ value: result.value, warnings: result.warnings.map((w) => w.message) });
  } catch (error) {
    return dmnFail('DMN_FEEL_SYNTAX_ERROR', `${where}: cannot parse FEEL expression "${text}": ${messageOf(error)}`);
  }
}

/**
 * Tests `value` against unary tests such as `"a","b"`, `>= 18` or `-`. An empty entry means
 * "any", as in the DMN table notation.
 */
export function feelUnaryTest(
  text: string,
  value: unknown,
  context: Record<string, unknown>,
  where: string,
): DmnResult<boolean> {
  if (text.trim() === '' || text.trim() === '-') return dmnOk(true);
  try {
    return dmnOk(unaryTest(text, { ...context, '?': value }).value === true);
  } catch (error) {
    return dmnFail('DMN_FEEL_SYNTAX_ERROR', `${where}: cannot parse unary tests "${text}": ${messageOf(error)}`);
  }
}

/**
 * Splits a list of unary tests at top-level commas, so the position of each test can serve as
 * a priority (PRIORITY and OUTPUT ORDER hit policies).
 */
export function splitUnaryTests(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let inString = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === '(' || ch === '[' || ch === '{') depth++;
    else if (ch === ')' || ch === ']' || ch === '}') depth--;
    else if (ch === ',' && depth === 0) {
      parts.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  parts.push(text.slice(start).trim());
  return parts.filter((p) => p !== '');
}

export const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));
