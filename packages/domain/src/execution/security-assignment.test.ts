import { describe, expect, it } from 'vitest';
import type { CaseEventBody, RecordedCaseEvent } from '../cases/case-events';
import { projectCase, type CaseState } from '../cases/case-state';
import type { DecisionPackage, DecisionPolicyRecord } from '../cases/decision-policy';
import { assignmentIntent, diffAssignment, planAssignmentChange, type AssignmentContent, type AssignmentVersion } from './security-assignment';

const pkg = (over: Partial<DecisionPackage> = {}): DecisionPackage => ({
  resistanceLevel: 'R3',
  measures: { general: ['inform_and_advise'], home: ['camera_surveillance_home'], work: ['guard_workplace'], transport: ['protected_transport'], private: [] },
  careModules: ['care_person', 'peer_support'],
  reviewPeriodMonths: 6,
  ...over,
});
const policyOf = (chosen: DecisionPackage) => ({ chosen }) as unknown as DecisionPolicyRecord;

/** A case stream up to an approved decision, built from events (the domain's own fold). */
function story(...decisions: { id: string; chosen: DecisionPackage; review?: string }[]): { events: RecordedCaseEvent[]; state: () => CaseState } {
  const bodies: CaseEventBody[] = [
    { type: 'CaseRegistered', reference: 'HOE-1', referralSource: 'mayor', referrerDescription: 'x', reportedPhenomenon: 'terrorism', firstInformation: 'x', classification: 'dep_confidential', persons: [{ personId: 'p1', role: 'threatened_person', fullName: 'A. Persoon' }] },
    { type: 'TriageCompleted', outcome: 'national', phenomenon: 'terrorism', motivation: 'x', rulesetVersion: '1', recommendedOutcome: 'national', firedRules: [] },
    { type: 'AssessmentRecorded', assessmentId: 'a1', validUntil: '2026-09-01' },
  ];
  for (const d of decisions) {
    bodies.push({ type: 'DecisionProposed', decisionId: d.id, resistanceLevel: d.chosen.resistanceLevel, policy: policyOf(d.chosen), motivation: 'x', reviewDate: d.review ?? '2026-06-01', basedOnAssessmentId: 'a1' });
    bodies.push({ type: 'DecisionApproved', decisionId: d.id, note: 'ok' });
  }
  const events = bodies.map((body, i) => ({ caseId: 'c1', version: i + 1, body, actorId: i % 2 ? 'dm2' : 'dm1', actorRole: 'decision_maker', occurredAt: `2026-03-0${Math.min(i + 1, 9)}T10:00:00.000Z` }));
  return { events, state: () => projectCase(events)! };
}

const issued = (version: number, content: AssignmentContent): AssignmentVersion => ({ version, kind: 'issued', content, diff: diffAssignment(undefined, content), issuedAt: '2026-03-05T10:00:00.000Z', sourceCaseVersion: 5 });

describe('assignmentIntent', () => {
  it('derives measures per activity domain, execution-relevant care, validity and review date from the approved package', () => {
    const intent = assignmentIntent(story({ id: 'd1', chosen: pkg() }).state());
    expect(intent).toEqual({
      kind: 'active',
      content: {
        decisionId: 'd1',
        resistanceLevel: 'R3',
        measures: { home: ['camera_surveillance_home'], work: ['guard_workplace'], transport: ['protected_transport'], private: [] },
        careModules: ['care_person'],
        validFrom: '2026-03-05',
        validUntil: '2026-09-01',
        reviewDate: '2026-06-01',
      },
    });
  });

  it('asks for nothing before a decision is approved, and withdraws when the case ends or the package has no executing measures', () => {
    const pending = story().state();
    expect(assignmentIntent(pending)).toEqual({ kind: 'none', reason: 'no_package' });
    expect(assignmentIntent({ ...story({ id: 'd1', chosen: pkg() }).state(), phase: 'ended' })).toEqual({ kind: 'none', reason: 'case_ended' });
    const adviceOnly = pkg({ measures: { general: ['inform_and_advise'], home: [], work: [], transport: [], private: [] } });
    expect(assignmentIntent(story({ id: 'd1', chosen: adviceOnly }).state())).toEqual({ kind: 'none', reason: 'package_ended' });
  });
});

describe('diffAssignment', () => {
  it('names what changed per domain, in care, level, validity and review date', () => {
    const before = (assignmentIntent(story({ id: 'd1', chosen: pkg() }).state()) as { content: AssignmentContent }).content;
    const heavier = pkg({ resistanceLevel: 'R4', measures: { ...pkg().measures, home: ['static_guard_home'], private: ['escort_private_activities'] }, careModules: ['care_partner'] });
    const after = (assignmentIntent(story({ id: 'd1', chosen: pkg() }, { id: 'd2', chosen: heavier, review: '2026-07-01' }).state()) as { content: AssignmentContent }).content;
    expect(diffAssignment(before, after)).toEqual({
      first: false,
      resistanceLevel: { from: 'R3', to: 'R4' },
      measures: [
        { domain: 'home', added: ['static_guard_home'], removed: ['camera_surveillance_home'] },
        { domain: 'private', added: ['escort_private_activities'], removed: [] },
      ],
      careModules: { added: ['care_partner'], removed: ['care_person'] },
      validUntil: null,
      reviewDate: { from: '2026-06-01', to: '2026-07-01' },
    });
  });

  it('marks a first version as entirely new', () => {
    const content = (assignmentIntent(story({ id: 'd1', chosen: pkg() }).state()) as { content: AssignmentContent }).content;
    const diff = diffAssignment(undefined, content);
    expect(diff.first).toBe(true);
    expect(diff.measures.map((m) => m.domain)).toEqual(['home', 'work', 'transport']);
    expect(diff.resistanceLevel).toBeNull();
  });
});

describe('planAssignmentChange (versioning)', () => {
  const s1 = story({ id: 'd1', chosen: pkg() });
  const c1 = (assignmentIntent(s1.state()) as { content: AssignmentContent }).content;

  it('issues version 1 for the first approved package', () => {
    expect(planAssignmentChange(undefined, assignmentIntent(s1.state()))).toMatchObject({ kind: 'issued', content: c1, diff: { first: true } });
  });

  it('never issues the same decision twice (a replayed projection is a no-op)', () => {
    expect(planAssignmentChange(issued(1, c1), assignmentIntent(s1.state()))).toBeNull();
  });

  it('issues a new version with its diff for a new approved decision', () => {
    const s2 = story({ id: 'd1', chosen: pkg() }, { id: 'd2', chosen: pkg({ resistanceLevel: 'R4' }) });
    expect(planAssignmentChange(issued(1, c1), assignmentIntent(s2.state()))).toMatchObject({ kind: 'issued', content: { decisionId: 'd2' }, diff: { first: false, resistanceLevel: { from: 'R3', to: 'R4' } } });
  });

  it('withdraws a live assignment when the case ends, and only once', () => {
    const ended = { ...s1.state(), phase: 'ended' as const };
    expect(planAssignmentChange(issued(1, c1), assignmentIntent(ended))).toEqual({ kind: 'withdrawn', reason: 'case_ended' });
    const withdrawn: AssignmentVersion = { version: 2, kind: 'withdrawn', reason: 'case_ended', issuedAt: 'x', sourceCaseVersion: 7 };
    expect(planAssignmentChange(withdrawn, assignmentIntent(ended))).toBeNull();
  });

  it('withdraws when a new decision ends the executing measures, and issues anew (first) after a withdrawal', () => {
    const advice = pkg({ measures: { general: ['inform_and_advise'], home: [], work: [], transport: [], private: [] } });
    const s2 = story({ id: 'd1', chosen: pkg() }, { id: 'd2', chosen: advice });
    expect(planAssignmentChange(issued(1, c1), assignmentIntent(s2.state()))).toEqual({ kind: 'withdrawn', reason: 'package_ended' });
    const withdrawn: AssignmentVersion = { version: 2, kind: 'withdrawn', reason: 'package_ended', issuedAt: 'x', sourceCaseVersion: 7 };
    const s3 = story({ id: 'd1', chosen: pkg() }, { id: 'd2', chosen: advice }, { id: 'd3', chosen: pkg() });
    expect(planAssignmentChange(withdrawn, assignmentIntent(s3.state()))).toMatchObject({ kind: 'issued', diff: { first: true } });
  });

  it('issues nothing for a case without a package', () => {
    expect(planAssignmentChange(undefined, assignmentIntent(story().state()))).toBeNull();
    expect(planAssignmentChange(undefined, { kind: 'none', reason: 'case_ended' })).toBeNull();
  });
});
