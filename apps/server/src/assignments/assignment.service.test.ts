import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '@hoeder/domain';
import { caseCommand } from '../platform/guard/case-check';
import { caseWithActiveMeasures, openServiceFixture, samplePolicyFacts, type ServiceFixture } from '../testing/service-fixture';
import { projectAssignment } from './assignment-projection';

const must = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
};
const codeOf = <T>(r: Result<T>) => (r.ok ? 'ok' : r.error.code);

let f: ServiceFixture;
let caseId: string;
let version: number;
let assignmentId: string;
const CONCEPT = 'Statische bewaking met twee posten aan de voorzijde (synthetisch).';

beforeAll(async () => {
  f = await openServiceFixture();
  ({ caseId, version } = await caseWithActiveMeasures(f));
}, 120_000);
afterAll(() => f.close());

const service = () => f.deps.assignments;

describe('security assignments through the services', () => {
  it('approving the decision issued version 1 to the LCC inbox, in the same transaction as the case command', async () => {
    const inbox = must(await service().inbox(f.ctx(), f.actor('lcc')));
    expect(inbox.counts).toMatchObject({ new: 1, changed: 0, withdrawn: 0 });
    const item = inbox.items.find((i) => i.caseId === caseId)!;
    expect(item).toMatchObject({ status: 'new', currentVersion: 1, acceptedVersion: null });
    assignmentId = item.assignmentId;
    const detail = must(await service().view(f.ctx(), f.actor('lcc'), assignmentId));
    expect(detail.versions).toHaveLength(1);
    expect(detail.versions[0]).toMatchObject({ kind: 'issued', diff: { first: true }, content: { resistanceLevel: expect.any(String) } });
  });

  it('replaying the projection of the same case state issues nothing (never twice)', async () => {
    await f.database.db.transaction().execute(async (trx) => {
      const checked = await caseCommand(caseId, 'EndCase')(trx, f.actor('besluit'), f.clock.now());
      if (!checked.ok) throw new Error('no grant');
      const { projectCase } = await import('@hoeder/domain');
      const { loadCaseEvents } = await import('@hoeder/db');
      const state = projectCase(await loadCaseEvents(trx, checked.grant.write))!;
      expect(await projectAssignment(trx, checked.grant.write, state, f.clock.now())).toBeUndefined();
    });
    expect(must(await service().view(f.ctx(), f.actor('lcc'), assignmentId)).versions).toHaveLength(1);
  });

  it('a unit lead sees nothing before being tasked: no list entry, 404 on the case and extract', async () => {
    expect(must(await service().mine(f.ctx(), f.actor('politie')))).toEqual([]);
    expect(codeOf(await f.deps.cases.view(f.ctx(), f.actor('politie'), caseId))).toBe('NOT_FOUND');
    expect(codeOf(await service().extract(f.ctx(), f.actor('politie'), assignmentId))).toBe('NOT_FOUND');
    expect(codeOf(await service().acknowledge(f.ctx(), f.actor('politie'), assignmentId, 1))).toBe('NOT_FOUND');
  });

  it('the LCC accepts, tasks be-1 and bsb-1 and records a concept; refusals are coded', async () => {
    expect(codeOf(await service().task(f.ctx(), f.actor('lcc'), assignmentId, ['be-1']))).toBe('INVALID_TRANSITION');
    expect(codeOf(await service().accept(f.ctx(), f.actor('lcc'), assignmentId, 2))).toBe('VERSION_CONFLICT');
    expect(must(await service().accept(f.ctx(), f.actor('lcc'), assignmentId, 1)).status).toBe('accepted');
    expect(codeOf(await service().task(f.ctx(), f.actor('lcc'), assignmentId, ['private-support-1']))).toBe('VALIDATION_FAILED');
    must(await service().task(f.ctx(), f.actor('lcc'), assignmentId, ['be-1', 'bsb-1']));
    must(await service().recordConcept(f.ctx(), f.actor('lcc'), assignmentId, 'home', CONCEPT));
    const detail = must(await service().view(f.ctx(), f.actor('lcc'), assignmentId));
    expect(detail.units.map((u) => [u.unitId, u.waitingSince !== null])).toEqual([
      ['be-1', true],
      ['bsb-1', true],
    ]);
    expect(detail.concepts).toEqual([expect.objectContaining({ domain: 'home', concept: CONCEPT, classification: 'dep_confidential' })]);
    expect(must(await service().inbox(f.ctx(), f.actor('lcc'))).counts).toMatchObject({ new: 0, unacknowledged: 2 });
  });

  it('the tasked unit lead sees the case summary and only the operational extract, and acknowledges', async () => {
    const view = must(await f.deps.cases.view(f.ctx(), f.actor('politie'), caseId));
    expect(view.sections.sort()).toEqual(['measures', 'summary']);
    expect(view).not.toHaveProperty('persons');
    const extract = must(await service().extract(f.ctx(), f.actor('politie'), assignmentId));
    expect(extract.personName).toBe('Test Persoon');
    expect(JSON.stringify(extract)).not.toContain('Test Partner');
    expect(extract.concepts.map((c) => c.domain)).toEqual(['home']);
    expect(extract.agenda).toEqual([]);
    const mine = must(await service().mine(f.ctx(), f.actor('politie')));
    expect(mine.map((m) => [m.assignmentId, m.units.map((u) => u.unitId)])).toEqual([[assignmentId, ['be-1']]]);
    expect(codeOf(await service().acknowledge(f.ctx(), f.actor('politie'), assignmentId, 2))).toBe('VERSION_CONFLICT');
    must(await service().acknowledge(f.ctx(), f.actor('politie'), assignmentId, 1));
    const detail = must(await service().view(f.ctx(), f.actor('lcc'), assignmentId));
    expect(detail.units.find((u) => u.unitId === 'be-1')).toMatchObject({ acknowledgedVersion: 1, waitingSince: null });
    expect(detail.unacknowledged).toBe(1);
  });

  it('a new approved decision issues version 2 with its diff; the units keep version 1 until the LCC accepts', async () => {
    const decisionId = randomUUID();
    const heavier = { ...samplePolicyFacts(), threatLevel: 'very_high' as const };
    version = must(await f.deps.cases.execute(f.ctx(), f.actor('besluit'), caseId, version, { type: 'ProposeDecision', decisionId, facts: heavier, factOverrides: [], motivation: 'De dreiging is toegenomen.', reviewDate: '2026-07-01' })).version;
    version = must(await f.deps.cases.execute(f.ctx(), f.actor('besluit2'), caseId, version, { type: 'ApproveDecision', decisionId, note: 'Akkoord.' })).version;
    const detail = must(await service().view(f.ctx(), f.actor('lcc'), assignmentId));
    expect(detail).toMatchObject({ status: 'changed', currentVersion: 2, acceptedVersion: 1 });
    expect(detail.versions[1]).toMatchObject({ kind: 'issued', diff: { first: false, reviewDate: { from: '2026-06-01', to: '2026-07-01' } } });
    expect(must(await service().extract(f.ctx(), f.actor('politie'), assignmentId)).acceptedVersion).toBe(1);
    must(await service().accept(f.ctx(), f.actor('lcc'), assignmentId, 2));
    const after = must(await service().view(f.ctx(), f.actor('lcc'), assignmentId));
    expect(after.units.find((u) => u.unitId === 'be-1')).toMatchObject({ acknowledgedVersion: 1, waitingSince: expect.any(String) });
  });

  it('ending the case withdraws the assignment: the units lose the case at once, the LCC sees the withdrawal', async () => {
    version = must(await f.deps.cases.execute(f.ctx(), f.actor('besluit'), caseId, version, { type: 'EndCase', reason: 'Dreiging weggenomen na herijking.' })).version;
    const detail = must(await service().view(f.ctx(), f.actor('lcc'), assignmentId));
    expect(detail).toMatchObject({ status: 'withdrawn', currentVersion: 3 });
    expect(detail.versions[2]).toMatchObject({ kind: 'withdrawn', reason: 'case_ended' });
    expect(codeOf(await f.deps.cases.view(f.ctx(), f.actor('politie'), caseId))).toBe('NOT_FOUND');
    expect(codeOf(await service().extract(f.ctx(), f.actor('politie'), assignmentId))).toBe('NOT_FOUND');
    // The unit still learns that protection ended: the list shows the withdrawal, nothing more.
    expect(must(await service().mine(f.ctx(), f.actor('politie'))).map((m) => [m.assignmentId, m.status])).toEqual([[assignmentId, 'withdrawn']]);
    expect(codeOf(await service().acknowledge(f.ctx(), f.actor('politie'), assignmentId, 2))).toBe('NOT_FOUND');
    expect(must(await service().inbox(f.ctx(), f.actor('lcc'))).counts).toMatchObject({ withdrawn: 1, unacknowledged: 0 });
    expect(must(await service().accept(f.ctx(), f.actor('lcc'), assignmentId, 3)).status).toBe('closed');
  });

  it('audits every step, and no concept text reaches the audit log', async () => {
    const rows = await f.database.db.selectFrom('audit_entry').select(['operation', 'status', 'details', 'data_subject_id']).where('object_id', '=', assignmentId).execute();
    const ops = new Set(rows.map((r) => r.operation));
    // Every successful access names the case (the person) it concerns, for the inspectorate.
    for (const r of rows.filter((x) => x.status === 'ok')) expect(r.data_subject_id).toBe(caseId);
    for (const op of ['assignment.view', 'assignment.accept', 'assignment.task', 'assignment.recordConcept', 'assignment.acknowledge', 'assignment.extract']) expect(ops).toContain(op);
    expect(JSON.stringify(rows)).not.toContain('Statische bewaking');
    const all = await f.database.db.selectFrom('audit_entry').select('details').execute();
    expect(JSON.stringify(all)).not.toContain('Statische bewaking');
  });
});
