import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { Role } from '../shared/vocabulary';
import type { AssessmentCommand } from './assessment-commands';
import type { RecordedAssessmentEvent } from './assessment-events';
import { projectAssessment, projectAssessmentAsOf, type AssessmentState, type AssessmentVersion } from './assessment-state';
import { decideAssessment } from './assessment-workflow';
import { AUTHOR, CASE_ID, LONG, OC_REF, SECOND, THIRD, completeContent, product } from './test-fixtures';

/*
 * Random command sequences against the DAF record. Each step is plain data (kind, actor, roles,
 * validity of its fields, clock advance) so fast-check prints and shrinks readable counterexamples.
 * Commands follow the lifecycle often enough to reach final versions and new versions; the
 * afterAll guard checks that runs really finalised and really met the refusals the rules are about.
 */

const KINDS = ['RegisterItem', 'StartDraft', 'ReviseDraft', 'SubmitForChallenge', 'RecordChallenge', 'ReturnToDraft', 'FinaliseAssessment', 'RecordAssumptionTest'] as const;
const ITEMS = ['p-1', 'p-2', 'p-3'];
/** Symbolic actors, resolved against the state: the open version's author, or another analyst. */
const AUTHOR_OF_OPEN = '@author';
const NOT_AUTHOR = '@other';

function resolveActor(actor: string, state: AssessmentState | undefined): string {
  const author = state?.versions.find((v) => v.status === 'draft' || v.status === 'in_challenge')?.authorId ?? AUTHOR;
  if (actor === AUTHOR_OF_OPEN) return author;
  if (actor === NOT_AUTHOR) return [AUTHOR, SECOND, THIRD].find((a) => a !== author)!;
  return actor;
}

type Kind = (typeof KINDS)[number];

interface Step {
  /** Follow the lifecycle (a command the current status allows) or send `kind` regardless. */
  follow: boolean;
  pick: number;
  kind: Kind;
  actor: string;
  roles: Role[];
  valid: boolean;
  verdict: 'agree' | 'dissent';
  item: number;
  days: number;
  advanceHours: number;
}

const step: fc.Arbitrary<Step> = fc.record({
  follow: fc.oneof({ weight: 4, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
  pick: fc.nat({ max: 99 }),
  kind: fc.constantFrom(...KINDS),
  actor: fc.constantFrom(AUTHOR_OF_OPEN, AUTHOR_OF_OPEN, NOT_AUTHOR, AUTHOR, SECOND, THIRD),
  roles: fc.oneof({ weight: 9, arbitrary: fc.constant<Role[]>(['threat_analyst']) }, { weight: 1, arbitrary: fc.constantFrom<Role[]>(['decision_maker'], ['inspector']) }),
  valid: fc.oneof({ weight: 4, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
  verdict: fc.constantFrom('agree' as const, 'dissent' as const),
  item: fc.integer({ min: 0, max: ITEMS.length - 1 }),
  days: fc.integer({ min: -5, max: 400 }),
  advanceHours: fc.integer({ min: 0, max: 24 * 5 }),
});

const T0 = Date.parse('2026-03-02T09:00:00.000Z');
const dayAfter = (now: number, days: number) => new Date(now + days * 86_400_000).toISOString().slice(0, 10);

/** The commands the lifecycle allows in the current status, so sequences get deep. */
function allowed(state: AssessmentState | undefined): readonly Kind[] {
  const open = state?.versions.find((v) => v.status === 'draft' || v.status === 'in_challenge');
  if (open?.status === 'draft') return open.revision === 1 ? ['ReviseDraft'] : ['ReviseDraft', 'SubmitForChallenge', 'SubmitForChallenge'];
  if (open?.status === 'in_challenge') return ['RecordChallenge', 'RecordChallenge', 'FinaliseAssessment', 'FinaliseAssessment', 'ReturnToDraft'];
  if (!state?.items.length) return ['RegisterItem'];
  const final = state.versions.some((v) => v.status === 'final');
  return final ? ['StartDraft', 'StartDraft', 'RecordAssumptionTest', 'RegisterItem'] : ['StartDraft', 'StartDraft', 'RegisterItem'];
}

function command(step: Step, state: AssessmentState | undefined, now: number): AssessmentCommand {
  const options = allowed(state);
  const s = { ...step, kind: step.follow ? options[step.pick % options.length]! : step.kind };
  const text = s.valid ? LONG : 'short';
  const registered = (state?.items ?? []).map((i) => i.itemId);
  switch (s.kind) {
    case 'RegisterItem':
      return { type: 'RegisterItem', item: product(ITEMS[s.item]!, { receivedOn: s.valid ? '2026-03-01' : '2099-01-01' }) };
    case 'StartDraft':
      return { type: 'StartDraft', template: OC_REF, classification: 'stg_confidential', reasonForChange: s.valid ? LONG : undefined };
    case 'ReviseDraft': {
      const retestOn = dayAfter(now, s.days);
      return { type: 'ReviseDraft', content: completeContent(s.valid ? registered : ['p-9'], { assumptions: [{ assumptionId: 'as-1', statement: 'S', basis: 'B', retestOn }] }) };
    }
    case 'SubmitForChallenge':
      return { type: 'SubmitForChallenge' };
    case 'RecordChallenge':
      return { type: 'RecordChallenge', verdict: s.verdict, reasons: text };
    case 'ReturnToDraft':
      return { type: 'ReturnToDraft', reason: text };
    case 'FinaliseAssessment':
      return { type: 'FinaliseAssessment', validUntil: dayAfter(now, s.days), expectedDuration: 'over_12_months', responseToDissent: s.valid ? LONG : undefined };
    case 'RecordAssumptionTest':
      return { type: 'RecordAssumptionTest', assumptionId: 'as-1', outcome: s.verdict === 'agree' ? 'holds' : 'falsified', note: LONG, nextRetestOn: dayAfter(now, s.days) };
  }
}

const seen = { finalised: 0, superseded: 0, fourEyes: 0, forbidden: 0, dissentFinal: 0 };

/** The part of a version that must never change once it is final. */
const frozen = ({ status: _s, supersededAt: _a, supersededBy: _b, ...rest }: AssessmentVersion) => rest;

function run(steps: Step[]) {
  const events: RecordedAssessmentEvent[] = [];
  let now = T0;
  let state: AssessmentState | undefined;
  const finals = new Map<number, AssessmentVersion>();
  const challenges = new Map<number, unknown[]>();
  for (const s of steps) {
    now += s.advanceHours * 3_600_000;
    const iso = new Date(now).toISOString();
    const actorId = resolveActor(s.actor, state);
    const result = decideAssessment(state, command(s, state, now), { actorId, actorRoles: s.roles, now: iso });
    if (!result.ok) {
      if (result.error.code === 'FOUR_EYES_VIOLATION') seen.fourEyes++;
      if (result.error.code === 'FORBIDDEN_ACTION') seen.forbidden++;
      continue;
    }
    if (result.value.length > 0) expect(s.roles).toContain('threat_analyst');
    for (const body of result.value) events.push({ caseId: CASE_ID, version: events.length + 1, body, actorId, occurredAt: iso });
    state = projectAssessment(events)!;
    check(state, finals, challenges);
  }
  return { state, events };
}

function check(state: AssessmentState, finals: Map<number, AssessmentVersion>, challenges: Map<number, unknown[]>) {
  expect(state.versions.filter((v) => v.status === 'final').length).toBeLessThanOrEqual(1);
  expect(state.versions.filter((v) => v.status === 'draft' || v.status === 'in_challenge').length).toBeLessThanOrEqual(1);
  for (const v of state.versions) {
    // Challenges are only ever added: dissent, once recorded, stays visible in every later state.
    const before = challenges.get(v.versionNumber) ?? [];
    expect(v.challenges.slice(0, before.length)).toEqual(before);
    challenges.set(v.versionNumber, v.challenges);
    const earlier = finals.get(v.versionNumber);
    if (earlier) {
      // Final versions never change, apart from being superseded once.
      expect(frozen(v)).toEqual(frozen(earlier));
      expect(['final', 'superseded']).toContain(v.status);
      if (earlier.status === 'superseded') expect(v).toEqual(earlier);
      if (v.status === 'superseded' && earlier.status === 'final') seen.superseded++;
    }
    if (v.status !== 'final' && v.status !== 'superseded') continue;
    if (!earlier) seen.finalised++;
    finals.set(v.versionNumber, v);
    // No version becomes final without a challenge of its final revision by another analyst.
    expect(v.challenges.some((c) => c.revision === v.revision && c.reviewerId !== v.authorId)).toBe(true);
    const dissent = v.challenges.some((c) => c.revision === v.revision && c.verdict === 'dissent');
    if (dissent) {
      seen.dissentFinal++;
      expect(v.responseToDissent?.length).toBeGreaterThan(0);
    }
  }
}

describe('DAF record lifecycle (property-based)', () => {
  it('never finalises without a challenge by a different analyst, and final versions never change', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 60, size: 'max' }), (steps) => {
        run(steps);
      }),
      { numRuns: 400, seed: 20261123 },
    );
  });

  it('as of the moment of any event, the record is exactly the projection of the events until then', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 40, size: 'max' }), (steps) => {
        const events = run(steps).events;
        for (const [n, e] of events.entries()) {
          const sameMoment = events.filter((x) => x.occurredAt === e.occurredAt).length;
          if (sameMoment === 1) expect(projectAssessmentAsOf(events, e.occurredAt)).toEqual(projectAssessment(events.slice(0, n + 1)));
        }
      }),
      { numRuns: 100, seed: 7 },
    );
  });

  afterAll(() => {
    // The properties above are only meaningful when runs reached these situations.
    expect(seen.finalised).toBeGreaterThan(100);
    expect(seen.superseded).toBeGreaterThan(30);
    expect(seen.fourEyes).toBeGreaterThan(100);
    expect(seen.forbidden).toBeGreaterThan(100);
    expect(seen.dissentFinal).toBeGreaterThan(10);
  });
});
