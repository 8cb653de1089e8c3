import { describe, expect, it } from 'vitest';
import type { AccessSubject } from '../access/need-to-know';
import { decideCoordination } from './coordination-decide';
import { recorder } from './coordination-fixtures';
import { coordinationForReader, knowsCrownWitnessTrack } from './crown-witness-need-to-know';
import { projectCoordination } from './coordination-state';
import { independentOf, resolveParticipants } from './participants';

const author = { userId: 'u-author', name: 'Diederik Besluitnemer', organisation: 'NCTV' as const };
const team = [author, { userId: 'u-om', name: 'Otto Officier', organisation: 'OM' as const }, { userId: 'u-second', name: 'Eva Vierogen', organisation: 'NCTV' as const }];

describe('participants of a weighing or consultation', () => {
  it('are team users by id (name and organisation from the user) or externals; the author always first', () => {
    expect(resolveParticipants([{ userId: 'u-om' }, { name: 'Jan de Vries', organisation: 'POLICE' }], author, team)).toEqual({
      ok: true,
      value: [
        { name: 'Diederik Besluitnemer', organisation: 'NCTV', userId: 'u-author' },
        { name: 'Otto Officier', organisation: 'OM', userId: 'u-om' },
        { name: 'Jan de Vries', organisation: 'POLICE' },
      ],
    });
  });

  it('refuses a user who is not on the case, and a team member typed in as an external', () => {
    expect(resolveParticipants([{ userId: 'u-stranger' }], author, team)).toMatchObject({ ok: false, error: { details: { field: 'participants' } } });
    expect(resolveParticipants([{ name: ' eva  vierogen ', organisation: 'NCTV' }], author, team)).toMatchObject({ ok: false, error: { details: { field: 'participants' } } });
    expect(resolveParticipants([{ name: 'Jan', organisation: 'OM' }, { name: 'jan', organisation: 'OM' }], author, team)).toMatchObject({ ok: false });
  });
});

describe('the independence of the reviewer, over both kinds of participant', () => {
  const weighing = { recordedBy: 'u-author', participants: [{ name: 'Otto Officier', organisation: 'OM' as const, userId: 'u-om' }, { name: 'Eva Vierogen', organisation: 'NCTV' as const }] };
  it('is not the author', () => expect(independentOf(weighing, { userId: 'u-author' })).toBe(false));
  it('is not a user who took part', () => expect(independentOf(weighing, { userId: 'u-om', name: 'Otto Officier', organisation: 'OM' })).toBe(false));
  it('is not an external participant under the reviewer’s own name and organisation', () => expect(independentOf(weighing, { userId: 'u-second', name: 'Eva Vierogen', organisation: 'NCTV' })).toBe(false));
  it('is anyone else', () => {
    expect(independentOf(weighing, { userId: 'u-third', name: 'Karel Derde', organisation: 'NCTV' })).toBe(true);
    // Same name, other organisation: a different person.
    expect(independentOf(weighing, { userId: 'u-x', name: 'Eva Vierogen', organisation: 'OM' })).toBe(true);
  });
  it('is what the review command checks', () => {
    const r = recorder();
    r.append({ type: 'WeighingRecorded', weighingId: 'w1', subject: 'case', protectionInterest: 'p', investigationInterest: 'i', outcome: 'proceed', reasons: 'r', participants: weighing.participants }, 'u-author', 'decision_maker');
    const state = projectCoordination('c1', r.events);
    const review = { type: 'WeighingReviewed' as const, weighingId: 'w1', verdict: 'upheld' as const, findings: 'f' };
    const ctx = { casePersonIds: [], measuresInForce: {} };
    expect(decideCoordination(state, review, { ...ctx, actorId: 'u-second', actorName: 'Eva Vierogen', actorOrganisation: 'NCTV' })).toMatchObject({ ok: false, error: { code: 'FOUR_EYES_VIOLATION' } });
    expect(decideCoordination(state, review, { ...ctx, actorId: 'u-om', actorName: 'Otto Officier', actorOrganisation: 'OM' })).toMatchObject({ ok: false, error: { code: 'FOUR_EYES_VIOLATION' } });
    expect(decideCoordination(state, review, { ...ctx, actorId: 'u-third', actorName: 'Karel Derde', actorOrganisation: 'NCTV' }).ok).toBe(true);
  });
});

describe('SECURITY: crown-witness need-to-know — without it, a track cannot be told apart from none', () => {
  const subject = (organisation: AccessSubject['organisation'], roles: AccessSubject['roles']): AccessSubject => ({ userId: 'u', roles, organisation, clearance: 'stg_secret' }) as AccessSubject;
  const withTrack = () => {
    const r = recorder();
    r.append({ type: 'ConsultationRecorded', consultationId: 'k1', level: 'strategic', heldOn: '2026-11-01', participants: [], summary: 's' }, 'u-dm', 'decision_maker');
    const opened = r.append({ type: 'CrownWitnessTrackOpened', witnessPersonId: 'p1', investigativeInterest: 'i', prosecutorialInterest: 'p' }, 'u-om', 'om_prosecutor');
    // The OM released the opening to itself only.
    opened.marking = { classification: 'stg_confidential', originator: 'OM', releasableTo: ['OM'] };
    r.append({ type: 'WeighingRecorded', weighingId: 'w1', subject: 'crown_witness', protectionInterest: 'p', investigationInterest: 'i', outcome: 'proceed', reasons: 'r', participants: [] }, 'u-om', 'om_prosecutor');
    return projectCoordination('c1', r.events);
  };
  const without = () => {
    const r = recorder();
    r.append({ type: 'ConsultationRecorded', consultationId: 'k1', level: 'strategic', heldOn: '2026-11-01', participants: [], summary: 's' }, 'u-dm', 'decision_maker');
    return projectCoordination('c1', r.events);
  };

  it('the OM (released) knows the track; the NCTV decision maker (not released) does not', () => {
    expect(knowsCrownWitnessTrack(subject('OM', ['om_prosecutor']), withTrack())).toBe(true);
    expect(knowsCrownWitnessTrack(subject('NCTV', ['decision_maker']), withTrack())).toBe(false);
  });

  it('for a reader without it the record equals that of a case without a track, version included', () => {
    const dm = subject('NCTV', ['decision_maker']);
    expect(coordinationForReader(dm, withTrack())).toEqual(coordinationForReader(dm, without()));
    expect(coordinationForReader(subject('OM', ['om_prosecutor']), withTrack()).track?.witnessPersonId).toBe('p1');
  });
});
