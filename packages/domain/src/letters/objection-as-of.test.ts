import { describe, expect, it } from 'vitest';
import { objectionAsOf } from './objection-as-of';
import type { Objection } from './objection';

const lodged: Objection & { recordedAt: string; updatedAt: string } = {
  objectionId: 'o1',
  caseId: 'c1',
  decisionId: 'd1',
  party: 'person',
  decisionSentOn: '2026-03-02',
  receivedOn: '2026-03-10',
  grounds: 'Te zwaar.',
  advisoryCommittee: false,
  extendedOn: null,
  hearingOn: null,
  outcome: null,
  decidedOn: null,
  motivation: null,
  appealLodgedOn: null,
  appealCourt: null,
  recordedAt: '2026-03-10T10:00:00.000Z',
  updatedAt: '2026-03-10T10:00:00.000Z',
};
const handled = { ...lodged, hearingOn: '2026-03-20', outcome: 'unfounded' as const, decidedOn: '2026-04-01', motivation: 'De maatregelen zijn nodig.', updatedAt: '2026-04-01T09:00:00.000Z' };

describe('an objection as of a moment', () => {
  it('is absent before it was recorded', () => {
    expect(objectionAsOf(lodged, new Date('2026-03-10T09:59:59.000Z'))).toBeUndefined();
  });

  it('is exact when it was not changed after the moment', () => {
    expect(objectionAsOf(lodged, new Date('2026-03-11T00:00:00.000Z'))).toEqual({ objection: lodged, exact: true });
    expect(objectionAsOf(handled, new Date('2026-04-02T00:00:00.000Z'))).toEqual({ objection: handled, exact: true });
  });

  it('leaves out the handling dated after the moment: between hearing and decision it is under objection, heard, not decided', () => {
    const mid = objectionAsOf(handled, new Date('2026-03-25T12:00:00.000Z'));
    expect(mid?.exact).toBe(false);
    expect(mid?.objection).toMatchObject({ hearingOn: '2026-03-20', outcome: null, decidedOn: null, motivation: null });
  });
});
