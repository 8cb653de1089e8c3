import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DomainError, ErrorCode, Result } from '../shared/result';
import type { ThreatPhenomenon } from '../shared/vocabulary';
import type { TriageFacts } from '../triage/triage-rules';
import type { CaseCommand, CaseCommandType } from './case-commands';
import type { CaseEventBody, RecordedCaseEvent } from './case-events';
import { CASE_PHASES, projectCase, projectCaseAsOf, type CasePhase, type CaseState } from './case-state';
import { decideCase } from './case-workflow';
import { dafVersionMarking } from '../access/derived-marking';
import { proposePackage } from '../policy/propose';
import { baseFacts, bundledPolicy } from '../policy/test-fixtures';
import { decisionMeasures, type PolicyEvaluator } from './decision-policy';

const POLICY_2026 = await bundledPolicy('2026.1');
const EVALUATOR: PolicyEvaluator = {
  version: POLICY_2026.version,
  effectiveFrom: POLICY_2026.effectiveFrom,
  propose: (f) => proposePackage(POLICY_2026, f),
};

// ---------------------------------------------------------------------------------------------
// A tiny harness: a case is its event stream; every accepted command appends with the next
// version at an injected time. Nothing here reads the wall clock.
// ---------------------------------------------------------------------------------------------

const CASE_ID = 'case-1';
const T0 = '2026-03-02T09:00:00.000Z';
const TODAY = '2026-03-02';
const YESTERDAY = '2026-03-01';
const LATER = '2026-09-01';
const HOUR = 3_600_000;

const TRIAGE = 'u-triage';
const ANALYST = 'u-analyst';
const DM1 = 'u-dm1';
const DM2 = 'u-dm2';

const LONG = 'A written motivation of sufficient length.';

class Story {
  readonly events: RecordedCaseEvent[] = [];
  private clock = Date.parse(T0);

  get now(): string {
    return new Date(this.clock).toISOString();
  }

  get state(): CaseState | undefined {
    return projectCase(this.events);
  }

  /** The state, asserting that the case exists. */
  get current(): CaseState {
    const s = this.state;
    if (!s) throw new Error('no case yet');
    return s;
  }

  /** `policy: null` decides as if no policy version were in effect. */
  try(cmd: CaseCommand, actorId: string, policy: PolicyEvaluator | null = EVALUATOR): Result<CaseEventBody[]> {
    return decideCase(this.state, cmd, { actorId, now: this.now, policy: policy ?? undefined });
  }

  do(cmd: CaseCommand, actorId: string): this {
    const result = this.try(cmd, actorId);
    if (!result.ok) throw new Error(`fixture step ${cmd.type} refused: ${result.error.code} ${result.error.message}`);
    for (const body of result.value) {
      this.events.push({ caseId: CASE_ID, version: this.events.length + 1, body, actorId, actorRole: 'test', occurredAt: this.now });
    }
    this.clock += HOUR;
    return this;
  }
}

const facts = (over: Partial<TriageFacts> = {}): TriageFacts => ({
  phenomenon: 'organised_crime',
  onLimitedList: false,
  inWitnessProtectionTrack: false,
  ownResistanceSufficient: false,
  ...over,
});

const register = (over: Partial<Extract<CaseCommand, { type: 'RegisterCase' }>> = {}): CaseCommand => ({
  type: 'RegisterCase',
  reference: 'HOE-2026-0001',
  referralSource: 'public_prosecutor_transfer',
  referrerDescription: 'Transfer from the OM (synthetic)',
  reportedPhenomenon: 'organised_crime',
  firstInformation: 'Threat against a lawyer in a criminal trial (synthetic).',
  classification: 'dep_confidential',
  persons: [
    { personId: 'p-1', role: 'threatened_person', fullName: 'Jan Synthetisch' },
    { personId: 'p-2', role: 'household_member', fullName: 'Els Synthetisch', relation: 'partner', relationCode: 'partner' },
  ],
  ...over,
});

const triage = (over: Partial<Extract<CaseCommand, { type: 'CompleteTriage' }>> = {}): CaseCommand => ({
  type: 'CompleteTriage',
  facts: facts(),
  outcome: 'national',
  motivation: LONG,
  ...over,
});

const assess = (assessmentId = 'a-1', over: Partial<Extract<CaseCommand, { type: 'RecordAssessment' }>> = {}): CaseCommand => ({
  type: 'RecordAssessment',
  assessmentId,
  assessmentVersion: 1,
  marking: dafVersionMarking('stg_secret'),
  validUntil: LATER,
  ...over,
});

const propose = (decisionId = 'd-1', over: Partial<Extract<CaseCommand, { type: 'ProposeDecision' }>> = {}): CaseCommand => ({
  type: 'ProposeDecision',
  decisionId,
  facts: baseFacts(),
  factOverrides: [],
  motivation: LONG,
  reviewDate: LATER,
  ...over,
});

const approve = (decisionId = 'd-1', note = 'Agreed.'): CaseCommand => ({ type: 'ApproveDecision', decisionId, note });
const reject = (decisionId = 'd-1', reason = 'The package does not fit the scenarios.'): CaseCommand => ({ type: 'RejectDecision', decisionId, reason });
const end = (reason = 'Threat removed after conviction.'): CaseCommand => ({ type: 'EndCase', reason });

/** A case brought into each phase through the workflow itself (never by hand-written state). */
const inPhase: Record<CasePhase, () => Story> = {
  registered: () => new Story().do(register(), TRIAGE),
  in_assessment: () => inPhase.registered().do(triage(), TRIAGE),
  handed_off: () =>
    inPhase.registered().do(triage({ facts: facts({ phenomenon: 'stalking' }), outcome: 'local_domain', handOffTo: 'mayor', handOffNote: 'Mayor informed.' }), TRIAGE),
  closed_advice: () => inPhase.registered().do(triage({ facts: facts({ ownResistanceSufficient: true }), outcome: 'not_eligible' }), TRIAGE),
  assessed: () => inPhase.in_assessment().do(assess(), ANALYST),
  decision_pending_approval: () => inPhase.assessed().do(propose(), DM1),
  measures_active: () => inPhase.decision_pending_approval().do(approve(), DM2),
  ended: () => inPhase.measures_active().do(end(), DM1),
};

function refusal(result: Result<unknown>): DomainError {
  if (result.ok) throw new Error(`expected a refusal, got ${JSON.stringify(result.value)}`);
  return result.error;
}

function accepted(result: Result<CaseEventBody[]>): CaseEventBody[] {
  if (!result.ok) throw new Error(`expected acceptance, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** A refusal carries a code, a message, and leaves the given state exactly as it was. */
function expectRefused(story: Story, cmd: CaseCommand, actorId: string, code: ErrorCode): DomainError {
  const before = structuredClone(story.state);
  const error = refusal(story.try(cmd, actorId));
  expect(error.code).toBe(code);
  expect(error.message.length).toBeGreaterThan(0);
  expect(story.state).toEqual(before);
  return error;
}

afterEach(() => {
  vi.useRealTimers();
});

// The lifecycle written out as the specification (independent of ALLOWED_IN in the code).
const SPEC_ALLOWED: Record<Exclude<CaseCommandType, 'RegisterCase'>, readonly CasePhase[]> = {
  AssignMember: ['registered', 'in_assessment', 'assessed', 'decision_pending_approval', 'measures_active'],
  CompleteTriage: ['registered'],
  RecordAssessment: ['in_assessment', 'assessed', 'measures_active'],
  ProposeDecision: ['assessed', 'measures_active'],
  ApproveDecision: ['decision_pending_approval'],
  RejectDecision: ['decision_pending_approval'],
  EndCase: ['in_assessment', 'assessed', 'measures_active'],
};

/** A command of this type that is valid in content, so only the phase can refuse it. */
function validCommand(type: Exclude<CaseCommandType, 'RegisterCase'>, state: CaseState): CaseCommand {
  const pending = state.pendingDecision?.decisionId ?? 'd-1';
  switch (type) {
    case 'AssignMember':
      return { type, userId: 'u-new-member' };
    case 'CompleteTriage':
      return triage();
    case 'RecordAssessment':
      return assess('a-new');
    case 'ProposeDecision':
      return propose('d-new');
    case 'ApproveDecision':
      return approve(pending);
    case 'RejectDecision':
      return reject(pending);
    case 'EndCase':
      return end();
  }
}

describe('the lifecycle table: which command is allowed in which phase', () => {
  const cells = CASE_PHASES.flatMap((phase) => (Object.keys(SPEC_ALLOWED) as (keyof typeof SPEC_ALLOWED)[]).map((type) => ({ phase, type })));

  it.each(cells)('$type in $phase', ({ phase, type }) => {
    const story = inPhase[phase]();
    expect(story.current.phase).toBe(phase);
    // DM2 never proposed anything, so four-eyes cannot be the reason for a refusal here.
    const cmd = validCommand(type, story.current);
    if (SPEC_ALLOWED[type].includes(phase)) {
      expect(accepted(story.try(cmd, DM2))).toHaveLength(1);
    } else {
      const error = expectRefused(story, cmd, DM2, 'INVALID_TRANSITION');
      expect(error.details).toEqual({ phase });
    }
  });

  it.each(CASE_PHASES)('RegisterCase on an existing case in %s is an INVALID_TRANSITION', (phase) => {
    expectRefused(inPhase[phase](), register(), TRIAGE, 'INVALID_TRANSITION');
  });

  it.each(Object.keys(SPEC_ALLOWED) as (keyof typeof SPEC_ALLOWED)[])('%s on a case that does not exist is NOT_FOUND', (type) => {
    const error = refusal(decideCase(undefined, validCommand(type, inPhase.registered().current), { actorId: DM2, now: T0 }));
    expect(error.code).toBe('NOT_FOUND');
  });
});

describe('RegisterCase', () => {
  it('registers the case with its persons; the registering officer becomes the first member', () => {
    const story = new Story();
    const events = accepted(story.try(register(), TRIAGE));
    expect(events).toEqual([{ type: 'CaseRegistered', ...withoutType(register()) }]);
    story.do(register(), TRIAGE);
    const s = story.current;
    expect(s).toMatchObject({
      caseId: CASE_ID,
      version: 1,
      phase: 'registered',
      reference: 'HOE-2026-0001',
      classification: 'dep_confidential',
      registeredBy: TRIAGE,
      registeredAt: T0,
      memberIds: [TRIAGE],
      assessments: [],
      rejectedDecisions: [],
      updatedAt: T0,
    });
    expect(s.persons).toHaveLength(2);
    expect(s.triage).toBeUndefined();
  });

  it.each([
    ['no persons at all', []],
    ['only household members', [{ personId: 'p-2', role: 'household_member' as const, fullName: 'Els Synthetisch' }]],
  ])('refuses a case with %s: VALIDATION_FAILED on persons', (_label, persons) => {
    const error = expectRefused(new Story(), register({ persons }), TRIAGE, 'VALIDATION_FAILED');
    expect(error.details).toEqual({ field: 'persons' });
  });
});

describe('AssignMember', () => {
  it('adds a member once; assigning an existing member is accepted without an event', () => {
    const story = inPhase.in_assessment();
    expect(accepted(story.try({ type: 'AssignMember', userId: ANALYST }, TRIAGE))).toEqual([{ type: 'MemberAssigned', userId: ANALYST }]);
    story.do({ type: 'AssignMember', userId: ANALYST }, TRIAGE);
    expect(story.current.memberIds).toEqual([TRIAGE, ANALYST]);
    expect(accepted(story.try({ type: 'AssignMember', userId: ANALYST }, TRIAGE))).toEqual([]);
    expect(accepted(story.try({ type: 'AssignMember', userId: TRIAGE }, TRIAGE))).toEqual([]);
  });
});

describe('CompleteTriage', () => {
  it('national: records ruleset version, recommendation and fired rule; the case goes to assessment', () => {
    const story = inPhase.registered();
    const events = accepted(story.try(triage({ motivation: `   ${LONG}   ` }), TRIAGE));
    expect(events).toEqual([
      {
        type: 'TriageCompleted',
        outcome: 'national',
        phenomenon: 'organised_crime',
        motivation: LONG,
        rulesetVersion: 'triage-2025.1',
        recommendedOutcome: 'national',
        firedRules: ['TR-NATIONAL-PHENOMENON'],
        handOff: undefined,
      },
    ]);
    story.do(triage(), TRIAGE);
    expect(story.current.phase).toBe('in_assessment');
    expect(story.current.triage).toMatchObject({ outcome: 'national', triagedBy: TRIAGE, triagedAt: story.events[1]?.occurredAt });
  });

  it('limited list: national authority, to assessment, even for a phenomenon outside the four', () => {
    const story = inPhase.registered().do(triage({ facts: facts({ phenomenon: 'other', onLimitedList: true }), outcome: 'limited_list' }), TRIAGE);
    expect(story.current.phase).toBe('in_assessment');
    expect(story.current.triage).toMatchObject({ recommendedOutcome: 'limited_list', firedRules: ['TR-LIMITED-LIST'] });
  });

  it('not eligible: closed with advice', () => {
    const story = inPhase.registered().do(triage({ facts: facts({ ownResistanceSufficient: true }), outcome: 'not_eligible' }), TRIAGE);
    expect(story.current.phase).toBe('closed_advice');
    expect(story.current.triage?.handOff).toBeUndefined();
  });

  it('the officer may deviate from the recommendation; both are recorded', () => {
    const story = inPhase.registered().do(triage({ outcome: 'not_eligible' }), TRIAGE);
    expect(story.current.triage).toMatchObject({ outcome: 'not_eligible', recommendedOutcome: 'national' });
  });

  it.each(['organised_crime', 'terrorism', 'state_actor', 'radicalised_loner'] as const)('national is allowed for %s', (phenomenon) => {
    expect(accepted(inPhase.registered().try(triage({ facts: facts({ phenomenon }) }), TRIAGE))).toHaveLength(1);
  });

  it.each(['relational_violence', 'stalking', 'honour_related_violence', 'other'] as const)(
    'national for %s (outside the four phenomena) is a RULE_VIOLATION',
    (phenomenon: ThreatPhenomenon) => {
      const error = expectRefused(inPhase.registered(), triage({ facts: facts({ phenomenon }) }), TRIAGE, 'RULE_VIOLATION');
      expect(error.details).toEqual({ rulesetVersion: 'triage-2025.1' });
    },
  );

  describe('hand-off to the local domain', () => {
    it.each(['mayor', 'chief_prosecutor'] as const)('names the %s and records the trimmed note', (to) => {
      const story = inPhase.registered();
      const cmd = triage({ facts: facts({ phenomenon: 'stalking' }), outcome: 'local_domain', handOffTo: to, handOffNote: '  Triangle informed.  ' });
      const [event] = accepted(story.try(cmd, TRIAGE));
      expect(event).toMatchObject({ outcome: 'local_domain', recommendedOutcome: 'local_domain', firedRules: ['TR-LOCAL-DOMAIN'] });
      expect(event).toMatchObject({ handOff: { to, recordedNote: 'Triangle informed.' } });
      story.do(cmd, TRIAGE);
      expect(story.current.phase).toBe('handed_off');
      expect(story.current.triage?.handOff).toEqual({ to, recordedNote: 'Triangle informed.' });
    });

    it.each([
      ['no authority named', { handOffNote: 'Mayor informed.' }],
      ['no note', { handOffTo: 'mayor' as const }],
      ['a blank note', { handOffTo: 'mayor' as const, handOffNote: '   ' }],
    ])('is refused with %s: VALIDATION_FAILED', (_label, over) => {
      const error = expectRefused(
        inPhase.registered(),
        triage({ facts: facts({ phenomenon: 'stalking' }), outcome: 'local_domain', ...over }),
        TRIAGE,
        'VALIDATION_FAILED',
      );
      expect(error.details).toEqual({ field: 'handOffTo' });
    });
  });

  describe('hand-off to witness protection', () => {
    it('goes to the witness-protection team with the note; a named local authority is ignored', () => {
      const story = inPhase.registered();
      const cmd = triage({
        facts: facts({ inWitnessProtectionTrack: true }),
        outcome: 'witness_protection',
        handOffTo: 'mayor',
        handOffNote: ' OM informed. ',
      });
      story.do(cmd, TRIAGE);
      expect(story.current.phase).toBe('handed_off');
      expect(story.current.triage).toMatchObject({
        recommendedOutcome: 'witness_protection',
        firedRules: ['TR-WITNESS-PROTECTION'],
        handOff: { to: 'witness_protection_team', recordedNote: 'OM informed.' },
      });
    });

    it.each([undefined, '', '  '])('without a note (%j) is VALIDATION_FAILED on handOffNote', (handOffNote) => {
      const error = expectRefused(
        inPhase.registered(),
        triage({ facts: facts({ inWitnessProtectionTrack: true }), outcome: 'witness_protection', handOffNote }),
        TRIAGE,
        'VALIDATION_FAILED',
      );
      expect(error.details).toEqual({ field: 'handOffNote' });
    });
  });

  it('a non-hand-off outcome records no hand-off even when one is filled in', () => {
    const story = inPhase.registered().do(triage({ handOffTo: 'mayor', handOffNote: 'ignored' }), TRIAGE);
    expect(story.current.triage?.handOff).toBeUndefined();
  });

  it.each(['', 'too short', '   123456789   '])('a motivation shorter than 10 characters (%j) is VALIDATION_FAILED', (motivation) => {
    const error = expectRefused(inPhase.registered(), triage({ motivation }), TRIAGE, 'VALIDATION_FAILED');
    expect(error.details).toEqual({ field: 'motivation' });
  });

  it('a motivation of exactly 10 characters after trimming is enough', () => {
    expect(accepted(inPhase.registered().try(triage({ motivation: ' 1234567890 ' }), TRIAGE))).toHaveLength(1);
  });

  it('before any ruleset is in effect, triage is a RULE_VIOLATION (time is injected)', () => {
    const state = inPhase.registered().current;
    const error = refusal(decideCase(state, triage(), { actorId: TRIAGE, now: '2024-12-31T12:00:00.000Z' }));
    expect(error.code).toBe('RULE_VIOLATION');
    expect(accepted(decideCase(state, triage(), { actorId: TRIAGE, now: '2025-01-01T00:00:00.000Z' }))).toHaveLength(1);
  });
});

describe('RecordAssessment', () => {
  it('the first assessment moves the case to assessed; the event holds the reference and marking, no content', () => {
    const story = inPhase.in_assessment();
    const [event] = accepted(story.try(assess('a-1'), ANALYST));
    expect(event).toEqual({ ...assess('a-1'), type: 'AssessmentRecorded' });
    expect(Object.keys(event!).sort()).toEqual(['assessmentId', 'assessmentVersion', 'marking', 'type', 'validUntil']);
    story.do(assess(), ANALYST);
    expect(story.current.phase).toBe('assessed');
    expect(story.current.assessments).toEqual([{ ...withoutType(assess()), recordedBy: ANALYST, recordedAt: story.events[2]?.occurredAt }]);
  });

  it('a re-assessment is appended and keeps the phase (assessed, measures_active)', () => {
    const assessed = inPhase.assessed().do(assess('a-2'), ANALYST);
    expect(assessed.current.phase).toBe('assessed');
    expect(assessed.current.assessments.map((a) => a.assessmentId)).toEqual(['a-1', 'a-2']);
    const active = inPhase.measures_active().do(assess('a-2'), ANALYST);
    expect(active.current.phase).toBe('measures_active');
    expect(active.current.activeDecision?.basedOnAssessmentId).toBe('a-1');
  });

  it('the same assessment id twice is an INVALID_TRANSITION', () => {
    expectRefused(inPhase.assessed(), assess('a-1'), ANALYST, 'INVALID_TRANSITION');
  });

  it.each([0, -1, 1.5])('a DAF version number %s is VALIDATION_FAILED', (assessmentVersion) => {
    const error = expectRefused(inPhase.in_assessment(), assess('a-1', { assessmentVersion }), ANALYST, 'VALIDATION_FAILED');
    expect(error.details).toEqual({ field: 'assessmentVersion' });
  });

  it.each([YESTERDAY, TODAY, '2020-01-01'])('validity ending on %s (not after today) is VALIDATION_FAILED', (validUntil) => {
    const error = expectRefused(inPhase.in_assessment(), assess('a-1', { validUntil }), ANALYST, 'VALIDATION_FAILED');
    expect(error.details).toEqual({ field: 'validUntil' });
  });

  it('validity ending tomorrow is accepted', () => {
    expect(accepted(inPhase.in_assessment().try(assess('a-1', { validUntil: '2026-03-03' }), ANALYST))).toHaveLength(1);
  });
});

describe('ProposeDecision', () => {
  const proposedEvent = (story: Story) => story.events.findLast((e) => e.body.type === 'DecisionProposed')?.body as Extract<CaseEventBody, { type: 'DecisionProposed' }>;

  it('proposes on the latest assessment, records the policy, and waits for a second decision maker', () => {
    const story = inPhase.assessed().do(assess('a-2'), ANALYST);
    const [event] = accepted(story.try(propose('d-1', { motivation: `  ${LONG}  ` }), DM1));
    const expected = proposePackage(POLICY_2026, baseFacts());
    if (!expected.ok) throw new Error('policy fixture');
    expect(event).toMatchObject({ type: 'DecisionProposed', decisionId: 'd-1', resistanceLevel: 'R3', motivation: LONG, reviewDate: LATER, basedOnAssessmentId: 'a-2' });
    const record = event?.type === 'DecisionProposed' ? event.policy : undefined;
    expect(record?.policyVersion).toBe('2026.1');
    expect(record?.facts).toEqual(baseFacts());
    expect(record?.proposal.measures).toEqual(expected.value.measures);
    expect(record?.chosen).toEqual(record?.proposal);
    expect(record?.deviation).toBeNull();
    expect(record?.explanation.decisions.some((d) => d.firedRules.length > 0)).toBe(true);
    story.do(propose(), DM1);
    expect(story.current.phase).toBe('decision_pending_approval');
    expect(story.current.pendingDecision).toMatchObject({ decisionId: 'd-1', basedOnAssessmentId: 'a-2', proposedBy: DM1, policy: record });
    expect(story.current.activeDecision).toBeUndefined();
  });

  it('equal facts give an equal proposal under the same policy version', () => {
    const one = accepted(inPhase.assessed().try(propose('d-1'), DM1))[0];
    const two = accepted(inPhase.assessed().try(propose('d-9', { facts: baseFacts() }), DM2))[0];
    const policyOf = (e: CaseEventBody | undefined) => (e?.type === 'DecisionProposed' ? e.policy : undefined);
    expect(policyOf(one)?.proposal).toEqual(policyOf(two)?.proposal);
    expect(policyOf(one)?.explanation).toEqual(policyOf(two)?.explanation);
  });

  it('without a policy in effect no decision can be proposed', () => {
    expect(refusal(inPhase.assessed().try(propose(), DM1, null)).code).toBe('RULE_VIOLATION');
  });

  it('facts the policy does not accept are VALIDATION_FAILED on facts', () => {
    const bad = propose('d-1', { facts: baseFacts({ phenomenon: 'stalking' as never }) });
    expect(expectRefused(inPhase.assessed(), bad, DM1, 'VALIDATION_FAILED').details).toMatchObject({ field: 'facts' });
  });

  it('the review date defaults from the chosen review period', () => {
    const [event] = accepted(inPhase.assessed().try(propose('d-1', { reviewDate: undefined }), DM1));
    expect(event).toMatchObject({ reviewDate: '2026-09-02' });
  });

  describe('deviation', () => {
    const proposal = () => {
      const p = proposePackage(POLICY_2026, baseFacts());
      if (!p.ok) throw new Error('policy fixture');
      return { resistanceLevel: p.value.resistanceLevel, measures: p.value.measures, careModules: p.value.careModules, reviewPeriodMonths: p.value.reviewPeriodMonths };
    };
    const heavier = () => ({ ...proposal(), resistanceLevel: 'R4' as const, measures: { ...proposal().measures, home: [...proposal().measures.home, 'static_guard_home'] } });

    it.each([undefined, '', '  short  '])('a deviation without a written motivation (%j) is VALIDATION_FAILED on deviationMotivation', (deviationMotivation) => {
      const error = expectRefused(inPhase.assessed(), propose('d-1', { offered: heavier(), deviationMotivation }), DM1, 'VALIDATION_FAILED');
      expect(error.details).toEqual({ field: 'deviationMotivation' });
    });

    it('a level change alone is a deviation too', () => {
      const cmd = propose('d-1', { offered: { ...proposal(), resistanceLevel: 'R2' } });
      expectRefused(inPhase.assessed(), cmd, DM1, 'VALIDATION_FAILED');
    });

    it('a motivated deviation records what changed; the chosen package becomes active on approval', () => {
      const story = inPhase.assessed().do(propose('d-1', { offered: heavier(), deviationMotivation: '  Recent incident at the home address.  ' }), DM1);
      const record = proposedEvent(story).policy;
      expect(record?.deviation).toMatchObject({
        deviates: true,
        motivation: 'Recent incident at the home address.',
        addedMeasures: [{ domain: 'home', measure: 'static_guard_home' }],
        droppedMeasures: [],
        resistanceLevel: { proposed: 'R3', offered: 'R4' },
      });
      expect(proposedEvent(story).resistanceLevel).toBe('R4');
      story.do(approve(), DM2);
      expect(decisionMeasures(story.current.activeDecision!)).toContainEqual({ domain: 'home', measure: 'static_guard_home' });
    });

    it('an offer equal to the proposal is no deviation and needs no deviation motivation', () => {
      const [event] = accepted(inPhase.assessed().try(propose('d-1', { offered: proposal() }), DM1));
      expect(event?.type === 'DecisionProposed' && event.policy?.deviation).toBeNull();
    });

    it('unknown measure codes in an offer are VALIDATION_FAILED', () => {
      const offered = { ...proposal(), measures: { ...proposal().measures, home: ['moat_with_crocodiles'] } };
      expectRefused(inPhase.assessed(), propose('d-1', { offered, deviationMotivation: LONG }), DM1, 'VALIDATION_FAILED');
    });
  });

  it.each(['', 'ok', '    short '])('a motivation shorter than 10 characters (%j) is VALIDATION_FAILED', (motivation) => {
    const error = expectRefused(inPhase.assessed(), propose('d-1', { motivation }), DM1, 'VALIDATION_FAILED');
    expect(error.details).toEqual({ field: 'motivation' });
  });

  it.each([YESTERDAY, TODAY, '2025-12-31'])('a review date of %s (not in the future) is VALIDATION_FAILED', (reviewDate) => {
    const error = expectRefused(inPhase.assessed(), propose('d-1', { reviewDate }), DM1, 'VALIDATION_FAILED');
    expect(error.details).toEqual({ field: 'reviewDate' });
  });

  it('dates are judged against the injected time, never the wall clock', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2099-01-01T00:00:00.000Z'));
    expect(accepted(inPhase.assessed().try(propose('d-1', { reviewDate: '2026-03-03' }), DM1))).toHaveLength(1);
    vi.setSystemTime(new Date('2000-01-01T00:00:00.000Z'));
    expectRefused(inPhase.assessed(), propose('d-1', { reviewDate: YESTERDAY }), DM1, 'VALIDATION_FAILED');
  });

  it('a decision id that was used before (rejected or active) cannot be proposed again', () => {
    // Decisions are immutable documents: one id names one decision in the history.
    const rejected = inPhase.decision_pending_approval().do(reject(), DM2);
    expectRefused(rejected, propose('d-1'), DM1, 'INVALID_TRANSITION');
    expectRefused(inPhase.measures_active(), propose('d-1'), DM1, 'INVALID_TRANSITION');
  });

  it('the id of a superseded decision cannot be proposed again, and the superseded one stays in the history', () => {
    const story = inPhase.measures_active().do(propose('d-2'), DM2).do(approve('d-2'), DM1);
    expectRefused(story, propose('d-1'), DM1, 'INVALID_TRANSITION');
    expect(story.current.supersededDecisions.map((d) => d.decisionId)).toEqual(['d-1']);
  });
});

describe('ApproveDecision (four eyes)', () => {
  it('a second decision maker approves: measures become active', () => {
    const story = inPhase.decision_pending_approval();
    expect(accepted(story.try(approve('d-1', '  Agreed.  '), DM2))).toEqual([{ type: 'DecisionApproved', decisionId: 'd-1', note: 'Agreed.' }]);
    story.do(approve(), DM2);
    const s = story.current;
    expect(s.phase).toBe('measures_active');
    expect(s.pendingDecision).toBeUndefined();
    const { type: _t, ...proposed } = story.events[3]!.body;
    expect(s.activeDecision).toEqual({
      ...proposed,
      proposedBy: DM1,
      approvedBy: DM2,
      approvedAt: story.events.at(-1)?.occurredAt,
    });
  });

  it('the proposer cannot approve the own proposal: FOUR_EYES_VIOLATION', () => {
    expectRefused(inPhase.decision_pending_approval(), approve(), DM1, 'FOUR_EYES_VIOLATION');
  });

  it('an unknown pending decision is NOT_FOUND (checked before four eyes)', () => {
    expectRefused(inPhase.decision_pending_approval(), approve('d-unknown'), DM2, 'NOT_FOUND');
    expectRefused(inPhase.decision_pending_approval(), approve('d-unknown'), DM1, 'NOT_FOUND');
  });

  it('approving a re-decision replaces the active decision', () => {
    const story = inPhase.measures_active().do(propose('d-2', { facts: baseFacts({ threatLevel: 'very_high' }) }), DM2).do(approve('d-2'), DM1);
    expect(story.current.phase).toBe('measures_active');
    expect(story.current.activeDecision).toMatchObject({ decisionId: 'd-2', proposedBy: DM2, approvedBy: DM1 });
  });
});

describe('RejectDecision', () => {
  it('rejection returns the case to assessed and keeps the rejected proposal in the record', () => {
    const story = inPhase.decision_pending_approval();
    expect(accepted(story.try(reject('d-1', '  Package too light for the scenarios.  '), DM2))).toEqual([
      { type: 'DecisionRejected', decisionId: 'd-1', reason: 'Package too light for the scenarios.' },
    ]);
    story.do(reject(), DM2);
    const s = story.current;
    expect(s.phase).toBe('assessed');
    expect(s.pendingDecision).toBeUndefined();
    expect(s.activeDecision).toBeUndefined();
    const { type: _t, ...proposed } = story.events[3]!.body;
    expect(s.rejectedDecisions).toEqual([{ ...proposed, proposedBy: DM1, rejectedBy: DM2, reason: 'The package does not fit the scenarios.' }]);
    // ... and a new proposal can follow.
    story.do(propose('d-2'), DM2);
    expect(story.current.phase).toBe('decision_pending_approval');
  });

  it('rejecting a re-decision keeps the earlier decision active (measures_active)', () => {
    const story = inPhase.measures_active().do(propose('d-2', { facts: baseFacts({ threatLevel: 'very_high' }) }), DM2).do(reject('d-2'), DM1);
    expect(story.current.phase).toBe('measures_active');
    expect(story.current.activeDecision).toMatchObject({ decisionId: 'd-1', approvedBy: DM2 });
    expect(story.current.rejectedDecisions.map((d) => d.decisionId)).toEqual(['d-2']);
  });

  it('the proposer cannot reject the own proposal either: FOUR_EYES_VIOLATION', () => {
    expectRefused(inPhase.decision_pending_approval(), reject(), DM1, 'FOUR_EYES_VIOLATION');
  });

  it('an unknown pending decision is NOT_FOUND', () => {
    expectRefused(inPhase.decision_pending_approval(), reject('d-unknown'), DM2, 'NOT_FOUND');
  });

  it.each(['', 'no', '    nine     '])('a reason shorter than 10 characters (%j) is VALIDATION_FAILED', (reason) => {
    const error = expectRefused(inPhase.decision_pending_approval(), reject('d-1', reason), DM2, 'VALIDATION_FAILED');
    expect(error.details).toEqual({ field: 'reason' });
  });
});

describe('EndCase', () => {
  it.each(['in_assessment', 'assessed', 'measures_active'] as const)('ends a case in %s with the trimmed reason', (phase) => {
    const story = inPhase[phase]();
    expect(accepted(story.try(end('  Threat removed after conviction.  '), DM1))).toEqual([{ type: 'CaseEnded', reason: 'Threat removed after conviction.' }]);
    story.do(end(), DM1);
    expect(story.current.phase).toBe('ended');
    expect(story.current.endedReason).toBe('Threat removed after conviction.');
  });

  it.each(['', 'done', '   over    '])('a reason shorter than 10 characters (%j) is VALIDATION_FAILED', (reason) => {
    const error = expectRefused(inPhase.measures_active(), end(reason), DM1, 'VALIDATION_FAILED');
    expect(error.details).toEqual({ field: 'reason' });
  });
});

describe('projection', () => {
  it('a full story projects to version n with updatedAt of the last event', () => {
    const story = inPhase.ended();
    const s = story.current;
    expect(story.events.map((e) => e.version)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(s.version).toBe(6);
    expect(s.updatedAt).toBe(story.events[5]?.occurredAt);
    expect(s.activeDecision?.decisionId).toBe('d-1');
  });

  it('as of a past moment: only events that had happened by then', () => {
    const story = inPhase.measures_active();
    const at = (i: number) => story.events[i]?.occurredAt ?? '';
    expect(projectCaseAsOf(story.events, '2026-03-02T08:59:59.999Z')).toBeUndefined();
    expect(projectCaseAsOf(story.events, at(0))?.phase).toBe('registered');
    // Between the proposal and the approval: pending, not yet active.
    const between = new Date(Date.parse(at(3)) + 1).toISOString();
    expect(projectCaseAsOf(story.events, between)).toEqual(projectCase(story.events.slice(0, 4)));
    expect(projectCaseAsOf(story.events, between)?.phase).toBe('decision_pending_approval');
    expect(projectCaseAsOf(story.events, '2030-01-01T00:00:00.000Z')).toEqual(story.current);
  });

  it('a stream must start with CaseRegistered', () => {
    const story = inPhase.in_assessment();
    expect(() => projectCase(story.events.slice(1))).toThrow(/CaseRegistered/);
    expect(() => projectCase([story.events[0]!, story.events[0]!])).toThrow(/start a stream/);
  });
});

function withoutType<T extends { type: string }>(cmd: T): Omit<T, 'type'> {
  const { type: _t, ...rest } = cmd;
  return rest;
}

describe('offerable vocabulary', () => {
  it('lists exactly the codes the policy labels, so a deviation can offer every measure the policy knows', async () => {
    const { MEASURE_LABELS_NL, CARE_MODULE_LABELS_NL } = await import('../policy/measures');
    const { OFFERABLE_MEASURES, OFFERABLE_CARE_MODULES } = await import('./decision-policy');
    expect(Object.values(OFFERABLE_MEASURES).flat().sort()).toEqual(Object.keys(MEASURE_LABELS_NL).sort());
    expect([...OFFERABLE_CARE_MODULES].sort()).toEqual(Object.keys(CARE_MODULE_LABELS_NL).sort());
  });
});
