/** Pure (no Node.js APIs): shared by the server and the browser's proof check (portable.ts). */

const hasToJson = (v: unknown): v is { toJSON: () => unknown } =>
  typeof v === 'object' && v !== null && typeof (v as { toJSON?: unknown }).toJSON === 'function';

/** Values JSON leaves out of an object (and writes as null in an array). */
const omitted = (v: unknown) => v === undefined || typeof v === 'function' || typeof v === 'symbol';

/**
 * Deterministic JSON: keys sorted at every level, so the same record always hashes the same.
 * Otherwise as JSON.stringify (toJSON, omitted values), so a record hashes the same before it is
 * stored as JSON and after it is read back.
 */
export function canonicalJson(value: unknown): string {
  if (hasToJson(value)) return canonicalJson(value.toJSON());
  if (value === null || typeof value !== 'object') return JSON.stringify(omitted(value) ? null : value);
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v)).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => !omitted(v))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}
