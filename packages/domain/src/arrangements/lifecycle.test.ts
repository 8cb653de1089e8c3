import { describe, expect, it } from 'vitest';
import { ARRANGEMENT_KINDS, decideArrangement, followUpOverdue, INITIAL_STATUS, TRANSITIONS, type ArrangementKind, type ArrangementStatus, type Transition } from './lifecycle';
import { mayRecordArrangements, readableArrangementKinds } from './access';

const today = '2026-03-10';

describe('the arrangement lifecycle as data', () => {
  it('a refused cooperation agreement is recorded with its note, and can be offered again (no forced measures)', () => {
    const refused = decideArrangement('agreement', 'offered', { action: 'refuse', note: 'wil geen beperkingen in privéleven' }, today);
    expect(refused).toMatchObject({ ok: true, value: { from: 'offered', to: 'refused', note: 'wil geen beperkingen in privéleven' } });
    expect(decideArrangement('agreement', 'refused', { action: 'offer_again' }, today)).toMatchObject({ ok: true, value: { to: 'offered' } });
  });

  it('a refusal without a written note is a coded refusal naming the field', () => {
    expect(decideArrangement('agreement', 'offered', { action: 'refuse', note: 'nee' }, today)).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', details: { field: 'note' } } });
    expect(decideArrangement('care', 'proposed', { action: 'decline' }, today)).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', details: { field: 'note' } } });
  });

  it('refuses an action from a status the table does not allow, and an action of another kind', () => {
    expect(decideArrangement('care', 'proposed', { action: 'start' }, today)).toMatchObject({ ok: false, error: { code: 'INVALID_TRANSITION' } });
    expect(decideArrangement('agreement', 'ended', { action: 'accept' }, today)).toMatchObject({ ok: false, error: { code: 'INVALID_TRANSITION' } });
    expect(decideArrangement('employer_duty', 'open', { action: 'refer' }, today)).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', details: { field: 'action' } } });
    expect(decideArrangement('care', 'proposed', { action: 'constructor' }, today)).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  });

  it('care runs proposed → referred → started → ended, with follow-up dates that may not lie in the past', () => {
    expect(decideArrangement('care', 'proposed', { action: 'refer', followUpOn: '2026-04-01' }, today)).toMatchObject({ ok: true, value: { to: 'referred', followUpOn: '2026-04-01' } });
    expect(decideArrangement('care', 'referred', { action: 'start', followUpOn: '2026-03-01' }, today)).toMatchObject({ ok: false, error: { details: { field: 'followUpOn' } } });
    expect(decideArrangement('care', 'started', { action: 'end', followUpOn: '2026-04-01' }, today)).toMatchObject({ ok: true, value: { to: 'ended', followUpOn: null } });
  });

  it('every action leads to a status of its own kind, reachable from the initial status', () => {
    for (const kind of ARRANGEMENT_KINDS as readonly ArrangementKind[]) {
      const reached = new Set<ArrangementStatus>([INITIAL_STATUS[kind]]);
      const steps = Object.values(TRANSITIONS[kind]) as Transition[];
      for (let i = 0; i < 5; i++) for (const t of steps) if (t.from.some((s) => reached.has(s))) reached.add(t.to);
      const all = new Set(steps.flatMap((t) => [...t.from, t.to]));
      expect([...all].filter((s) => !reached.has(s))).toEqual([]);
    }
  });

  it('a follow-up is overdue only once its date has passed and the arrangement still asks something', () => {
    expect(followUpOverdue({ status: 'agreed', followUpOn: '2026-03-09' }, today)).toBe(true);
    expect(followUpOverdue({ status: 'agreed', followUpOn: '2026-03-10' }, today)).toBe(false);
    expect(followUpOverdue({ status: 'in_place', followUpOn: '2026-03-01' }, today)).toBe(false);
    expect(followUpOverdue({ status: 'open', followUpOn: null }, today)).toBe(false);
  });
});

describe('who reads and records arrangements', () => {
  it('executing units never read care referrals; the liaison alone records', () => {
    expect([...readableArrangementKinds(['police_team_lead'])].sort()).toEqual(['agreement', 'employer_duty']);
    expect(readableArrangementKinds(['lcc_coordinator']).has('care')).toBe(false);
    expect(readableArrangementKinds(['liaison']).has('care')).toBe(true);
    expect(readableArrangementKinds(['threat_analyst']).size).toBe(0);
    expect(readableArrangementKinds(['advisory_member']).size).toBe(0);
    expect(mayRecordArrangements(['liaison'])).toBe(true);
    expect(mayRecordArrangements(['decision_maker'])).toBe(false);
  });
});
