import { setImmediate as immediate } from 'node:timers/promises';

/**
 * Work on the server's thread in slices (ADR 0048): PGlite and the API share that thread, so a
 * long synchronous step holds back every request behind it. Between slices the event loop runs
 * whatever I/O is waiting (a case view takes a few milliseconds).
 */
export const yieldToLoop = (): Promise<void> => immediate();

/** Slices of about this many milliseconds: well below the case view's idle p99 (15–19 ms). */
const SLICE_MS = 4;

const isPlain = (v: unknown): v is Record<string, unknown> | unknown[] =>
  typeof v === 'object' && v !== null && (Array.isArray(v) || Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null) && typeof (v as { toJSON?: unknown }).toJSON !== 'function';

/** Elements stringified in one piece: ≈1–2 ms for the planning input's posts and officers. */
const BATCH = 250;

/**
 * `JSON.stringify(value)` of plain data (the same text), in slices of ≈4 ms: objects and arrays
 * down to `depth` levels are opened, their elements below that written natively in batches, and
 * the event loop let through whenever a slice is used up. A national planning input (2.6 MB of
 * JSON) took 34–48 ms in one piece (ADR 0048).
 */
export async function stringifyInSlices(value: unknown, depth = 2): Promise<string | undefined> {
  let sliceStart = performance.now();
  const pause = async () => {
    if (performance.now() - sliceStart <= SLICE_MS) return;
    await yieldToLoop();
    sliceStart = performance.now();
  };
  // The members of a container, comma-separated (empty when every member was left out).
  const members = async (v: Record<string, unknown> | unknown[], level: number): Promise<string> => {
    const out: string[] = [];
    const keys = Array.isArray(v) ? null : Object.keys(v);
    const count = keys ? keys.length : (v as unknown[]).length;
    const leaves = level + 1 >= depth;
    for (let i = 0; i < count; i += leaves ? BATCH : 1) {
      await pause();
      if (Array.isArray(v)) {
        const text = leaves ? JSON.stringify(v.slice(i, i + BATCH)).slice(1, -1) : await write(v[i], level + 1);
        out.push(text ?? 'null');
      } else {
        const batch = keys!.slice(i, leaves ? i + BATCH : i + 1);
        const text = leaves || !isPlain(v[batch[0]!]) ? JSON.stringify(Object.fromEntries(batch.map((k) => [k, v[k]]))).slice(1, -1) : `${JSON.stringify(batch[0])}:${await write(v[batch[0]!], level + 1)}`;
        if (text) out.push(text);
      }
    }
    return out.join(',');
  };
  const write = async (v: unknown, level: number): Promise<string | undefined> => {
    if (level >= depth || !isPlain(v)) return JSON.stringify(v);
    const inner = await members(v, level);
    return Array.isArray(v) ? `[${inner}]` : `{${inner}}`;
  };
  return write(value, 0);
}
