import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { ErrorCode } from '../shared/result';
import {
  CLASSIFICATIONS,
  LOCAL_AUTHORITIES,
  RESISTANCE_LEVELS,
  THREAT_LEVELS,
  THREAT_PHENOMENA,
  TRIAGE_OUTCOMES,
  type TriageOutcome,
} from '../shared/vocabulary';
import type { CaseCommand, CaseCommandType } from './case-commands';
import type { RecordedCaseEvent } from './case-events';
import { CASE_PHASES, projectCase, projectCaseAsOf, type CasePhase, type CaseState } from './case-state';
import { decideCase } from './case-workflow';
import { dafVersionMarking } from '../access/derived-marking';
import type { PolicyEvaluator } from './decision-policy';
import { proposePackage, type CaseFacts } from '../policy/propose';
import { baseFacts, bundledPolicy } from '../policy/test-fixtures';

/*
 * Random command sequences against the lifecycle, applied with decideCase and projected with
 * projectCase. Each step is plain data (actor, clock advance, raw fields) so fast-check prints and
 * shrinks readable counterexamples; which command a step becomes is decided against the current
 * phase: mostly one the lifecycle allows (so sequences get deep), sometimes any command at all (so
 * every phase also meets commands it must refuse). Fields come from small pools: often valid, often
 * just invalid enough to exercise every refusal. An afterAll guard checks that the runs really
 * visited every phase and every kind of refusal, so the properties cannot pass vacuously.
 */

const T0 = Date.parse('2026-03-02T09:00:00.000Z');
const CASE_ID = 'case-prop';
const ACTORS = ['u-anna', 'u-bram', 'u-cees'] as const;
const DECISION_IDS = ['d-1', 'd-2', 'd-3'] as const;
const ASSESSMENT_IDS = ['a-1', 'a-2', 'a-3'] as const;
/** Facts variants for a proposal; NO-POLICY: no policy in effect; BAD-FACTS: a phenomenon the policy refuses. */
const PACKAGES = ['low', 'medium', 'high', 'very_high', 'NO-POLICY', 'BAD-FACTS'] as const;
const LONG = 'A written text that is long enough.';
/** Symbolic ids, resolved against the state when the command is made: "the pending one", "a new one". */
const PENDING = '@pending';
const FRESH = '@fresh';
/** Threat levels with the resistance level the policy gives them (so the offer accepts the proposal). */
const FITTING = [
  ['low', 'R1'],
  ['medium', 'R2'],
  ['high', 'R3'],
  ['very_high', 'R4'],
] as const;

/** The real policy, memoised per facts: the property runs many proposals with few distinct facts. */
const POLICY = await bundledPolicy('2026.1');
const proposals = new Map<string, ReturnType<typeof proposePackage>>();
const EVALUATOR: PolicyEvaluator = {
  version: POLICY.version,
  effectiveFrom: POLICY.effectiveFrom,
  propose: (facts) => {
    const key = JSON.stringify(facts);
    if (!proposals.has(key)) proposals.set(key, proposePackage(POLICY, facts));
    return proposals.get(key)!;
  },
};

/** Mostly valid texts, sometimes too short (the minimum is 10 characters after trimming). */
const text = fc.oneof(
  { weight: 4, arbitrary: fc.constant(LONG) },
  { weight: 1, arbitrary: fc.constantFrom('', 'short', '  123456789  ', ' 1234567890 ') },
);
/** Dates relative to "now" in days: mostly in the future, sometimes today or in the past. */
const days = fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 1, max: 400 }) }, { weight: 1, arbitrary: fc.integer({ min: -30, max: 0 }) });
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 3 });

const ALL_TYPES: readonly CaseCommandType[] = [
  'RegisterCase',
  'AssignMember',
  'CompleteTriage',
  'RecordAssessment',
  'ProposeDecision',
  'ApproveDecision',
  'RejectDecision',
  'EndCase',
];

/** Following the lifecycle, ending a case or adding a member is rarer, so sequences get deep. */
const WEIGHTED_TYPES: readonly CaseCommandType[] = ALL_TYPES.flatMap((t) => Array<CaseCommandType>(t === 'EndCase' || t === 'AssignMember' ? 1 : 4).fill(t));

/** The raw material of one command; which command it becomes is decided per step (see `Step`). */
interface Fields {
  withThreatenedPerson: boolean;
  classification: (typeof CLASSIFICATIONS)[number];
  userId: string;
  phenomenon: (typeof THREAT_PHENOMENA)[number];
  onLimitedList: boolean;
  inWitnessProtectionTrack: boolean;
  ownResistanceSufficient: boolean;
  outcome: TriageOutcome;
  handOffTo: (typeof LOCAL_AUTHORITIES)[number] | undefined;
  handOffNote: string | undefined;
  assessmentId: string;
  validInDays: number;
  /** A pool id (so re-use is tried) or FRESH: an id this case has not seen. */
  proposalId: string;
  choice: readonly [string, (typeof RESISTANCE_LEVELS)[number]];
  reviewInDays: number;
  /** PENDING (the pending decision, if any) or a pool id. */
  targetDecisionId: string;
  note: string;
  /** Motivation, summary or reason, whichever the command needs. */
  text: string;
}

interface Step {
  actor: string;
  /** The clock moves forward before every command, refused or not. */
  advanceSeconds: number;
  /**
   * Mostly a command the lifecycle allows in the current phase (so sequences get deep), sometimes
   * any command at all (so every phase also meets commands it must refuse).
   */
  followLifecycle: boolean;
  pick: number;
  fields: Fields;
}

const weighted = <T>(often: fc.Arbitrary<T>, sometimes: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 3, arbitrary: often }, { weight: 1, arbitrary: sometimes });

const fieldsArb: fc.Arbitrary<Fields> = fc.record({
  withThreatenedPerson: weighted(fc.constant(true), fc.constant(false)),
  classification: fc.constantFrom(...CLASSIFICATIONS),
  userId: fc.constantFrom(...ACTORS, 'u-dirk'),
  phenomenon: fc.constantFrom(...THREAT_PHENOMENA),
  onLimitedList: fc.boolean(),
  inWitnessProtectionTrack: fc.boolean(),
  ownResistanceSufficient: fc.boolean(),
  outcome: fc.constantFrom(...TRIAGE_OUTCOMES, 'national', 'limited_list'),
  handOffTo: maybe(fc.constantFrom(...LOCAL_AUTHORITIES)),
  handOffNote: weighted(fc.constant('Triangle informed.'), fc.constantFrom(undefined, '  ', '')),
  assessmentId: fc.constantFrom(...ASSESSMENT_IDS),
  validInDays: days,
  proposalId: weighted(fc.constant(FRESH), fc.constantFrom(...DECISION_IDS)),
  choice: weighted<Fields['choice']>(fc.constantFrom(...FITTING), fc.tuple(fc.constantFrom(...PACKAGES), fc.constantFrom(...RESISTANCE_LEVELS))),
  reviewInDays: days,
  targetDecisionId: weighted(fc.constant(PENDING), fc.constantFrom(...DECISION_IDS)),
  note: fc.constantFrom('', 'Agreed.'),
  text,
});

const stepArb: fc.Arbitrary<Step> = fc.record({
  actor: fc.constantFrom(...ACTORS),
  advanceSeconds: fc.integer({ min: 1, max: 2 * 86_400 }),
  followLifecycle: weighted(fc.constant(true), fc.constant(false)),
  pick: fc.nat({ max: 63 }),
  fields: fieldsArb,
});

const scenarioArb = fc.array(stepArb, { minLength: 1, maxLength: 40, size: 'max' });

const dateIn = (now: number, d: number) => new Date(now + d * 86_400_000).toISOString().slice(0, 10);

const proposalFacts = (variant: string): CaseFacts =>
  baseFacts(variant === 'BAD-FACTS' ? { phenomenon: 'stalking' as never } : { threatLevel: (THREAT_LEVELS as readonly string[]).includes(variant) ? (variant as CaseFacts['threatLevel']) : 'high' });
const offerAt = (level: (typeof RESISTANCE_LEVELS)[number]) => ({
  resistanceLevel: level,
  measures: { general: ['inform_and_advise'], home: ['security_advice_home'], work: [], transport: [], private: [] },
  careModules: ['care_person'],
  reviewPeriodMonths: 6,
});

/** The command a step makes in the given state. */
function commandFor(step: Step, now: number, state: CaseState | undefined): CaseCommand {
  const allowed = state ? WEIGHTED_TYPES.filter((t) => t !== 'RegisterCase' && SPEC_ALLOWED[t].includes(state.phase)) : ['RegisterCase' as const];
  const types = step.followLifecycle && allowed.length > 0 ? allowed : ALL_TYPES;
  const type = types[step.pick % types.length]!;
  const f = step.fields;
  switch (type) {
    case 'RegisterCase':
      return {
        type,
        reference: 'HOE-PROP-1',
        referralSource: 'police_unit',
        referrerDescription: 'Police unit (synthetic)',
        reportedPhenomenon: 'organised_crime',
        firstInformation: 'Synthetic first information.',
        classification: f.classification,
        persons: [
          ...(f.withThreatenedPerson ? [{ personId: 'p-1', role: 'threatened_person' as const, fullName: 'Synthetic Person' }] : []),
          { personId: 'p-2', role: 'household_member', fullName: 'Synthetic Partner' },
        ],
      };
    case 'AssignMember':
      return { type, userId: f.userId };
    case 'CompleteTriage':
      return {
        type,
        facts: { phenomenon: f.phenomenon, onLimitedList: f.onLimitedList, inWitnessProtectionTrack: f.inWitnessProtectionTrack, ownResistanceSufficient: f.ownResistanceSufficient },
        outcome: f.outcome,
        motivation: f.text,
        handOffTo: f.handOffTo,
        handOffNote: f.handOffNote,
      };
    case 'RecordAssessment':
      return { type, assessmentId: f.assessmentId, assessmentVersion: 1, marking: dafVersionMarking('stg_confidential'), validUntil: dateIn(now, f.validInDays) };
    case 'ProposeDecision':
      return {
        type,
        decisionId: f.proposalId === FRESH ? `d-v${state?.version ?? 0}` : f.proposalId,
        facts: proposalFacts(f.choice[0]),
        factOverrides: [],
        // An offer at another level than the policy's is a deviation, motivated by the (random) text.
        ...(FITTING.some(([l, r]) => l === f.choice[0] && r === f.choice[1]) ? {} : { offered: offerAt(f.choice[1]), deviationMotivation: f.text }),
        motivation: f.text,
        reviewDate: dateIn(now, f.reviewInDays),
      };
    case 'ApproveDecision':
    case 'RejectDecision': {
      const decisionId = f.targetDecisionId === PENDING ? (state?.pendingDecision?.decisionId ?? 'd-1') : f.targetDecisionId;
      return type === 'ApproveDecision' ? { type, decisionId, note: f.note } : { type, decisionId, reason: f.text };
    }
    case 'EndCase':
      return { type, reason: f.text };
  }
}

// ----- The specification, written out independently of the code ---------------------------------

const SPEC_ALLOWED: Record<Exclude<CaseCommandType, 'RegisterCase'>, readonly CasePhase[]> = {
  AssignMember: ['registered', 'in_assessment', 'assessed', 'decision_pending_approval', 'measures_active'],
  CompleteTriage: ['registered'],
  RecordAssessment: ['in_assessment', 'assessed', 'measures_active'],
  ProposeDecision: ['assessed', 'measures_active'],
  ApproveDecision: ['decision_pending_approval'],
  RejectDecision: ['decision_pending_approval'],
  EndCase: ['in_assessment', 'assessed', 'measures_active'],
};

const REFUSAL_CODES: readonly ErrorCode[] = ['VALIDATION_FAILED', 'NOT_FOUND', 'INVALID_TRANSITION', 'FOUR_EYES_VIOLATION', 'RULE_VIOLATION'];

/**
 * An independent model of the case: what each event must do to the essentials. Folding events
 * through this model step by step must agree with `projectCase` on the whole stream.
 */
interface Model {
  version: number;
  phase: CasePhase;
  members: string[];
  triageOutcome: TriageOutcome | undefined;
  assessments: string[];
  pending: { id: string; proposedBy: string } | undefined;
  active: { id: string; proposedBy: string; approvedBy: string } | undefined;
  rejected: string[];
  ended: boolean;
  updatedAt: string;
}

const AFTER_TRIAGE: Record<TriageOutcome, CasePhase> = {
  national: 'in_assessment',
  limited_list: 'in_assessment',
  local_domain: 'handed_off',
  witness_protection: 'handed_off',
  not_eligible: 'closed_advice',
};

function modelStep(m: Model | undefined, e: RecordedCaseEvent): Model {
  const b = e.body;
  if (!m) {
    expect(b.type).toBe('CaseRegistered');
    return {
      version: e.version,
      phase: 'registered',
      members: [e.actorId],
      triageOutcome: undefined,
      assessments: [],
      pending: undefined,
      active: undefined,
      rejected: [],
      ended: false,
      updatedAt: e.occurredAt,
    };
  }
  const next: Model = { ...m, version: e.version, updatedAt: e.occurredAt };
  switch (b.type) {
    case 'CaseRegistered':
      throw new Error('CaseRegistered after the start of the stream');
    case 'MemberAssigned':
      return { ...next, members: m.members.includes(b.userId) ? m.members : [...m.members, b.userId] };
    case 'TriageCompleted':
      return { ...next, phase: AFTER_TRIAGE[b.outcome], triageOutcome: b.outcome };
    case 'AssessmentRecorded':
      return { ...next, phase: m.phase === 'in_assessment' ? 'assessed' : m.phase, assessments: [...m.assessments, b.assessmentId] };
    case 'DecisionProposed':
      return { ...next, phase: 'decision_pending_approval', pending: { id: b.decisionId, proposedBy: e.actorId } };
    case 'DecisionApproved':
      if (!m.pending) throw new Error('approval without a pending decision');
      return { ...next, phase: 'measures_active', pending: undefined, active: { ...m.pending, approvedBy: e.actorId } };
    case 'DecisionRejected':
      return { ...next, phase: m.active ? 'measures_active' : 'assessed', pending: undefined, rejected: [...m.rejected, b.decisionId] };
    case 'CaseEnded':
      return { ...next, phase: 'ended', ended: true };
  }
}

const essentials = (s: CaseState): Model => ({
  version: s.version,
  phase: s.phase,
  members: s.memberIds,
  triageOutcome: s.triage?.outcome,
  assessments: s.assessments.map((a) => a.assessmentId),
  pending: s.pendingDecision && { id: s.pendingDecision.decisionId, proposedBy: s.pendingDecision.proposedBy },
  active: s.activeDecision && { id: s.activeDecision.decisionId, proposedBy: s.activeDecision.proposedBy, approvedBy: s.activeDecision.approvedBy ?? '(none)' },
  rejected: s.rejectedDecisions.map((d) => d.decisionId),
  ended: s.endedReason !== undefined,
  updatedAt: s.updatedAt,
});

/** Fails with the message (cheap enough for the inner loop, unlike a chain of `expect`s). */
function check(condition: boolean, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

/** Deep equality with `toEqual` semantics and a readable diff, fast on the common (equal) path. */
function same(actual: unknown, expected: unknown, what: string): void {
  if (!isDeepStrictEqual(actual, expected)) expect(actual, what).toEqual(expected);
}

const IN_SCOPE = ['organised_crime', 'terrorism', 'state_actor', 'radicalised_loner'];

/** Invariants (a): no sequence of commands reaches a state that should not exist. */
function checkInvariants(s: CaseState, events: readonly RecordedCaseEvent[], proposerOf: ReadonlyMap<string, string>): void {
  const last = events.at(-1)!;
  const where = `after v${s.version} ${last.body.type} in phase ${s.phase}`;
  check(CASE_PHASES.includes(s.phase), `unknown phase ${where}`);
  check(last.version === events.length && s.version === events.length, `version is not the number of events ${where}`);
  check(s.updatedAt === last.occurredAt, `updatedAt is not the last event time ${where}`);

  check((s.phase === 'decision_pending_approval') === (s.pendingDecision !== undefined), `pending decision iff pending phase ${where}`);
  if (s.phase === 'measures_active') {
    check(s.activeDecision !== undefined, `measures_active without an active decision ${where}`);
    check(s.activeDecision.approvedBy !== undefined && s.activeDecision.approvedAt !== undefined, `active decision not approved ${where}`);
  }
  if (s.activeDecision) check(s.activeDecision.approvedBy !== s.activeDecision.proposedBy, `decision approved by its proposer ${where}`);
  check((s.phase === 'registered') === (s.triage === undefined), `triage recorded iff past registration ${where}`);
  if (s.phase === 'handed_off') check(!!s.triage?.handOff?.recordedNote.trim(), `hand-off without a note ${where}`);
  if (s.phase === 'closed_advice') check(s.triage?.outcome === 'not_eligible', `closed with advice without not_eligible ${where}`);
  if (s.triage?.outcome === 'national') check(IN_SCOPE.includes(s.triage.phenomenon), `national outside the four phenomena ${where}`);
  if (s.assessments.length > 0) check(s.triage?.outcome === 'national' || s.triage?.outcome === 'limited_list', `assessment without national authority ${where}`);
  const assessmentIds = s.assessments.map((a) => a.assessmentId);
  check(new Set(assessmentIds).size === assessmentIds.length, `an assessment id recorded twice ${where}`);
  for (const d of [s.pendingDecision, s.activeDecision, ...s.rejectedDecisions]) {
    if (d) check(assessmentIds.includes(d.basedOnAssessmentId), `decision ${d.decisionId} on an unknown assessment ${where}`);
  }
  check(s.memberIds.includes(s.registeredBy) && new Set(s.memberIds).size === s.memberIds.length, `members ${where}`);
  if (s.phase === 'ended') check((s.endedReason?.trim().length ?? 0) >= 10, `ended without a reason ${where}`);

  // In the stream itself: every approval or rejection is by someone other than the proposer.
  if (last.body.type === 'DecisionApproved' || last.body.type === 'DecisionRejected') {
    const proposer = proposerOf.get(last.body.decisionId);
    check(proposer !== undefined && proposer !== last.actorId, `four eyes broken ${where}`);
  }
}

interface Run {
  events: RecordedCaseEvent[];
  /** Snapshot of the state after each event (index k: after k+1 events). */
  snapshots: CaseState[];
  /** The independent model after each event. */
  models: Model[];
}

const seenPhases = new Set<CasePhase>();
const seenRefusals = new Set<string>();

/** Applies the steps via decideCase, appending accepted events; `thorough` adds the checks of (a). */
function play(steps: readonly Step[], thorough: boolean): Run {
  const events: RecordedCaseEvent[] = [];
  const snapshots: CaseState[] = [];
  const models: Model[] = [];
  const proposerOf = new Map<string, string>();
  let clock = T0;
  let model: Model | undefined;
  let state: CaseState | undefined;
  for (const step of steps) {
    clock += step.advanceSeconds * 1000;
    const now = new Date(clock).toISOString();
    const cmd = commandFor(step, clock, state);
    const ctx = { actorId: step.actor, now, policy: step.fields.choice[0] === 'NO-POLICY' ? undefined : EVALUATOR };
    const before = thorough ? structuredClone(state) : undefined;
    const result = decideCase(state, cmd, ctx);
    if (thorough) {
      // decideCase is pure: it leaves the state it was given alone, and answers the same twice.
      same(state, before, 'decideCase changed its input');
      same(decideCase(state, cmd, ctx), result, 'decideCase is not deterministic');
    }

    if (!result.ok) {
      // A refused command changes nothing: no events, so the case projects exactly as before.
      check(REFUSAL_CODES.includes(result.error.code), `unexpected code ${result.error.code}`);
      seenRefusals.add(`${cmd.type}:${result.error.code}`);
      if (thorough) same(projectCase(events), before, 'a refusal changed the state');
      continue;
    }
    if (cmd.type === 'RegisterCase') check(state === undefined, 'registered twice');
    else check(state !== undefined && SPEC_ALLOWED[cmd.type].includes(state.phase), `${cmd.type} accepted in phase ${state?.phase}`);
    check(result.value.length <= 1, 'more than one event for one command');
    if (cmd.type === 'ProposeDecision' && state) {
      const known = [state.activeDecision, state.pendingDecision, ...state.rejectedDecisions].map((d) => d?.decisionId);
      check(!known.includes(cmd.decisionId), `decision id ${cmd.decisionId} proposed again`);
    }
    for (const body of result.value) {
      const event: RecordedCaseEvent = { caseId: CASE_ID, version: events.length + 1, body, actorId: step.actor, actorRole: 'test', occurredAt: now };
      events.push(event);
      if (body.type === 'DecisionProposed') proposerOf.set(body.decisionId, step.actor);
      model = modelStep(model, event);
      models.push(model);
      state = projectCase(events);
      check(state !== undefined, 'a non-empty stream projects to a case');
      snapshots.push(structuredClone(state));
      seenPhases.add(state.phase);
      if (thorough) checkInvariants(state, events, proposerOf);
    }
  }
  return { events, snapshots, models };
}

describe('case lifecycle under random command sequences', () => {
  const numRuns = 300;

  it('(a) never reaches an invalid state, and refusals change nothing', () => {
    fc.assert(
      fc.property(scenarioArb, (steps) => {
        play(steps, true);
      }),
      { numRuns },
    );
  });

  it('(b) projecting the whole stream equals folding it step by step', () => {
    fc.assert(
      fc.property(scenarioArb, (steps) => {
        const { events, snapshots, models } = play(steps, false);
        const whole = projectCase(events);
        if (events.length === 0) {
          expect(whole).toBeUndefined();
          return;
        }
        // The state after each step is what re-projecting that prefix gives now (no aliasing) and
        // agrees with the independent model folded event by event ...
        for (let k = 1; k <= events.length; k += 1) {
          const prefix = projectCase(events.slice(0, k))!;
          same(prefix, snapshots[k - 1], `prefix of ${k} events`);
          same(essentials(prefix), models[k - 1], `model after ${k} events`);
        }
        // ... and the whole stream projects to the state after the last step.
        same(whole, snapshots.at(-1), 'whole stream');
      }),
      { numRuns },
    );
  });

  it('(c) the case as of the time of event k equals the projection of the first k events', () => {
    fc.assert(
      fc.property(scenarioArb, (steps) => {
        const { events, snapshots } = play(steps, false);
        if (events.length === 0) return;
        const t = (k: number) => Date.parse(events[k - 1]!.occurredAt);
        expect(projectCaseAsOf(events, new Date(t(1) - 1).toISOString())).toBeUndefined();
        for (let k = 1; k <= events.length; k += 1) {
          same(projectCaseAsOf(events, events[k - 1]!.occurredAt), snapshots[k - 1], `as of event ${k}`);
          // Any moment before the next event gives the same answer.
          same(projectCaseAsOf(events, new Date(t(k) + 1).toISOString()), snapshots[k - 1], `just after event ${k}`);
        }
      }),
      { numRuns },
    );
  });

  afterAll(() => {
    if (seenPhases.size === 0) return; // the properties were filtered out of this run
    // Guard against a vacuous generator: the random sequences really visited every phase and
    // produced every kind of refusal.
    expect([...seenPhases].sort()).toEqual([...CASE_PHASES].sort());
    for (const code of [
      'RegisterCase:VALIDATION_FAILED',
      'RegisterCase:INVALID_TRANSITION',
      'CompleteTriage:RULE_VIOLATION',
      'CompleteTriage:VALIDATION_FAILED',
      'RecordAssessment:VALIDATION_FAILED',
      'RecordAssessment:INVALID_TRANSITION',
      'ProposeDecision:RULE_VIOLATION',
      'ProposeDecision:VALIDATION_FAILED',
      'ProposeDecision:INVALID_TRANSITION',
      'ApproveDecision:FOUR_EYES_VIOLATION',
      'ApproveDecision:NOT_FOUND',
      'RejectDecision:FOUR_EYES_VIOLATION',
      'RejectDecision:VALIDATION_FAILED',
      'EndCase:VALIDATION_FAILED',
      'EndCase:INVALID_TRANSITION',
      'AssignMember:NOT_FOUND',
    ]) {
      expect(seenRefusals).toContain(code);
    }
  });
});
