import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseWithActiveMeasures, openServiceFixture, type ServiceFixture } from '../testing/service-fixture';

/**
 * Objections as of a moment (issue 12, ADR 0031), with the injected clock: the decision is under
 * objection from the moment the objection was recorded; a decision on it taken later is not shown.
 */
let f: ServiceFixture;
let caseId: string;
const DAY = 86_400_000;
const must = <T>(r: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }): T => {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
};

beforeAll(async () => {
  f = await openServiceFixture();
  ({ caseId } = await caseWithActiveMeasures(f));
}, 120_000);
afterAll(() => f.close());

describe('objections as of a moment', () => {
  it('shows the decision under objection after lodging, not before, and not the later decision on it', async () => {
    const o = f.deps.objections;
    const decisionId = must(await o.list(f.ctx(), f.actor('liaison'), caseId)).decisions[0]!.decisionId;
    const beforeLodging = f.clock.now();
    f.clock.advance(DAY);
    const today = f.clock.now().toISOString().slice(0, 10);
    const lodged = must(await o.lodge(f.ctx(), f.actor('liaison'), caseId, { decisionId, party: 'person', receivedOn: today, grounds: 'De maatregelen zijn te zwaar voor mijn gezin.', advisoryCommittee: false }));
    f.clock.advance(DAY);
    const underObjection = f.clock.now();
    f.clock.advance(DAY);
    must(await o.step(f.ctx(), f.actor('besluit'), caseId, lodged.objectionId, { type: 'DecideObjection', expectedUpdatedAt: lodged.updatedAt, outcome: 'unfounded', decidedOn: f.clock.now().toISOString().slice(0, 10), motivation: 'De dreiging vraagt deze maatregelen.' }));

    expect(must(await o.list(f.ctx(), f.actor('liaison'), caseId)).objections[0]).toMatchObject({ outcome: 'unfounded' });
    const then = must(await o.list(f.ctx(), f.actor('liaison'), caseId, underObjection));
    expect(then).toMatchObject({ asOf: underObjection.toISOString(), mayLodge: false, mayHandle: false });
    expect(then.objections).toEqual([expect.objectContaining({ objectionId: lodged.objectionId, decisionId, outcome: null, decidedOn: null, work: { kind: 'decide_objection', dueOn: lodged.decisionDeadline }, exact: false })]);
    expect(must(await o.list(f.ctx(), f.actor('liaison'), caseId, beforeLodging)).objections).toEqual([]);
  });
});
