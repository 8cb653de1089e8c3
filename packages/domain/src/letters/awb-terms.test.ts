import { describe, expect, it } from 'vitest';
import { addDays, appealDeadline, atwHolidays, daysUntil, easterSunday, extendToWorkingDay, isLate, isNonWorkingDay, objectionDeadline, objectionDecisionDeadline } from './awb-terms';

describe('Algemene termijnenwet', () => {
  it('knows Easter (known years)', () => {
    expect(easterSunday(2024)).toBe('2024-03-31');
    expect(easterSunday(2026)).toBe('2026-04-05');
    expect(easterSunday(2027)).toBe('2027-03-28');
  });

  it('lists the Atw holidays of 2026, without Good Friday', () => {
    const h = atwHolidays(2026);
    expect([...h].sort()).toEqual(['2026-01-01', '2026-04-06', '2026-04-27', '2026-05-05', '2026-05-14', '2026-05-25', '2026-12-25', '2026-12-26']);
    expect(h.has('2026-04-03')).toBe(false);
  });

  it("moves King's Day to the 26th when the 27th is a Sunday (2025)", () => {
    expect(atwHolidays(2025).has('2025-04-26')).toBe(true);
    expect(atwHolidays(2025).has('2025-04-27')).toBe(false);
  });

  it('extends a term ending on a weekend or holiday to the next working day', () => {
    expect(isNonWorkingDay('2026-03-07')).toBe(true); // Saturday
    expect(extendToWorkingDay('2026-03-07')).toBe('2026-03-09');
    expect(extendToWorkingDay('2026-12-25')).toBe('2026-12-28'); // Fri Christmas, Sat Boxing Day, Sun
    expect(extendToWorkingDay('2026-05-14')).toBe('2026-05-15'); // Ascension Thursday
    expect(extendToWorkingDay('2026-03-10')).toBe('2026-03-10');
  });
});

describe('Awb terms', () => {
  it('gives six weeks to object from the day after sending', () => {
    expect(objectionDeadline('2026-03-02')).toBe('2026-04-13');
    expect(addDays('2026-03-02', 42)).toBe('2026-04-13');
  });

  it('extends the objection term when it ends on a holiday (Easter Monday 2026)', () => {
    // sent Monday 23 Feb: six weeks end Monday 6 April = Easter Monday -> Tuesday 7 April
    expect(objectionDeadline('2026-02-23')).toBe('2026-04-07');
  });

  it('extends the objection term when it ends on a Saturday', () => {
    expect(objectionDeadline('2026-03-07')).toBe('2026-04-20'); // 18 April is Saturday
  });

  it('flags a late objection (received after the last day) but not one on the last day', () => {
    expect(isLate('2026-04-13', '2026-04-13')).toBe(false);
    expect(isLate('2026-04-14', '2026-04-13')).toBe(true);
  });

  it('decides within six weeks after the objection term, twelve with a committee, once +6', () => {
    const base = { objectionDeadline: '2026-04-13', receivedOn: '2026-03-20' };
    expect(objectionDecisionDeadline({ ...base, advisoryCommittee: false, extended: false })).toBe('2026-05-26'); // 25 May is Whit Monday
    expect(objectionDecisionDeadline({ ...base, advisoryCommittee: true, extended: false })).toBe('2026-07-06');
    expect(objectionDecisionDeadline({ ...base, advisoryCommittee: true, extended: true })).toBe('2026-08-17');
    expect(objectionDecisionDeadline({ ...base, advisoryCommittee: false, extended: true })).toBe('2026-07-06');
  });

  it('counts the decision term of a late objection from its receipt', () => {
    expect(objectionDecisionDeadline({ objectionDeadline: '2026-04-13', receivedOn: '2026-04-20', advisoryCommittee: false, extended: false })).toBe('2026-06-01');
  });

  it('gives six weeks to appeal and counts days left from the injected today', () => {
    expect(appealDeadline('2026-06-01')).toBe('2026-07-13');
    expect(daysUntil('2026-07-10', '2026-07-13')).toBe(3);
    expect(daysUntil('2026-07-14', '2026-07-13')).toBe(-1);
  });
});
