import { describe, expect, it } from 'vitest';
import { arrangementAsOf, type ArrangementSnapshot, type ArrangementStepRecord } from './as-of';

const row: ArrangementSnapshot & { id: string } = { id: 'a', createdAt: '2026-03-01T09:00:00.000Z', status: 'in_place', followUpOn: null, owner: 'Beveiliger B', version: 3 };
const steps: ArrangementStepRecord[] = [
  { version: 1, toStatus: 'open', followUpOn: '2026-03-15', owner: 'HR A', occurredAt: '2026-03-01T09:00:00.000Z' },
  { version: 2, toStatus: 'agreed', followUpOn: '2026-04-01', owner: null, occurredAt: '2026-03-10T10:00:00.000Z' },
  { version: 3, toStatus: 'in_place', followUpOn: null, owner: 'Beveiliger B', occurredAt: '2026-04-02T10:00:00.000Z' },
];

describe('an arrangement as of a moment', () => {
  it('is absent before it was recorded', () => {
    expect(arrangementAsOf(row, steps, new Date('2026-02-28T23:59:59.000Z'))).toBeUndefined();
  });

  it('has the status, follow-up date, owner and version of the last step taken by then; a later step is not shown', () => {
    expect(arrangementAsOf(row, steps, new Date('2026-03-20T00:00:00.000Z'))).toEqual({ ...row, status: 'agreed', followUpOn: '2026-04-01', owner: 'HR A', version: 2 });
    expect(arrangementAsOf(row, steps, new Date('2026-03-01T09:00:00.000Z'))).toMatchObject({ status: 'open', version: 1 });
  });

  it('is the row itself once every step was taken', () => {
    expect(arrangementAsOf(row, steps, new Date('2026-05-01T00:00:00.000Z'))).toEqual(row);
  });

  it('falls back to the current owner where no step recorded one', () => {
    const old = steps.map((s) => ({ ...s, owner: null }));
    expect(arrangementAsOf(row, old, new Date('2026-03-20T00:00:00.000Z'))?.owner).toBe('Beveiliger B');
  });
});
