import { describe, expect, it } from 'vitest';
import { packagesFor, scenarioLines } from './actionOptions';

describe('decision proposal options', () => {
  it('offers only packages that give the chosen resistance', () => {
    expect(packagesFor('R3').map((p) => p.code)).toEqual(['P3-PERSONAL-PROTECTION', 'P4-FULL-PROTECTION']);
    expect(packagesFor('').length).toBe(4);
  });
});

describe('assessment scenarios', () => {
  it('are the non-empty lines, trimmed', () => {
    expect(scenarioLines(' Aanslag bij de woning \n\n  Aanslag onderweg\n')).toEqual(['Aanslag bij de woning', 'Aanslag onderweg']);
  });
});
