import { describe, expect, it } from 'vitest';
import { stringifyInSlices } from './yielding';

/** The sliced writer must give exactly `JSON.stringify`'s text (the stored planning input is compared and parsed by others). */
describe('stringifyInSlices', () => {
  const cases: [string, unknown][] = [
    ['a planning-input-like document', {
      period: { startDate: '2026-03-09', days: 7 },
      problem: { name: 'x', posts: Array.from({ length: 1200 }, (_, i) => ({ id: `p${i}`, day: i % 7, needs: [{ count: 1 + (i % 3) }], note: i % 5 ? undefined : 'ü "quoted"\n' })), units: [] },
      posts: Object.fromEntries(Array.from({ length: 700 }, (_, i) => [`p${i}`, { caseId: i % 2 ? null : `c${i}`, label: 'Werk' }])),
      source: 'demo',
    }],
    ['undefined, functions and symbols left out of objects and null in arrays', { a: undefined, b: () => 1, c: Symbol('s'), d: [undefined, () => 1, 2], e: { f: undefined } }],
    ['every member of a batch left out', { a: Object.fromEntries(Array.from({ length: 600 }, (_, i) => [`k${i}`, undefined])), b: 1 }],
    ['dates and other objects with toJSON', { at: new Date('2026-12-01T08:00:00Z'), nested: { when: new Date(0) }, list: [new Date(1)] }],
    ['empty containers and odd keys', { '': [], '"k"': {}, '\u2028': [[]], n: [null, 0, -0, 1e21, Number.NaN] }],
    ['a top-level array', [1, 'two', { three: [3] }]],
    ['a number', 42],
  ];
  it.each(cases)('%s', async (_name, value) => {
    expect(await stringifyInSlices(value)).toBe(JSON.stringify(value));
  });
});
