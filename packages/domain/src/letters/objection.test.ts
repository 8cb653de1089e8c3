import { describe, expect, it } from 'vitest';
import { handleObjection, objectionTerms, objectionWork, validateNewObjection, type Objection } from './objection';

const base: Objection = {
  objectionId: 'o-1',
  caseId: 'c-1',
  decisionId: 'd-1',
  party: 'person',
  decisionSentOn: '2026-03-02',
  receivedOn: '2026-03-20',
  grounds: 'Het pakket is te licht.',
  advisoryCommittee: false,
  extendedOn: null,
  hearingOn: null,
  outcome: null,
  decidedOn: null,
  motivation: null,
  appealLodgedOn: null,
  appealCourt: null,
};

describe('objection terms', () => {
  it('computes the objection deadline, lateness and the term to decide', () => {
    expect(objectionTerms(base)).toEqual({ objectionDeadline: '2026-04-13', late: false, decisionDeadline: '2026-05-26', appealDeadline: null, appealLate: null });
  });

  it('flags a late objection instead of refusing it', () => {
    const late = { ...base, receivedOn: '2026-04-14' };
    expect(validateNewObjection(late, '2026-04-20').ok).toBe(true);
    expect(objectionTerms(late).late).toBe(true);
  });

  it('refuses an objection received in the future or before the decision was sent', () => {
    expect(validateNewObjection({ ...base, receivedOn: '2026-03-21' }, '2026-03-20')).toMatchObject({ ok: false, error: { details: { field: 'receivedOn' } } });
    expect(validateNewObjection({ ...base, receivedOn: '2026-03-01' }, '2026-03-20')).toMatchObject({ ok: false });
  });

  it('takes twelve weeks with an advisory committee, and extends once by six', () => {
    const committee = { ...base, advisoryCommittee: true };
    expect(objectionTerms(committee).decisionDeadline).toBe('2026-07-06');
    const extended = handleObjection(committee, { type: 'ExtendTerm' }, '2026-06-01');
    if (!extended.ok) throw new Error(extended.error.message);
    expect(objectionTerms(extended.value).decisionDeadline).toBe('2026-08-17');
    expect(handleObjection(extended.value, { type: 'ExtendTerm' }, '2026-06-02')).toMatchObject({ ok: false, error: { code: 'RULE_VIOLATION' } });
  });

  it('does not extend a term that has already passed', () => {
    expect(handleObjection(base, { type: 'ExtendTerm' }, '2026-05-27')).toMatchObject({ ok: false, error: { code: 'RULE_VIOLATION' } });
  });
});

describe('handling an objection', () => {
  it('records the hearing, the decision and an appeal with its term', () => {
    const heard = handleObjection(base, { type: 'RecordHearing', hearingOn: '2026-04-20' }, '2026-04-01');
    if (!heard.ok) throw new Error(heard.error.message);
    const decided = handleObjection(heard.value, { type: 'DecideObjection', outcome: 'unfounded', decidedOn: '2026-05-04', motivation: 'Het pakket past bij de dreiging.' }, '2026-05-04');
    if (!decided.ok) throw new Error(decided.error.message);
    expect(objectionTerms(decided.value).appealDeadline).toBe('2026-06-15');
    const appealed = handleObjection(decided.value, { type: 'RecordAppeal', lodgedOn: '2026-06-16', court: 'Rechtbank Den Haag' }, '2026-06-20');
    if (!appealed.ok) throw new Error(appealed.error.message);
    expect(objectionTerms(appealed.value).appealLate).toBe(true);
    expect(handleObjection(appealed.value, { type: 'RecordAppeal', lodgedOn: '2026-06-17', court: 'x' }, '2026-06-20').ok).toBe(false);
  });

  it('refuses steps out of order and short motivations', () => {
    expect(handleObjection(base, { type: 'RecordAppeal', lodgedOn: '2026-04-01', court: 'Rechtbank' }, '2026-04-01')).toMatchObject({ ok: false, error: { code: 'INVALID_TRANSITION' } });
    expect(handleObjection(base, { type: 'DecideObjection', outcome: 'founded', decidedOn: '2026-04-01', motivation: 'kort' }, '2026-04-01')).toMatchObject({ ok: false, error: { details: { field: 'motivation' } } });
    expect(handleObjection(base, { type: 'DecideObjection', outcome: 'founded', decidedOn: '2026-04-02', motivation: 'Lang genoeg gemotiveerd.' }, '2026-04-01')).toMatchObject({ ok: false, error: { details: { field: 'decidedOn' } } });
    expect(handleObjection(base, { type: 'RecordHearing', hearingOn: '2026-03-01' }, '2026-04-01')).toMatchObject({ ok: false, error: { details: { field: 'hearingOn' } } });
  });

  it('leaves work: decide by the deadline; after a founded objection, a new decision', () => {
    expect(objectionWork(base, false)).toEqual({ kind: 'decide_objection', dueOn: '2026-05-26' });
    const founded = { ...base, outcome: 'founded' as const, decidedOn: '2026-04-01' };
    expect(objectionWork(founded, false)).toEqual({ kind: 'new_decision', dueOn: null });
    expect(objectionWork(founded, true)).toBeNull();
    expect(objectionWork({ ...founded, outcome: 'unfounded' }, false)).toBeNull();
  });
});
