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
