import { describe, expect, it } from 'vitest';
import { likelyDuplicates, nameSimilarity, normaliseName, similarDates } from './person-duplicates';

const known = [
  { personId: 'p1', fullName: 'Jan de Vries', dateOfBirth: '1975-04-12' },
  { personId: 'p2', fullName: 'Fatima El Amrani', dateOfBirth: '1988-11-03' },
  { personId: 'p3', fullName: 'Sanne Jansen', dateOfBirth: null },
];

describe('the duplicate-person warning', () => {
  it('normalises accents, particles, case and order', () => {
    expect(normaliseName('Jan de Vries')).toBe(normaliseName('VRIES, Jan'));
    expect(normaliseName('Zoë van der Berg')).toBe('berg zoe');
  });

  it('finds the same person with a typo in the name and the same date of birth', () => {
    const [match] = likelyDuplicates({ fullName: 'Jan de Vriess', dateOfBirth: '1975-04-12' }, known);
    expect(match).toMatchObject({ personId: 'p1', strength: 'likely', sameDateOfBirth: true });
  });

  it('finds the same person with day and month swapped or one digit off', () => {
    expect(similarDates('1975-04-12', '1975-12-04')).toBe(true);
    expect(similarDates('1975-04-12', '1975-04-13')).toBe(true);
    expect(likelyDuplicates({ fullName: 'Jan de Vries', dateOfBirth: '1975-12-04' }, known)[0]).toMatchObject({ personId: 'p1', strength: 'likely', sameDateOfBirth: false });
  });

  it('does not warn for a namesake born on a clearly different date', () => {
    expect(likelyDuplicates({ fullName: 'Jan de Vries', dateOfBirth: '1990-01-01' }, known)).toEqual([]);
  });

  it('does not warn for a different name with the same date of birth', () => {
    expect(likelyDuplicates({ fullName: 'Pieter Bakker', dateOfBirth: '1975-04-12' }, known)).toEqual([]);
  });

  it('calls the same name without a date of birth a possible duplicate only', () => {
    expect(likelyDuplicates({ fullName: 'sanne JANSEN' }, known)).toEqual([{ personId: 'p3', strength: 'possible', nameScore: 1, sameDateOfBirth: false }]);
    expect(likelyDuplicates({ fullName: 'Sanne Janssen' }, known)).toEqual([]);
  });

  it('scores names between 0 and 1', () => {
    expect(nameSimilarity('Fatima El Amrani', 'Fatima el-Amrani')).toBe(1);
    expect(nameSimilarity('Fatima El Amrani', 'Jan de Vries')).toBeLessThan(0.5);
  });
});
