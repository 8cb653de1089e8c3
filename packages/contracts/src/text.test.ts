import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import * as contracts from './index';
import { isTextSchema, text } from './text';

/** Every character the text type must refuse, named for the failure message. */
const FORBIDDEN_CHARACTERS: readonly [string, string][] = [
  ...Array.from({ length: 0x20 }, (_, c) => c)
    .filter((c) => c !== 0x09 && c !== 0x0a && c !== 0x0d)
    .map((c): [string, string] => [`U+${c.toString(16).padStart(4, '0')}`, String.fromCharCode(c)]),
  ['DEL', '\u007f'],
  ['C1 NEL', '\u0085'],
  ['C1 APC', '\u009f'],
  ['lone high surrogate', '\ud800'],
  ['lone low surrogate', '\udfff'],
  ['reversed pair', '\udc00\ud800'],
];

describe('the text type', () => {
  const free = text({ max: 100 });
  const line = text({ max: 100, line: true });

  it.each(FORBIDDEN_CHARACTERS)('refuses %s inside, at the start and at the end', (_name, c) => {
    for (const value of [`a${c}b`, `${c}ab`, `ab${c}`]) {
      const result = free.safeParse(value);
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.message).toMatch(/control character/);
    }
  });

  it('accepts tab, newline, accents, other scripts and surrogate pairs', () => {
    for (const value of ['regel 1\nregel 2\tkolom', 'Çelik Ğül', 'Алёна', 'محمد', '😀 en 𝒳']) expect(free.parse(value)).toBe(value);
  });

  it('folds CR LF and lone CR into LF before checking the length', () => {
    expect(free.parse('a\r\nb\rc')).toBe('a\nb\nc');
    expect(text({ max: 3 }).parse('a\r\nb')).toBe('a\nb');
  });

  it('trims, and refuses empty text unless min is 0', () => {
    expect(free.parse('  x  ')).toBe('x');
    expect(free.safeParse('   ').success).toBe(false);
    expect(text({ min: 0, max: 5 }).parse('  ')).toBe('');
  });

  it('refuses tab and newline on one-line text', () => {
    expect(line.safeParse('a\nb').success).toBe(false);
    expect(line.safeParse('a\tb').success).toBe(false);
    expect(line.parse('Jan de Vries')).toBe('Jan de Vries');
  });

  it('documents the rule in the OpenAPI schema as a pattern', () => {
    expect(z.toJSONSchema(free)).toMatchObject({ type: 'string', maxLength: 100, pattern: expect.stringContaining('Cc') });
  });
});

/** A string is safe when it is the text type, or a strict format (uuid, e-mail, date, date-time, a pattern). */
function safeString(schema: z.ZodType): boolean {
  if (isTextSchema(schema)) return true;
  const def = schema._zod.def as { format?: string; checks?: { _zod: { def: { format?: string } } }[] };
  if (def.format === 'uuid' || def.format === 'email' || def.format === 'date' || def.format === 'datetime') return true;
  return (def.checks ?? []).some((c) => c._zod.def.format === 'regex');
}

/** The paths of every string in a schema that is neither the text type nor a strict format. */
function unsafeStrings(schema: z.ZodType, path = '(body)'): string[] {
  const def = schema._zod.def as unknown as Record<string, unknown> & { type: string };
  const inner = (key: string) => unsafeStrings(def[key] as z.ZodType, path);
  switch (def.type) {
    case 'string':
      return safeString(schema) ? [] : [path];
    case 'object':
      return Object.entries(def.shape as Record<string, z.ZodType>).flatMap(([k, s]) => unsafeStrings(s, path === '(body)' ? k : `${path}.${k}`));
    case 'array':
      return unsafeStrings(def.element as z.ZodType, `${path}[]`);
    case 'optional':
    case 'nullable':
    case 'default':
    case 'readonly':
      return inner('innerType');
    case 'pipe':
      return [...inner('in'), ...inner('out')];
    case 'union':
      return (def.options as z.ZodType[]).flatMap((o) => unsafeStrings(o, path));
    case 'record':
      return [...unsafeStrings(def.keyType as z.ZodType, `${path}{key}`), ...unsafeStrings(def.valueType as z.ZodType, `${path}{}`)];
    case 'enum':
    case 'literal':
    case 'number':
    case 'boolean':
    case 'transform':
      return [];
    default:
      return [`${path} (${def.type}: unknown to the walk)`];
  }
}

/** Request schemas by the naming rule of this package: …Request, …Params, …Query, …Input. */
const requestSchemas = Object.entries(contracts as Record<string, unknown>).filter(
  (entry): entry is [string, z.ZodType] => /(Request|Params|Query|Input)$/.test(entry[0]) && entry[1] instanceof z.ZodType,
);

describe('every request schema', () => {
  it('is found by the walk (the naming rule still holds)', () => {
    expect(requestSchemas.length).toBeGreaterThanOrEqual(25);
  });

  it('finds a plain string, so it can fail', () => {
    expect(unsafeStrings(z.object({ a: z.string(), b: z.array(z.object({ c: z.string().trim().max(3) })), d: text({ max: 3 }) }))).toEqual(['a', 'b[].c']);
  });

  it.each(requestSchemas)('%s takes text only through the text type', (_name, schema) => {
    expect(unsafeStrings(schema)).toEqual([]);
  });
});
