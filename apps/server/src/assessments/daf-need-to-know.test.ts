import { CLASSIFICATIONS, type Classification, type Organisation, type Role } from '@hoeder/domain';
import { auditEntriesFor, countAssessmentEvents } from '@hoeder/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, type DemoAccount } from '../demo/demo-accounts';
import { openHttpFixture, type HttpFixture } from '../testing/http-fixture';
import { sampleRegistration, userIdOf } from '../testing/service-fixture';
import { finaliseDafOverHttp } from './daf-http-flow';
import { completeContent, productInput, TEMPLATE_REF } from './daf-samples';
import { auditOfRequest, trackRequests, uncoveredRoutes } from '../testing/access-matrix';
import { assessment } from '@hoeder/domain';
import { randomUUID } from 'node:crypto';

/**
 * The DAF access matrix over HTTP: every demo account × item classification × originator release
 * condition. Expectations are written out here from DOMAIN §4/§10 and ADR 0006/0008, not derived
 * from the code; every product whose content is served must leave its own audit entry.
 */
const RELEASE: Record<string, readonly Organisation[]> = {
  daf_only: ['NCTV_DAF'],
  daf_and_authority: ['NCTV_DAF', 'NCTV'],
  daf_authority_and_oversight: ['NCTV_DAF', 'NCTV', 'INSPECTORATE'],
};
const ITEM_CLASSIFICATIONS: readonly Classification[] = ['dep_confidential', 'stg_confidential', 'stg_secret', 'stg_top_secret'];
const ALL_PARTS = ['judgement', 'scenarios', 'assumptions', 'gaps', 'challenges', 'ratings'];
/** Who reads the DAF at all, and which parts: the authority without the analysts' ratings. */
const PARTS_OF: Partial<Record<Role, readonly string[]>> = {
  threat_analyst: ALL_PARTS,
  inspector: ALL_PARTS,
  decision_maker: ALL_PARTS.filter((p) => p !== 'ratings'),
};
const DAF_ORGS: readonly Organisation[] = ['NCTV', 'NCTV_DAF', 'INSPECTORATE'];
/** The record is marked at least Stg. Confidentieel (section floor and the assessment's own marking). */
const RECORD_MARKING: Classification = 'stg_confidential';
const rank = (c: Classification) => CLASSIFICATIONS.indexOf(c);
const higher = (a: Classification, b: Classification) => (rank(a) >= rank(b) ? a : b);

/** Members of the case: everyone on the team except the inspector (oversight) and the roles outside it. */
const MEMBERS = ['triage', 'analist', 'analist2', 'besluit', 'besluit2', 'lcc', 'politie', 'kmar', 'liaison'];

function expectedParts(a: DemoAccount): readonly string[] {
  const role = a.roles[0]!;
  const parts = PARTS_OF[role];
  const member = MEMBERS.includes(a.username) || role === 'inspector';
  if (!parts || !member || !DAF_ORGS.includes(a.organisation) || rank(a.clearance) < rank(RECORD_MARKING)) return [];
  return parts;
}

interface MatrixItem {
  itemId: string;
  classification: Classification;
  releaseCondition: string;
}

function expectedContent(a: DemoAccount, items: readonly MatrixItem[]): string[] {
  if (expectedParts(a).length === 0) return [];
  return items
    .filter((i) => RELEASE[i.releaseCondition]!.includes(a.organisation) && rank(a.clearance) >= rank(higher(i.classification, RECORD_MARKING)))
    .map((i) => i.itemId)
    .sort();
}

let f: HttpFixture;
let seen: () => Set<string>;
let caseId: string;
const items: MatrixItem[] = [];

beforeAll(async () => {
  f = await openHttpFixture();
  seen = trackRequests(f);
  const triage = await f.session('triage');
  const reg = await f.api(triage, 'POST', '/api/cases', sampleRegistration({ classification: 'dep_confidential' }));
  caseId = (reg.body as { caseId: string }).caseId;
  let version = 1;
  const post = async (path: string, body: Record<string, unknown>) => {
    const r = await f.api(triage, 'POST', `/api/cases/${caseId}${path}`, { expectedVersion: version, ...body });
    if (r.status !== 200) throw new Error(`${path}: ${r.status} ${JSON.stringify(r.body)}`);
    version = (r.body as { version: number }).version;
  };
  for (const m of MEMBERS.filter((u) => u !== 'triage')) await post('/members', { userId: userIdOf(m) });
  await post('/triage', { facts: { phenomenon: 'organised_crime', onLimitedList: false, inWitnessProtectionTrack: false, ownResistanceSufficient: false }, outcome: 'national', motivation: 'Georganiseerde criminaliteit, nationaal.' });
  const today = f.clock.now().toISOString().slice(0, 10);
  const inputs = ITEM_CLASSIFICATIONS.flatMap((classification) =>
    Object.keys(RELEASE).map((releaseCondition) => ({ classification, releaseCondition, input: productInput(today, { classification, releaseCondition: releaseCondition as 'daf_only' }) })),
  );
  const { itemIds } = await finaliseDafOverHttp(f, caseId, { validUntil: '2026-09-01', items: inputs.map((i) => i.input), dissent: true });
  inputs.forEach((i, n) => items.push({ itemId: itemIds[n]!, classification: i.classification, releaseCondition: i.releaseCondition }));
}, 180_000);
afterAll(() => f.close());

const entriesOf = async (requestId: string) => (await auditEntriesFor(f.database.db, caseId)).filter((e) => e.traceId === requestId);

describe.each(DEMO_ACCOUNTS.map((a) => [a.username, a] as const))('DAF need-to-know for %s', (username, account) => {
  it('sees exactly the parts, gradings and product contents released to them; every product view is audited', async () => {
    const who = await f.session(username);
    const parts = expectedParts(account);
    const reply = await f.api(who, 'GET', `/api/cases/${caseId}/assessment`);
    const entries = await entriesOf(reply.requestId);
    if (parts.length === 0) {
      expect(reply.status).toBe(404);
      expect((reply.body as { error: { message: string } }).error.message).toBe('case not found');
      expect(entries).toMatchObject([{ operation: 'assessment.view', status: 'denied', userId: account.userId }]);
      return;
    }
    expect(reply.status).toBe(200);
    const body = reply.body as { parts: string[]; items: { itemId: string; released: boolean; content?: string; grading: unknown }[]; versions: { content: Record<string, unknown>; challenges?: { verdict: string }[] }[] };
    expect(body.parts).toEqual(parts);
    expect(body.items.map((i) => i.itemId).sort()).toEqual(items.map((i) => i.itemId).sort());
    const content = expectedContent(account, items);
    expect(body.items.filter((i) => i.released).map((i) => i.itemId).sort()).toEqual(content);
    for (const i of body.items) expect('content' in i).toBe(i.released);
    expect('ratings' in body.versions[0]!.content && body.versions[0]!.content.ratings !== undefined).toBe(parts.includes('ratings'));
    expect(body.versions[0]!.challenges?.map((c) => c.verdict)).toEqual(['dissent']);
    expect(entries.filter((e) => e.operation === 'assessment.view')).toMatchObject([{ status: 'ok', userId: account.userId }]);
    const viewed = entries.filter((e) => e.operation === 'assessment.item.view');
    expect(viewed.map((e) => e.objectId).sort()).toEqual(content);
    expect(JSON.stringify(viewed)).not.toContain('synthetisch');
  });

  it('may write only as a member analyst, on every DAF command route; others are refused and nothing is written', async () => {
    const who = await f.session(username);
    const before = await countAssessmentEvents(f.database.db);
    const today = f.clock.now().toISOString().slice(0, 10);
    const visible = expectedParts(account).length > 0;
    const mayWrite = visible && account.roles[0] === 'threat_analyst' && MEMBERS.includes(username);
    const stale = { expectedVersion: 999 };
    const commands: [string, Record<string, unknown>][] = [
      ['/items', { ...stale, item: productInput(today) }],
      ['/drafts', { ...stale, template: TEMPLATE_REF, classification: 'stg_confidential' }],
      ['/draft', { ...stale, content: completeContent(items.map((i) => i.itemId), today) }],
      ['/submit', stale],
      ['/challenges', { ...stale, verdict: 'agree', reasons: 'Oordeel volgt uit de bronnen.' }],
      ['/return-to-draft', { ...stale, reason: 'Herzien na nieuwe informatie.' }],
      ['/finalise', { ...stale, validUntil: '2026-10-01', expectedDuration: 'over_12_months' }],
      ['/assumption-tests', { ...stale, assumptionId: randomUUID(), outcome: assessment.ASSUMPTION_TEST_OUTCOMES[0], note: 'Getoetst.' }],
    ];
    for (const [path, body] of commands) {
      const reply = await f.api(who, 'POST', `/api/cases/${caseId}/assessment${path}`, body);
      expect({ path, status: reply.status }).toEqual({ path, status: !visible ? 404 : mayWrite ? 409 : 403 });
      expect(await entriesOf(reply.requestId)).toHaveLength(1);
    }
    expect(await countAssessmentEvents(f.database.db)).toBe(before);
    const compare = await f.api(who, 'GET', `/api/cases/${caseId}/assessment/compare?from=1&to=1`);
    expect(compare.status).toBe(visible ? 200 : 404);
  });

  it('reads the decision basis, the re-assessment list and the templates only as far as need-to-know allows; each read is audited', async () => {
    const who = await f.session(username);
    const visible = expectedParts(account).length > 0;
    const basis = await f.api(who, 'GET', `/api/cases/${caseId}/assessment/decision-basis/${randomUUID()}`);
    expect(basis.status).toBe(404);
    expect((basis.body as { error: { message: string } }).error.message).toBe(visible ? 'no such decision' : 'case not found');
    expect(await entriesOf(basis.requestId)).toMatchObject([{ operation: 'assessment.decision_basis', status: 'denied' }]);
    const due = await f.api(who, 'GET', '/api/assessments/reassessment-due');
    expect(due.status).toBe(200);
    expect(await auditOfRequest(f.database.db, due.requestId)).toMatchObject([{ operation: 'assessment.reassessment_list', status: 'ok' }]);
    expect((await f.api(who, 'GET', '/api/assessment-templates')).status).toBe(200);
  });
});

describe('without a session', () => {
  it('the DAF routes answer 401', async () => {
    expect((await f.api(null, 'GET', `/api/cases/${caseId}/assessment`)).status).toBe(401);
    expect((await f.api(null, 'POST', `/api/cases/${caseId}/assessment/items`, { expectedVersion: 0 })).status).toBe(401);
    expect((await f.api(null, 'GET', '/api/assessments/reassessment-due')).status).toBe(401);
  });
  it('the test clock does not exist unless explicitly enabled', async () => {
    const reply = await f.api(await f.session('analist'), 'POST', '/api/test/clock', { advanceDays: 10 });
    expect(reply.status).toBe(404);
  });
});

describe('the matrix', () => {
  it('requested every route the access-matrix table gives it (testing/access-matrix.ts)', () => {
    expect(uncoveredRoutes('assessments/daf-need-to-know.test.ts', seen())).toEqual([]);
  });
});
