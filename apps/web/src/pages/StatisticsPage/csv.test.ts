import { describe, expect, it } from 'vitest';
import { figure, toCsv } from './csv';

describe('csv', () => {
  it('quotes what needs quoting and marks suppressed figures', () => {
    expect(toCsv([['Fenomeen', 'Aantal'], ['Georganiseerde "zware" criminaliteit, ondermijning', figure(12)], ['Terrorisme', figure(null)]])).toBe(
      'Fenomeen,Aantal\r\n"Georganiseerde ""zware"" criminaliteit, ondermijning",12\r\nTerrorisme,x\r\n',
    );
  });
});
