import type { CaseEventBody, Classification } from '@hoeder/domain';
import { appendCaseEvents, loadCaseEvents } from '@hoeder/db';
import { DEMO_ACCOUNTS } from '../demo/demo-accounts';
import { caseCommand } from '../platform/guard/case-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openHttpFixture, type HttpFixture } from '../testing/http-fixture';
import { samplePolicyFacts, sampleRegistration, userIdOf } from '../testing/service-fixture';
import { finaliseDafOverHttp } from './daf-http-flow';
import { productInput } from './daf-samples';

/**
 * Content derived from the DAF record keeps the record's marking (high-water mark, ADR 0015):
 * a DAF version finalised at Stg. Zeer Geheim on a case marked Stg. Geheim reaches no reader
 * cleared for Stg. Geheim through any other route — case view, as-of view, timeline, policy
 * prefill, case list, decision basis, re-assessment list. Threat analysts (Stg. Zeer Geheim) still
 * see it where their role allows; a case where everything is Stg. Geheim keeps today's behaviour.
 */

/** Text of the sample judgement (daf-samples) and of its scenarios: none of it may leak. */
const JUDGEMENT_TEXT = 'Concrete dreiging';
const SCENARIO_ACTOR = 'Crimineel netwerk';
const SCENARIO_TARGET = 'Route naar het werk';
/** Content an event written before ADR 0015 copied into the case stream. */
const LEGACY_SUMMARY = 'Oude samenvatting uit de casusstroom (synthetisch).';
const LEGACY_SCENARIO = 'Oude actor: oud doelwit';

const TEAM = ['analist', 'analist2', 'besluit', 'besluit2'];

let f: HttpFixture;
/** Case at Stg. Geheim whose DAF version is Stg. Zeer Geheim. */
let high: string;
/** Case and DAF version both at Stg. Geheim. */
let same: string;

async function assessedCase(caseMarking: Classification, dafMarking: Classification): Promise<string> {
  const triage = await f.session('triage');
  const reg = await f.api(triage, 'POST', '/api/cases', sampleRegistration({ classification: caseMarking }));
  const caseId = (reg.body as { caseId: string }).caseId;
  let version = 1;
  const post = async (path: string, body: Record<string, unknown>) => {
    const r = await f.api(triage, 'POST', `/api/cases/${caseId}${path}`, { expectedVersion: version, ...body });
    if (r.status !== 200) throw new Error(`${path}: ${r.status} ${JSON.stringify(r.body)}`);
    version = (r.body as { version: number }).version;
  };
  for (const m of TEAM) await post('/members', { userId: userIdOf(m) });
  await post('/triage', { facts: { phenomenon: 'organised_crime', onLimitedList: false, inWitnessProtectionTrack: false, ownResistanceSufficient: false }, outcome: 'national', motivation: 'Georganiseerde criminaliteit, nationaal.' });
  await finaliseDafOverHttp(f, caseId, { validUntil: '2026-09-01', classification: dafMarking });
  return caseId;
}

/** An `AssessmentRecorded` as stored before ADR 0015: content copied, no reference or marking. */
async function appendLegacyAssessment(caseId: string): Promise<void> {
  // Written behind the service's back, but with a grant from the guarded layer's own check.
  const analyst = { ...DEMO_ACCOUNTS.find((a) => a.username === 'analist')!, sessionId: 'test' };
  const checked = await caseCommand(caseId, 'RecordAssessment')(f.database.db, analyst, f.clock.now());
  if (!checked.ok) throw new Error('the analyst may not write this case');
  const events = await loadCaseEvents(f.database.db, checked.grant.write);
  const body = {
    type: 'AssessmentRecorded',
    assessmentId: crypto.randomUUID(),
    threatLevel: 'very_high',
    summary: LEGACY_SUMMARY,
    scenarios: [LEGACY_SCENARIO],
    validUntil: '2026-08-01',
  } as unknown as CaseEventBody;
  await appendCaseEvents(f.database.db, checked.grant.write, events.length, [{ body, actorId: userIdOf('analist'), actorRole: 'threat_analyst', occurredAt: f.clock.now(), traceId: 'legacy' }]);
}

/** A new information item after finalisation: the assessment needs re-assessment. */
async function registerLateItem(caseId: string): Promise<void> {
  const analist = await f.session('analist');
  const daf = await f.api(analist, 'GET', `/api/cases/${caseId}/assessment`);
  const today = f.clock.now().toISOString().slice(0, 10);
  const r = await f.api(analist, 'POST', `/api/cases/${caseId}/assessment/items`, { expectedVersion: (daf.body as { version: number }).version, item: productInput(today) });
  if (r.status !== 200) throw new Error(`late item: ${r.status} ${JSON.stringify(r.body)}`);
}

const get = async (who: string, path: string) => f.api(await f.session(who), 'GET', path);
const text = (body: unknown) => JSON.stringify(body);
const CONTENT = [JUDGEMENT_TEXT, SCENARIO_ACTOR, SCENARIO_TARGET, LEGACY_SUMMARY, LEGACY_SCENARIO];
const contentLeaks = (body: unknown) => CONTENT.filter((s) => text(body).includes(s));
/** Before any decision, no threat level may appear at all (a decision carries the maker's own facts). */
const leaks = (body: unknown) => [...contentLeaks(body), ...(text(body).includes('threatLevel"') ? ['threatLevel'] : [])];
type Assessments = { assessments?: { assessmentVersion: number | null; classification: string; threatLevel?: string }[] };

beforeAll(async () => {
  f = await openHttpFixture();
  high = await assessedCase('stg_secret', 'stg_top_secret');
  same = await assessedCase('stg_secret', 'stg_secret');
  await appendLegacyAssessment(high);
  await appendLegacyAssessment(same);
  f.clock.advance(60_000);
  await registerLateItem(high);
  await registerLateItem(same);
}, 240_000);
afterAll(() => f.close());

describe('a DAF version marked above the case: the decision maker cleared below it', () => {
  it('gets 404 on the DAF view (the record gate)', async () => {
    expect((await get('besluit', `/api/cases/${high}/assessment`)).status).toBe(404);
  });

  it('the case view carries no summary, judgement text, scenario or threat level', async () => {
    const reply = await get('besluit', `/api/cases/${high}`);
    expect(reply.status).toBe(200);
    expect((reply.body as { phase: string }).phase).toBe('assessed');
    expect((reply.body as Assessments).assessments).toEqual([]);
    expect(leaks(reply.body)).toEqual([]);
  });

  it('the as-of view carries none of it either', async () => {
    const reply = await get('besluit', `/api/cases/${high}?asOf=${encodeURIComponent(f.clock.now().toISOString())}`);
    expect(reply.status).toBe(200);
    expect((reply.body as Assessments).assessments).toEqual([]);
    expect(leaks(reply.body)).toEqual([]);
  });

  it('the timeline omits the AssessmentRecorded entries', async () => {
    const reply = await get('besluit', `/api/cases/${high}/timeline`);
    expect(reply.status).toBe(200);
    const types = (reply.body as { type: string }[]).map((e) => e.type);
    expect(types).toContain('TriageCompleted');
    expect(types).not.toContain('AssessmentRecorded');
  });

  it('the policy prefill gives no threat level or resistance facts', async () => {
    const reply = await get('besluit', `/api/cases/${high}/policy`);
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ threatLevel: null, ownResistance: null, employerMeasures: null, assessmentVersion: null });
  });

  it('the case list and the re-assessment list carry nothing of it', async () => {
    const list = await get('besluit', '/api/cases');
    expect(list.status).toBe(200);
    expect((list.body as { caseId: string }[]).map((c) => c.caseId)).toContain(high);
    expect(leaks(list.body)).toEqual([]);
    const due = await get('besluit', '/api/assessments/reassessment-due');
    expect((due.body as { caseIds: string[] }).caseIds).not.toContain(high);
  });

  it('the decision basis is withheld (404), also after a decision was proposed', async () => {
    const view = await get('besluit', `/api/cases/${high}`);
    const version = (view.body as { version: number }).version;
    // The latest recorded assessment is a legacy one (no stated duration): its six-month validity gives "short".
    const proposed = await f.api(await f.session('besluit'), 'POST', `/api/cases/${high}/decisions`, { expectedVersion: version, facts: samplePolicyFacts({ threatDuration: 'short' }), factOverrides: [], motivation: 'Zware weerstand nodig.', reviewDate: '2026-06-01' });
    expect(proposed.status).toBe(200);
    const after = await get('besluit', `/api/cases/${high}`);
    const decisionId = (after.body as { decision: { pending: { decisionId: string; basedOnAssessmentId: string } } }).decision.pending.decisionId;
    expect((after.body as Assessments).assessments).toEqual([]);
    expect(contentLeaks(after.body)).toEqual([]);
    const basis = await get('besluit', `/api/cases/${high}/assessment/decision-basis/${decisionId}`);
    expect(basis.status).toBe(404);
    expect(leaks(basis.body)).toEqual([]);
    const analist = await get('analist', `/api/cases/${high}/assessment/decision-basis/${decisionId}`);
    expect(analist.status).toBe(200);
    expect(analist.body).toMatchObject({ versionInEffect: 1 });
  });
});

describe('the threat analyst cleared for the DAF version', () => {
  it('sees the recorded version with its marking and threat level in the case and as-of views', async () => {
    for (const path of [`/api/cases/${high}`, `/api/cases/${high}?asOf=${encodeURIComponent(f.clock.now().toISOString())}`]) {
      const reply = await get('analist', path);
      expect(reply.status).toBe(200);
      const entries = (reply.body as Assessments).assessments!;
      expect(entries[0]).toMatchObject({ assessmentVersion: 1, classification: 'stg_top_secret', threatLevel: 'high', validUntil: '2026-09-01' });
      // The legacy entry is shown by its marking, never with the content it once copied.
      expect(entries[1]).toMatchObject({ assessmentVersion: null, classification: 'stg_top_secret', validUntil: '2026-08-01' });
      expect(entries[1]).not.toHaveProperty('threatLevel');
      expect(text(reply.body)).not.toContain(LEGACY_SUMMARY);
    }
  });

  it('sees the AssessmentRecorded entries in the timeline and the case in the re-assessment list', async () => {
    const timeline = await get('analist', `/api/cases/${high}/timeline`);
    expect((timeline.body as { type: string }[]).filter((e) => e.type === 'AssessmentRecorded')).toHaveLength(2);
    const due = await get('analist', '/api/assessments/reassessment-due');
    expect((due.body as { caseIds: string[] }).caseIds).toContain(high);
  });

  it('is not given the policy route: it is the decision maker’s', async () => {
    expect((await get('analist', `/api/cases/${high}/policy`)).status).toBe(404);
  });
});

describe('case and DAF version at the same marking: unchanged behaviour', () => {
  it('the decision maker sees the recorded version and its threat level in the case and as-of views', async () => {
    for (const path of [`/api/cases/${same}`, `/api/cases/${same}?asOf=${encodeURIComponent(f.clock.now().toISOString())}`]) {
      const reply = await get('besluit', path);
      const entries = (reply.body as Assessments).assessments!;
      expect(entries[0]).toMatchObject({ assessmentVersion: 1, classification: 'stg_secret', threatLevel: 'high' });
      expect(entries[1]).toMatchObject({ assessmentVersion: null, classification: 'stg_secret' });
      expect(text(reply.body)).not.toContain(LEGACY_SUMMARY);
      expect(text(reply.body)).not.toContain(LEGACY_SCENARIO);
    }
  });

  it('the timeline, policy prefill and re-assessment list include it', async () => {
    const timeline = await get('besluit', `/api/cases/${same}/timeline`);
    expect((timeline.body as { type: string }[]).filter((e) => e.type === 'AssessmentRecorded')).toHaveLength(2);
    const policy = await get('besluit', `/api/cases/${same}/policy`);
    expect(policy.body).toMatchObject({ threatLevel: 'high', ownResistance: 'partial', assessmentVersion: 1 });
    const due = await get('besluit', '/api/assessments/reassessment-due');
    expect((due.body as { caseIds: string[] }).caseIds).toContain(same);
  });
});
