import type { CaseState, RecordedAssessment } from '@hoeder/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseRead } from '../platform/guard/case-check';
import { openServiceFixture, sampleRegistration, userIdOf, type ServiceFixture } from '../testing/service-fixture';
import { dafAssessmentId } from './daf-ids';
import { finaliseDaf } from './daf-flow';
import { readableAssessments } from './derived-assessments';

/**
 * Entries stored before ADR 0015 (no reference number, no marking) on a case whose DAF record
 * exists: they are judged at the DAF record's marking, and one whose id is a DAF version's id is
 * resolved to that version, so its threat level is read from the DAF like a new entry's.
 */

let f: ServiceFixture;
let caseId: string;
beforeAll(async () => {
  f = await openServiceFixture();
  const reg = await f.deps.cases.register(f.ctx(), f.actor('triage'), sampleRegistration({ classification: 'stg_secret' }));
  if (!reg.ok) throw new Error('register failed');
  caseId = reg.value.caseId;
  let v = 1;
  for (const u of ['analist', 'analist2', 'besluit']) {
    const r = await f.deps.cases.execute(f.ctx(), f.actor('triage'), caseId, v, { type: 'AssignMember', userId: userIdOf(u) });
    if (r.ok) v = r.value.version;
  }
  const facts = { phenomenon: 'organised_crime' as const, onLimitedList: false, inWitnessProtectionTrack: false, ownResistanceSufficient: false };
  await f.deps.cases.execute(f.ctx(), f.actor('triage'), caseId, v, { type: 'CompleteTriage', facts, outcome: 'national', motivation: 'Georganiseerde criminaliteit, nationaal.' });
  await finaliseDaf(f.deps.assessments, f.ctx, f.actor('analist'), f.actor('analist2'), caseId, { validUntil: '2026-09-01', threat: 'very_high' });
}, 120_000);
afterAll(() => f.close());

const legacy = (assessmentId: string): RecordedAssessment => ({ assessmentId, validUntil: '2026-08-01', recordedBy: userIdOf('analist'), recordedAt: '2026-03-02T09:00:00.000Z' });

async function readAs(username: string, entries: RecordedAssessment[]) {
  // The guarded layer's own check hands out the access and the DAF grant.
  const checked = await caseRead(caseId)(f.database.db, f.actor(username), f.clock.now());
  if (!checked.ok) return undefined;
  const state = { caseId, assessments: entries } as unknown as CaseState;
  return readableAssessments(f.database.db, f.actor(username), checked.grant.access, state, checked.grant.dafRead);
}

describe('recorded assessments stored before ADR 0015', () => {
  it('an old entry with a DAF version’s id is resolved to that version and shows its threat level', async () => {
    const shown = await readAs('besluit', [legacy(dafAssessmentId(caseId, 1))]);
    expect(shown).toEqual([expect.objectContaining({ assessmentVersion: 1, classification: 'stg_secret', threatLevel: 'very_high', validUntil: '2026-08-01' })]);
  });

  it('an old entry naming no DAF version is shown by its marking only, without content', async () => {
    const [entry] = (await readAs('analist', [legacy(crypto.randomUUID())]))!;
    expect(entry).toMatchObject({ assessmentVersion: null, classification: 'stg_secret' });
    expect(entry).not.toHaveProperty('threatLevel');
  });

  it('a case reader without the assessment section (triage officer) gets nothing', async () => {
    expect(await readAs('triage', [legacy(dafAssessmentId(caseId, 1))])).toEqual([]);
  });
});
