/**
 * SECURITY TEST: need-to-know inside the DAF record (DOMAIN §4, §10; ARCHITECTURE principle 2).
 *
 * The expectations are written out independently of the code under test: who reaches the DAF at
 * all, which parts of an assessment each role reads, and to whom each originator release
 * condition releases content are restated here as the specification. A change to who may see
 * what must change this file too, on purpose.
 */
import { describe, expect, it } from 'vitest';
import { RELEASE_CONDITIONS, type ReleaseCondition } from '../assessment/information';
import { CLASSIFICATIONS, ORGANISATIONS, ROLES, type Classification, type Organisation, type Role } from '../shared/vocabulary';
import { ASSESSMENT_PARTS, dafRecordsOf, dafView, readableDafRecords, type AssessmentPart } from './daf-access';
import type { AccessSubject } from './need-to-know';

// ----- The specification ------------------------------------------------------------------------

const RANK: Record<Classification, number> = { unclassified: 0, dep_confidential: 1, stg_confidential: 2, stg_secret: 3, stg_top_secret: 4 };
/** Assessments are at least Stg. Confidentieel, whatever the case marking. */
const DAF_FLOOR: Classification = 'stg_confidential';

const ALL_PARTS: AssessmentPart[] = ['judgement', 'scenarios', 'assumptions', 'gaps', 'challenges', 'ratings'];
/** Parts per role: decision makers get what a decision needs, not the analysts' ratings. */
const SPEC_PARTS: Record<Role, AssessmentPart[]> = {
  triage_officer: [],
  threat_analyst: ALL_PARTS,
  decision_maker: ['judgement', 'scenarios', 'assumptions', 'gaps', 'challenges'],
  lcc_coordinator: [],
  police_team_lead: [],
  kmar_team_lead: [],
  liaison: [],
  inspector: ALL_PARTS,
  advisory_member: [],
  functional_admin: [],
  security_officer: [],
  om_prosecutor: [],
};
/** Roles that reach the DAF record at all (and so the gradings of items). */
const DAF_ROLES: Role[] = ['threat_analyst', 'decision_maker', 'inspector'];
/** The inspectorate supervises without being a case member. */
const OVERSIGHT: Role[] = ['inspector'];
/** Organisations the DAF section is released to. */
const DAF_ORGANISATIONS: Organisation[] = ['NCTV', 'NCTV_DAF', 'INSPECTORATE'];
/** Whose members may read the CONTENT of an item, per originator condition. */
const SPEC_RELEASE: Record<ReleaseCondition, Organisation[]> = {
  daf_only: ['NCTV_DAF'],
  daf_and_authority: ['NCTV_DAF', 'NCTV'],
  daf_authority_and_oversight: ['NCTV_DAF', 'NCTV', 'INSPECTORATE'],
};

const HOME: Record<Role, Organisation> = {
  triage_officer: 'NCTV',
  threat_analyst: 'NCTV_DAF',
  decision_maker: 'NCTV',
  lcc_coordinator: 'LCC',
  police_team_lead: 'POLICE',
  kmar_team_lead: 'KMAR',
  liaison: 'NCTV',
  inspector: 'INSPECTORATE',
  advisory_member: 'ADVISORY_BODY',
  functional_admin: 'NCTV',
  security_officer: 'NCTV',
  om_prosecutor: 'OM',
};

// ----- Helpers ----------------------------------------------------------------------------------

const CASE = 'case-1';
const max = (a: Classification, b: Classification) => (RANK[a] >= RANK[b] ? a : b);

const subject = (role: Role, clearance: Classification, organisation = HOME[role]): AccessSubject => ({ userId: `u-${role}`, roles: [role], organisation, clearance });

/** The expectation, from the conditions written out one by one. */
function expected(s: AccessSubject, member: boolean, assessment: Classification, item: { classification: Classification; condition: ReleaseCondition }) {
  const role = s.roles[0]!;
  const reachesDaf =
    DAF_ROLES.includes(role) &&
    (member || OVERSIGHT.includes(role)) &&
    RANK[s.clearance] >= RANK[max(assessment, DAF_FLOOR)] &&
    DAF_ORGANISATIONS.includes(s.organisation);
  const content = reachesDaf && RANK[s.clearance] >= RANK[item.classification] && SPEC_RELEASE[item.condition].includes(s.organisation);
  return { parts: reachesDaf ? SPEC_PARTS[role] : [], grading: reachesDaf, content };
}

function actual(s: AccessSubject, member: boolean, assessment: Classification, item: { classification: Classification; condition: ReleaseCondition }) {
  const view = dafView(s, CASE, assessment, [{ itemId: 'i', classification: item.classification, releaseCondition: item.condition }], new Set(member ? [CASE] : []));
  return { parts: view.parts, grading: view.gradedItemIds.includes('i'), content: view.contentItemIds.includes('i') };
}

// ----- Tests ------------------------------------------------------------------------------------

describe('the vocabulary the specification is written in', () => {
  it('covers every role, part, release condition and classification of the code', () => {
    expect(Object.keys(SPEC_PARTS).sort()).toEqual([...ROLES].sort());
    expect([...ASSESSMENT_PARTS].sort()).toEqual([...ALL_PARTS].sort());
    expect(Object.keys(SPEC_RELEASE).sort()).toEqual([...RELEASE_CONDITIONS].sort());
    expect(Object.keys(RANK)).toEqual([...CLASSIFICATIONS]);
  });
});

describe('access matrix: every role × product classification × originator condition', () => {
  const cells = ROLES.flatMap((role) => CLASSIFICATIONS.flatMap((classification) => RELEASE_CONDITIONS.map((condition) => ({ role, classification, condition }))));

  it.each(cells)('$role, $classification product, $condition', ({ role, classification, condition }) => {
    for (const clearance of CLASSIFICATIONS) {
      for (const member of [true, false]) {
        for (const assessment of ['stg_confidential', 'stg_secret'] as const) {
          const s = subject(role, clearance);
          const item = { classification, condition };
          expect(actual(s, member, assessment, item), `clearance ${clearance}, member ${member}, assessment ${assessment}`).toEqual(expected(s, member, assessment, item));
        }
      }
    }
  });
});

describe('organisation decides release, whatever the role', () => {
  const cells = DAF_ROLES.flatMap((role) => ORGANISATIONS.map((organisation) => ({ role, organisation })));

  it.each(cells)('$role from $organisation', ({ role, organisation }) => {
    for (const condition of RELEASE_CONDITIONS) {
      const s = subject(role, 'stg_top_secret', organisation);
      const item = { classification: 'stg_secret' as const, condition };
      expect(actual(s, true, 'stg_confidential', item)).toEqual(expected(s, true, 'stg_confidential', item));
    }
  });
});

describe('the cases the issue names, spelled out', () => {
  const aivd = [{ itemId: 'aivd-1', classification: 'stg_secret' as const, releaseCondition: 'daf_only' as const }];
  const police = [{ itemId: 'pol-1', classification: 'stg_confidential' as const, releaseCondition: 'daf_and_authority' as const }];
  const member = new Set([CASE]);

  it('the analyst sees the full assessment and the content of an AIVD product released to the DAF only', () => {
    expect(dafView(subject('threat_analyst', 'stg_secret'), CASE, 'stg_confidential', aivd, member)).toEqual({ parts: ALL_PARTS, gradedItemIds: ['aivd-1'], contentItemIds: ['aivd-1'], workInProgress: true });
  });

  it('the decision maker sees judgement, scenarios and the grading, not the AIVD content', () => {
    const view = dafView(subject('decision_maker', 'stg_top_secret'), CASE, 'stg_confidential', [...aivd, ...police], member);
    expect(view.parts).toEqual(['judgement', 'scenarios', 'assumptions', 'gaps', 'challenges']);
    expect(view.gradedItemIds).toEqual(['aivd-1', 'pol-1']);
    expect(view.contentItemIds).toEqual(['pol-1']);
    expect(view.workInProgress).toBe(false);
  });

  it('only analysts and oversight see versions that are not final yet', () => {
    const roles = ['threat_analyst', 'inspector', 'decision_maker'] as const;
    const seen = roles.map((role) => dafView(subject(role, 'stg_top_secret'), CASE, 'stg_confidential', police, member).workInProgress);
    expect(seen).toEqual([true, true, false]);
  });

  it.each(['lcc_coordinator', 'police_team_lead', 'kmar_team_lead', 'liaison', 'triage_officer'] as const)('%s sees nothing of the DAF, not even a police product', (role) => {
    expect(dafView(subject(role, 'stg_top_secret'), CASE, 'stg_confidential', [...aivd, ...police], member)).toEqual({ parts: [], gradedItemIds: [], contentItemIds: [], workInProgress: false });
  });

  it('an item never reads above the assessment it sits in', () => {
    const low = [{ itemId: 'soft-1', classification: 'dep_confidential' as const, releaseCondition: 'daf_and_authority' as const }];
    const records = dafRecordsOf(CASE, 'stg_secret', low);
    expect(records.find((r) => r.kind === 'content')?.classification).toBe('stg_secret');
    expect(readableDafRecords(subject('threat_analyst', 'stg_confidential'), records, member)).toEqual([]);
  });

  it('is set-based across cases: only the member case is read', () => {
    const records = [...dafRecordsOf(CASE, 'stg_confidential', police), ...dafRecordsOf('case-2', 'stg_confidential', police)];
    const readable = readableDafRecords(subject('decision_maker', 'stg_secret'), records, member);
    expect(new Set(readable.map((r) => r.caseId))).toEqual(new Set([CASE]));
    expect(readableDafRecords(subject('inspector', 'stg_secret'), records, new Set()).length).toBe(records.length - 2);
  });
});
