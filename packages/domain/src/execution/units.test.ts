import { describe, expect, it } from 'vitest';
import { UNIT_KIND_ORGANISATION, UNIT_KINDS } from './units';

describe('executing units', () => {
  it('puts every kind under exactly one organisation, KMar units under KMar', () => {
    expect(Object.keys(UNIT_KIND_ORGANISATION).sort()).toEqual([...UNIT_KINDS].sort());
    expect(UNIT_KINDS.filter((k) => UNIT_KIND_ORGANISATION[k] === 'kmar').sort()).toEqual(['bsb', 'contingent', 'hrb']);
  });
});
