import { describe, expect, it } from 'vitest';
import { explainShortfall, SHORTFALL_REASONS } from './shortfall-text';

describe('shortfall explanations', () => {
  it('say in Dutch which qualification is missing and how many officers a rule blocks', () => {
    const text = explainShortfall({ reason: 'working-time-limit-reached', qualification: 'close-protection', missing: 1, detail: '14 free qualified officers, each would break a working-time rule (rest, consecutive shifts, minutes, weekends)' });
    expect(text).toBe('1 medewerker tekort: geen vrije medewerker met kwalificatie persoonsbeveiliging: 14 zouden een rust- of arbeidstijdregel breken');
  });

  it('explain every reason the planner gives, without English', () => {
    for (const reason of SHORTFALL_REASONS) {
      const text = explainShortfall({ reason, qualification: 'driver', missing: 2, detail: 'all 3 qualified officers are on leave' });
      expect(text).toMatch(/^2 medewerkers tekort: /);
      expect(text).toContain('chauffeur');
      expect(text).not.toMatch(/officer|qualified|leave\b/);
    }
  });
});
