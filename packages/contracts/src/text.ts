import { z } from 'zod';

/**
 * The one text type of every request (ADR 0013). Written text may hold any character except
 * control characters (C0, DEL, C1) other than tab and line feed, and unpaired UTF-16 surrogates:
 * PostgreSQL refuses NUL (22021) and a lone surrogate is not a character at all. Carriage returns
 * are not refused but folded into line feeds first (CR LF and lone CR, the XML and HTML
 * end-of-line rule), so text pasted from Windows is accepted and stored text has one line break.
 */

/** Tab and line feed, and everything that is neither a control character nor a lone surrogate. */
export const SAFE_TEXT = /^(?:[\t\n]|[^\p{Cc}\p{Cs}])*$/u;
/** As SAFE_TEXT but one line: no tab or line feed either (names, identifiers, titles). */
export const SAFE_LINE = /^[^\p{Cc}\p{Cs}]*$/u;

export const UNSAFE_TEXT_MESSAGE = 'contains a control character or an unpaired surrogate; only tab and newline are allowed';
export const UNSAFE_LINE_MESSAGE = 'must be one line without control characters or unpaired surrogates';

/** True when a string holds a character no text field accepts (CR included: this sees raw input). */
export const hasUnsafeCharacter = (value: string): boolean => !SAFE_TEXT.test(value);

const schemas = new WeakSet<z.ZodType>();

/** Whether a schema was built by `text` (the contract walk test uses this). */
export const isTextSchema = (schema: z.ZodType): boolean => schemas.has(schema);

export interface TextOptions {
  /** Minimum length after trimming; 1 (not empty) unless said otherwise. */
  min?: number;
  max: number;
  /** One line: tab and newline are refused too. */
  line?: boolean;
}

/** Free text with an upper bound, trimmed, safe to store and show. */
export function text({ min = 1, max, line = false }: TextOptions) {
  const schema = z
    .string()
    .overwrite((s) => s.replace(/\r\n?/g, '\n'))
    // Before trimming, so a control character at either end is refused, not silently cut off.
    .regex(line ? SAFE_LINE : SAFE_TEXT, line ? UNSAFE_LINE_MESSAGE : UNSAFE_TEXT_MESSAGE)
    .trim()
    .min(min)
    .max(max);
  schemas.add(schema);
  return schema;
}

/** Short form of `text({ max })`: free text that is never empty after trimming. */
export const Text = (max: number) => text({ max });
