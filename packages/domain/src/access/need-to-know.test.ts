/**
 * SECURITY TEST: need-to-know (ARCHITECTURE principle 2, DOMAIN §10).
 *
 * The expectations below are written out independently of the code under test: the capability
 * table, the release conditions and the classification order are restated here as the
 * specification, and the four conditions are combined plainly. A change to who may read what
 * must change this file too, on purpose.
 */
import { describe, expect, it } from 'vitest';
import type { CaseCommandType } from '../cases/case-commands';
import type { CaseEventType } from '../cases/case-events';
import { CLASSIFICATIONS, ORGANISATIONS, ROLES, type Classification, type Organisation, type Role } from '../shared/vocabulary';
import { CASE_SECTIONS, OVERSIGHT_ROLES, type CaseSection } from './capabilities';
import { EVENT_SECTION, mayIssueCommand, timelineSection, readableRecords, sectionRecord, visibleCaseIds, type AccessRecord, type AccessSubject } from './need-to-know';

// ----- The specification ------------------------------------------------------------------------

/** Lowest first (ABDO). */
const RANK: Record<Classification, number> = { unclassified: 0, dep_confidential: 1, stg_confidential: 2, stg_secret: 3, stg_top_secret: 4 };

const EXECUTION: CaseSection[] = ['summary', 'persons', 'measures', 'timeline'];
/** Executing units: the person's name and places come from the operational extract (issue 11). */
const UNIT: CaseSection[] = ['summary', 'measures'];
const EVERYTHING: CaseSection[] = ['summary', 'persons', 'intake', 'triage', 'assessment', 'decision', 'measures', 'team', 'timeline', 'agenda'];

/** Condition 1, capability: the sections a role may read at all. */
const SPEC_READABLE: Record<Role, CaseSection[]> = {
  triage_officer: ['summary', 'persons', 'intake', 'triage', 'measures', 'team', 'timeline'],
  threat_analyst: ['summary', 'persons', 'intake', 'triage', 'assessment', 'decision', 'team', 'timeline'],
  decision_maker: EVERYTHING,
  // The LCC plans from the person's agenda (issue 11); units get their posts' part through assignments.
  lcc_coordinator: [...EXECUTION, 'agenda'],
  police_team_lead: UNIT,
  kmar_team_lead: UNIT,
  liaison: ['summary', 'persons', 'decision', 'measures', 'timeline', 'agenda'],
  inspector: EVERYTHING,
  advisory_member: [],
  functional_admin: [],
  security_officer: [],
  // The OM reads who a case is about; its own content is in the coordination record (issue 14).
  om_prosecutor: ['summary', 'persons'],
};

/** Condition 2, membership or oversight. */
const SPEC_OVERSIGHT: Role[] = ['inspector'];

/** Conditions 3 and 4 per section: the classification floor and who the originator releases to. */
const NCTV_ONLY: Organisation[] = ['NCTV', 'NCTV_DAF', 'INSPECTORATE'];
const SPEC_SECTION: Record<CaseSection, { floor: Classification; originator: Organisation; releasedTo: Organisation[] | 'everyone' }> = {
  summary: { floor: 'unclassified', originator: 'NCTV', releasedTo: 'everyone' },
  persons: { floor: 'unclassified', originator: 'NCTV', releasedTo: 'everyone' },
  intake: { floor: 'dep_confidential', originator: 'NCTV', releasedTo: NCTV_ONLY },
  triage: { floor: 'dep_confidential', originator: 'NCTV', releasedTo: NCTV_ONLY },
  assessment: { floor: 'stg_confidential', originator: 'NCTV_DAF', releasedTo: NCTV_ONLY },
  decision: { floor: 'dep_confidential', originator: 'NCTV', releasedTo: NCTV_ONLY },
  measures: { floor: 'unclassified', originator: 'NCTV', releasedTo: 'everyone' },
  team: { floor: 'unclassified', originator: 'NCTV', releasedTo: 'everyone' },
  timeline: { floor: 'unclassified', originator: 'NCTV', releasedTo: 'everyone' },
  agenda: { floor: 'unclassified', originator: 'NCTV', releasedTo: 'everyone' },
};

/** Who may issue which command (the inspector and the advisory member never write). */
const SPEC_COMMANDS: Record<CaseCommandType, Role[]> = {
  RegisterCase: ['triage_officer'],
  AssignMember: ['triage_officer', 'decision_maker'],
  CompleteTriage: ['triage_officer'],
  RecordAssessment: ['threat_analyst'],
  ProposeDecision: ['decision_maker'],
  ApproveDecision: ['decision_maker'],
  RejectDecision: ['decision_maker'],
  EndCase: ['decision_maker'],
};

/** Each role's home organisation in practice (the demo accounts). */
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
const OTHER = 'case-2';
const member = new Set([CASE]);
const nobody = new Set<string>();

const subject = (role: Role, over: Partial<AccessSubject> = {}): AccessSubject => ({
  userId: `u-${role}`,
  roles: [role],
  organisation: HOME[role],
  clearance: 'stg_top_secret',
  ...over,
});

/** The expectation, from the four conditions written out one by one. */
function shouldRead(s: AccessSubject, r: AccessRecord, memberOf: ReadonlySet<string>): boolean {
  const capability = s.roles.some((role) => SPEC_READABLE[role].includes(r.section));
  const membershipOrOversight = memberOf.has(r.caseId) || s.roles.some((role) => SPEC_OVERSIGHT.includes(role));
  const clearance = RANK[s.clearance] >= RANK[r.classification];
  const release = r.releasableTo === undefined || r.releasableTo.includes(s.organisation);
  return capability && membershipOrOversight && clearance && release;
}

const reads = (s: AccessSubject, r: AccessRecord, memberOf: ReadonlySet<string>) => readableRecords(s, [r], memberOf).length === 1;
const sectionsReadable = (s: AccessSubject, caseClassification: Classification, memberOf: ReadonlySet<string>) =>
  readableRecords(
    s,
    CASE_SECTIONS.map((section) => sectionRecord(CASE, caseClassification, section)),
    memberOf,
  ).map((r) => r.section);

// ----- Tests ------------------------------------------------------------------------------------

describe('the vocabulary the specification is written in', () => {
  it('covers every role, section, classification and organisation of the code', () => {
    expect(Object.keys(SPEC_READABLE).sort()).toEqual([...ROLES].sort());
    expect(Object.keys(SPEC_SECTION).sort()).toEqual([...CASE_SECTIONS].sort());
    expect(Object.keys(RANK)).toEqual([...CLASSIFICATIONS]);
    expect(Object.keys(HOME).sort()).toEqual([...ROLES].sort());
    expect([...OVERSIGHT_ROLES]).toEqual(SPEC_OVERSIGHT);
  });
});

describe('sectionRecord: the marking of a section', () => {
  const cells = CASE_SECTIONS.flatMap((section) => CLASSIFICATIONS.map((classification) => ({ section, classification })));

  it.each(cells)('$section of a $classification case', ({ section, classification }) => {
    const spec = SPEC_SECTION[section];
    const record = sectionRecord(CASE, classification, section);
    const raised = RANK[classification] >= RANK[spec.floor] ? classification : spec.floor;
    expect(record.caseId).toBe(CASE);
    expect(record.section).toBe(section);
    expect(record.classification).toBe(raised);
    expect(RANK[record.classification]).toBeGreaterThanOrEqual(RANK[classification]);
    expect(record.originator).toBe(spec.originator);
    if (spec.releasedTo === 'everyone') expect(record.releasableTo).toBeUndefined();
    else expect([...(record.releasableTo ?? [])].sort()).toEqual([...spec.releasedTo].sort());
  });

  it('raises, never lowers: an unclassified case still has a stg_confidential assessment', () => {
    expect(sectionRecord(CASE, 'unclassified', 'assessment').classification).toBe('stg_confidential');
    expect(sectionRecord(CASE, 'stg_top_secret', 'assessment').classification).toBe('stg_top_secret');
    expect(sectionRecord(CASE, 'unclassified', 'intake').classification).toBe('dep_confidential');
    expect(sectionRecord(CASE, 'stg_secret', 'summary').classification).toBe('stg_secret');
  });
});

describe('readableRecords: all four conditions, for every combination', () => {
  it('role × organisation × clearance × member/non-member × case classification × section', () => {
    const mismatches: string[] = [];
    let cells = 0;
    let allowed = 0;
    for (const role of ROLES) {
      for (const organisation of ORGANISATIONS) {
        for (const clearance of CLASSIFICATIONS) {
          const s = subject(role, { organisation, clearance });
          for (const memberOf of [member, nobody]) {
            for (const caseClassification of CLASSIFICATIONS) {
              const records = CASE_SECTIONS.map((section) => sectionRecord(CASE, caseClassification, section));
              const got = new Set(readableRecords(s, records, memberOf));
              for (const r of records) {
                cells += 1;
                const want = shouldRead(s, r, memberOf);
                if (want) allowed += 1;
                if (got.has(r) !== want) {
                  mismatches.push(`${role}@${organisation} clearance=${clearance} member=${memberOf.size > 0} case=${caseClassification} ${r.section}: want ${want}`);
                }
              }
            }
          }
        }
      }
    }
    expect(mismatches).toEqual([]);
    expect(cells).toBe(ROLES.length * ORGANISATIONS.length * CLASSIFICATIONS.length * 2 * CLASSIFICATIONS.length * CASE_SECTIONS.length);
    // Not vacuous: both outcomes occur many times.
    expect(allowed).toBeGreaterThan(1000);
    expect(cells - allowed).toBeGreaterThan(1000);
  });

  it('each condition on its own can refuse (the others all hold)', () => {
    const analyst = subject('threat_analyst');
    const assessment = sectionRecord(CASE, 'stg_confidential', 'assessment');
    expect(reads(analyst, assessment, member)).toBe(true);
    // 1. capability: the triage officer's role does not read assessments.
    expect(reads(subject('triage_officer', { organisation: 'NCTV_DAF' }), assessment, member)).toBe(false);
    // 2. membership: not a member, no oversight.
    expect(reads(analyst, assessment, nobody)).toBe(false);
    expect(reads(analyst, assessment, new Set([OTHER]))).toBe(false);
    // 3. clearance below the classification.
    expect(reads(subject('threat_analyst', { clearance: 'dep_confidential' }), assessment, member)).toBe(false);
    // 4. originator release: the same person, working for the police.
    expect(reads(subject('threat_analyst', { organisation: 'POLICE' }), assessment, member)).toBe(false);
  });

  it('a record released to nobody is read by nobody, not even oversight', () => {
    const embargoed: AccessRecord = { caseId: CASE, section: 'summary', classification: 'unclassified', originator: 'NCTV_DAF', releasableTo: [] };
    for (const role of ROLES) expect(reads(subject(role), embargoed, member)).toBe(false);
  });

  it('is set-based: returns the allowed subset, in order, as the same objects, across cases', () => {
    const tagged = [
      { ...sectionRecord(CASE, 'dep_confidential', 'summary'), tag: 'a' },
      { ...sectionRecord(OTHER, 'dep_confidential', 'summary'), tag: 'b' },
      { ...sectionRecord(CASE, 'dep_confidential', 'assessment'), tag: 'c' },
      { ...sectionRecord(CASE, 'dep_confidential', 'measures'), tag: 'd' },
      { ...sectionRecord(CASE, 'stg_secret', 'timeline'), tag: 'e' },
    ];
    const police = subject('police_team_lead', { clearance: 'stg_confidential' });
    const got = readableRecords(police, tagged, member);
    expect(got.map((r) => r.tag)).toEqual(['a', 'd']);
    expect(got[0]).toBe(tagged[0]);
    expect(readableRecords(police, [], member)).toEqual([]);
  });

  it('a subject with several roles reads the union of their capabilities', () => {
    const both = subject('triage_officer', { roles: ['triage_officer', 'liaison'], organisation: 'NCTV' });
    expect(sectionsReadable(both, 'unclassified', member).sort()).toEqual(['agenda', 'decision', 'intake', 'measures', 'persons', 'summary', 'team', 'timeline', 'triage']);
  });
});

describe('must-hold facts', () => {
  const SENSITIVE: CaseSection[] = ['assessment', 'intake', 'triage', 'decision'];

  it.each(['police_team_lead', 'kmar_team_lead', 'lcc_coordinator'] as const)(
    '%s never reads assessment, intake, triage or decision (any organisation, top secret, member)',
    (role) => {
      for (const organisation of ORGANISATIONS) {
        for (const classification of CLASSIFICATIONS) {
          const readable = sectionsReadable(subject(role, { organisation }), classification, member);
          expect(readable.filter((s) => SENSITIVE.includes(s))).toEqual([]);
        }
      }
      // ... but does see the operational side of a case it works on.
      expect(sectionsReadable(subject(role, { clearance: 'stg_confidential' }), 'stg_confidential', member)).toEqual(SPEC_READABLE[role]);
    },
  );

  it.each(['advisory_member', 'functional_admin'] as const)('%s reads nothing, whatever the clearance, organisation or membership', (role) => {
    for (const organisation of ORGANISATIONS) {
      for (const memberOf of [member, nobody]) {
        expect(sectionsReadable(subject(role, { organisation }), 'unclassified', memberOf)).toEqual([]);
        expect(visibleCaseIds(subject(role, { organisation }), [{ caseId: CASE, classification: 'unclassified' }], memberOf).size).toBe(0);
      }
    }
  });

  it('the inspector reads every section without membership (up to clearance) but can issue no command', () => {
    const inspector = subject('inspector', { clearance: 'stg_secret' });
    expect(sectionsReadable(inspector, 'stg_secret', nobody)).toEqual([...CASE_SECTIONS]);
    expect(sectionsReadable(inspector, 'stg_top_secret', nobody)).toEqual([]);
    expect(visibleCaseIds(inspector, [{ caseId: CASE, classification: 'dep_confidential' }], nobody)).toEqual(new Set([CASE]));
    for (const command of Object.keys(SPEC_COMMANDS) as CaseCommandType[]) {
      const top = subject('inspector');
      expect(mayIssueCommand(top, command, { caseId: CASE, classification: 'unclassified' }, member)).toBe(false);
      expect(mayIssueCommand(top, command, undefined, member)).toBe(false);
    }
  });

  it('a non-member never reads anything, unless the role has oversight', () => {
    for (const role of ROLES) {
      for (const organisation of ORGANISATIONS) {
        const readable = sectionsReadable(subject(role, { organisation }), 'unclassified', new Set([OTHER]));
        if (SPEC_OVERSIGHT.includes(role)) continue;
        expect(readable, `${role}@${organisation}`).toEqual([]);
      }
    }
  });

  it('nobody reads above their clearance', () => {
    for (const role of ROLES) {
      for (const clearance of CLASSIFICATIONS) {
        const s = subject(role, { clearance });
        for (const caseClassification of CLASSIFICATIONS) {
          for (const r of readableRecords(s, CASE_SECTIONS.map((section) => sectionRecord(CASE, caseClassification, section)), member)) {
            expect(RANK[r.classification]).toBeLessThanOrEqual(RANK[clearance]);
          }
        }
      }
    }
  });

  it('visibleCaseIds: of the cases asked, those whose summary may be read', () => {
    const cases = [
      { caseId: CASE, classification: 'dep_confidential' as const },
      { caseId: OTHER, classification: 'dep_confidential' as const },
      { caseId: 'case-3', classification: 'stg_top_secret' as const },
    ];
    const liaison = subject('liaison', { clearance: 'dep_confidential' });
    expect(visibleCaseIds(liaison, cases, new Set([CASE, 'case-3']))).toEqual(new Set([CASE]));
    expect(visibleCaseIds(subject('inspector', { clearance: 'stg_secret' }), cases, nobody)).toEqual(new Set([CASE, OTHER]));
  });
});

describe('mayIssueCommand', () => {
  const commands = Object.keys(SPEC_COMMANDS) as CaseCommandType[];
  const cells = commands.flatMap((command) => ROLES.flatMap((role) => [true, false].map((isMember) => ({ command, role, isMember }))));

  it.each(cells)('$command by $role (member: $isMember)', ({ command, role, isMember }) => {
    const roleMay = SPEC_COMMANDS[command].includes(role);
    const memberOf = isMember ? member : nobody;
    const cleared = subject(role, { clearance: 'stg_secret' });
    const target = { caseId: CASE, classification: 'stg_confidential' as const };
    // On an existing case: the role, membership and clearance (oversight does not give write).
    expect(mayIssueCommand(cleared, command, target, memberOf)).toBe(roleMay && isMember);
    // Clearance below the case's classification: never.
    expect(mayIssueCommand(subject(role, { clearance: 'dep_confidential' }), command, target, memberOf)).toBe(false);
    // Without a case: only registering a new one, by a role that may.
    expect(mayIssueCommand(cleared, command, undefined, memberOf)).toBe(roleMay && command === 'RegisterCase');
  });

  it('nobody writes a section they may not read: an analyst below the assessment floor records no assessment', () => {
    const target = { caseId: CASE, classification: 'dep_confidential' as const };
    expect(mayIssueCommand(subject('threat_analyst', { clearance: 'dep_confidential' }), 'RecordAssessment', target, member)).toBe(false);
    expect(mayIssueCommand(subject('threat_analyst', { clearance: 'stg_confidential' }), 'RecordAssessment', target, member)).toBe(true);
    expect(mayIssueCommand(subject('decision_maker', { organisation: 'POLICE' }), 'ProposeDecision', target, member)).toBe(false);
  });

  it('membership of another case does not count', () => {
    expect(mayIssueCommand(subject('decision_maker'), 'ApproveDecision', { caseId: CASE, classification: 'unclassified' }, new Set([OTHER]))).toBe(false);
  });

  it('a second role adds its commands, but oversight never adds writing', () => {
    const s = subject('inspector', { roles: ['inspector', 'triage_officer'] });
    expect(mayIssueCommand(s, 'CompleteTriage', { caseId: CASE, classification: 'unclassified' }, member)).toBe(true);
    expect(mayIssueCommand(s, 'CompleteTriage', { caseId: CASE, classification: 'unclassified' }, nobody)).toBe(false);
    expect(mayIssueCommand(s, 'ApproveDecision', { caseId: CASE, classification: 'unclassified' }, member)).toBe(false);
  });
});

describe('EVENT_SECTION: the timeline shows only events of readable sections', () => {
  it('maps every event type, and intelligence-derived events to their protected sections', () => {
    const expected: Record<CaseEventType, CaseSection> = {
      CaseRegistered: 'intake',
      MemberAssigned: 'team',
      TriageCompleted: 'triage',
      AssessmentRecorded: 'assessment',
      DecisionProposed: 'decision',
      DecisionApproved: 'decision',
      DecisionRejected: 'decision',
      CaseEnded: 'summary',
    };
    expect(EVENT_SECTION).toEqual(expected);
  });

  it('an executing unit sees none of the registration, triage, assessment or decision events', () => {
    const police = subject('police_team_lead', { clearance: 'stg_confidential' });
    const visible = (Object.keys(EVENT_SECTION) as CaseEventType[]).filter((t) => reads(police, sectionRecord(CASE, 'dep_confidential', EVENT_SECTION[t]), member));
    expect(visible).toEqual(['CaseEnded']);
  });

  it('the approval that activates measures shows in the timeline of those who read measures, under "measures"', () => {
    const readable = (s: AccessSubject) =>
      new Set(readableRecords(s, CASE_SECTIONS.map((section) => sectionRecord(CASE, 'dep_confidential', section)), member).map((r) => r.section));
    const police = readable(subject('police_team_lead', { clearance: 'stg_confidential' }));
    const types = Object.keys(EVENT_SECTION) as CaseEventType[];
    expect(types.filter((t) => timelineSection(t, police) !== undefined)).toEqual(['DecisionApproved', 'CaseEnded']);
    expect(timelineSection('DecisionApproved', police)).toBe('measures');
    expect(timelineSection('DecisionApproved', readable(subject('decision_maker')))).toBe('decision');
    expect(timelineSection('AssessmentRecorded', police)).toBeUndefined();
  });
});
