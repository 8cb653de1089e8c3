import fc from 'fast-check';

/** The usual misfits: null, numbers where none fit, objects and arrays; strings as the route needs. */
export function wrongValue({ maxInt, strings }: { maxInt: number; strings: fc.Arbitrary<string> }): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.constant(null),
    fc.integer({ min: -5, max: maxInt }),
    fc.double({ noNaN: true }).filter((n) => !Number.isInteger(n)),
    fc.constant({}),
    fc.array(fc.integer(), { minLength: 1, maxLength: 3 }),
    strings,
  );
}

/** Strings no written-text field accepts: empty, blank, too long. */
export const BAD_TEXT = fc.constantFrom('', '   ', 'x'.repeat(20_001));

export interface BadBodyOptions {
  wrong: fc.Arbitrary<unknown>;
  /** Random JSON objects with at least this many keys are left out (they might be valid). */
  fewerKeysThan: number;
  /** Keys that may be absent: replaced, never removed. */
  optional?: readonly string[];
  /** Keys the property leaves as they are. */
  untouched?: readonly string[];
}

/** Either a random JSON value, or a valid body with one field replaced by a wrong value or removed. */
export function badBody(valid: Record<string, unknown>, { wrong, fewerKeysThan, optional = [], untouched = [] }: BadBodyOptions) {
  const keys = Object.keys(valid).filter((k) => !untouched.includes(k));
  return fc.oneof(
    fc.jsonValue().filter((v) => typeof v !== 'object' || v === null || Array.isArray(v) || Object.keys(v).length < fewerKeysThan),
    fc.record({ key: fc.constantFrom(...keys), value: wrong, remove: fc.boolean() }).map(({ key, value, remove }) => {
      const body: Record<string, unknown> = { ...valid };
      if (remove && !optional.includes(key)) delete body[key];
      else body[key] = value;
      return body;
    }),
  );
}

/**
 * Characters no text field accepts (ADR 0013): NUL and the other C0 controls except tab, line feed
 * and carriage return (which is folded into a line feed), DEL, C1 controls and unpaired surrogates.
 */
export const UNSAFE_CHARACTERS: readonly string[] = [
  ...Array.from({ length: 0x20 }, (_, c) => c).filter((c) => c !== 0x09 && c !== 0x0a && c !== 0x0d).map((c) => String.fromCharCode(c)),
  '\u007f',
  '\u0085',
  '\u009f',
  '\ud800',
  '\udbff',
  '\udc00',
  '\udfff',
];

/** Text with one unsafe character somewhere in it (start, middle or end). */
export const UNSAFE_TEXT = fc
  .tuple(fc.string({ maxLength: 20 }), fc.constantFrom(...UNSAFE_CHARACTERS), fc.string({ maxLength: 20 }))
  .map(([before, bad, after]) => `${before}${bad}${after}`);

/** Strings no written-text field accepts: empty, blank, too long, or holding an unsafe character. */
export const BAD_STRINGS = fc.oneof(BAD_TEXT, UNSAFE_TEXT);

/**
 * A copy of a valid body for every string in it (at any depth), with that string spoiled by an
 * unsafe character, and the field path the refusal must name (zod's path, joined with dots).
 */
export function unsafeTextPositions(valid: unknown): { field: string; body: unknown }[] {
  const positions: string[][] = [];
  const walk = (value: unknown, path: string[]) => {
    if (typeof value === 'string') positions.push(path);
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, [...path, k]);
  };
  walk(valid, []);
  return positions.map((path, i) => {
    const body = structuredClone(valid) as Record<string, unknown>;
    const parent = path.slice(0, -1).reduce<Record<string, unknown>>((o, k) => o[k] as Record<string, unknown>, body);
    const key = path.at(-1)!;
    const bad = i % 2 === 0 ? '\u0000' : UNSAFE_CHARACTERS[i % UNSAFE_CHARACTERS.length]!;
    parent[key] = `${String(parent[key]).slice(0, 3)}${bad}${String(parent[key]).slice(3)}`;
    return { field: path.join('.'), body };
  });
}
