import { describe, expect, it } from 'vitest';
import type { CaseEventBody, RecordedCaseEvent } from '../cases/case-events';
import { toldTimeline, type ToldContact } from './told-timeline';

const ev = (version: number, occurredAt: string, body: Partial<CaseEventBody> & { type: CaseEventBody['type'] }): RecordedCaseEvent =>
  ({ caseId: 'c1', version, occurredAt, actorId: 'u1', actorRole: 'decision_maker', body }) as RecordedCaseEvent;

const proposal = (decisionId: string, resistanceLevel: string, packageCode: string) => ({ type: 'DecisionProposed' as const, decisionId, resistanceLevel, packageCode, reviewDate: '2027-03-01', motivation: 'm', basedOnAssessmentId: 'a' });

const events = [
  ev(1, '2026-01-01T10:00:00.000Z', proposal('d1', 'R2', 'P2-SURVEILLANCE') as never),
  ev(2, '2026-01-02T10:00:00.000Z', { type: 'DecisionApproved', decisionId: 'd1', note: 'ok' } as never),
  ev(3, '2026-02-01T10:00:00.000Z', proposal('d2', 'R3', 'P3-PERSONAL-PROTECTION') as never),
  ev(4, '2026-02-02T10:00:00.000Z', { type: 'DecisionApproved', decisionId: 'd2', note: 'ok' } as never),
];

const contact = (entryId: string, contactDate: string, recordedAt: string, informationGiven = true): ToldContact => ({ entryId, contactDate, informationGiven, toldTopic: 'threat_background', message: `bericht ${entryId}`, recordedBy: 'liaison', recordedAt });

describe("the timeline of what the person has been told", () => {
  it('holds the package offered, the change, and the contact entries flagged as information given, by date', () => {
    const items = toldTimeline(events, [contact('e1', '2026-01-15', '2026-01-15T12:00:00.000Z'), contact('e2', '2026-01-20', '2026-01-20T12:00:00.000Z', false)]);
    expect(items.map((i) => [i.kind, i.decisionId ?? i.entryId])).toEqual([
      ['package_offered', 'd1'],
      ['threat_background', 'e1'],
      ['package_changed', 'd2'],
    ]);
    expect(items[0]).toMatchObject({ resistanceLevel: 'R2', measures: expect.arrayContaining(['camera_surveillance']) });
  });

  it('as of a moment holds only what had been recorded by then', () => {
    const items = toldTimeline(events, [contact('e1', '2026-01-15', '2026-01-15T12:00:00.000Z'), contact('late', '2026-01-16', '2026-03-01T12:00:00.000Z')], new Date('2026-01-31T00:00:00.000Z'));
    expect(items.map((i) => i.kind)).toEqual(['package_offered', 'threat_background']);
  });

  it('ignores an approval without its proposal and is empty for an undecided case', () => {
    expect(toldTimeline([ev(1, '2026-01-01T00:00:00.000Z', { type: 'DecisionApproved', decisionId: 'x', note: '' } as never)], [])).toEqual([]);
  });
});
