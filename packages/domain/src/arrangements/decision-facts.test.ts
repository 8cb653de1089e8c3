import { describe, expect, it } from 'vitest';
import type { CaseEventBody, RecordedCaseEvent } from '../cases/case-events';
import { projectCase, type CaseState } from '../cases/case-state';
import { decideCase } from '../cases/case-workflow';
import type { PolicyEvaluator } from '../cases/decision-policy';
import { proposePackage } from '../policy/propose';
import { baseFacts, bundledPolicy } from '../policy/test-fixtures';
import { deriveFacts } from './policy-facts';

const POLICY = await bundledPolicy('2026.1');
const EVALUATOR: PolicyEvaluator = { version: POLICY.version, effectiveFrom: POLICY.effectiveFrom, propose: (f) => proposePackage(POLICY, f) };
const NOW = '2026-03-10T09:00:00.000Z';

function assessedCase(): CaseState {
  const bodies: CaseEventBody[] = [
    {
      type: 'CaseRegistered',
      reference: 'T-1',
      referralSource: 'police_unit',
      referrerDescription: 'politie eenheid',
      reportedPhenomenon: 'organised_crime',
      firstInformation: 'eerste informatie',
      classification: 'dep_confidential',
      persons: [
        { personId: 'p1', role: 'threatened_person', fullName: 'A' },
        { personId: 'p2', role: 'household_member', fullName: 'B', relation: 'partner', relationCode: 'partner' },
      ],
    } as CaseEventBody,
    { type: 'TriageCompleted', outcome: 'national', phenomenon: 'organised_crime', motivation: 'national scope', rulesetVersion: '1', recommendedOutcome: 'national', firedRules: [] } as unknown as CaseEventBody,
    { type: 'AssessmentRecorded', assessmentId: 'a1', validUntil: '2027-03-01' } as CaseEventBody,
  ];
  const events: RecordedCaseEvent[] = bodies.map((body, i) => ({ caseId: 'c1', version: i + 1, body, actorId: 'u1', actorRole: 'x', occurredAt: '2026-03-01T09:00:00.000Z' }));
  return projectCase(events)!;
}

describe('a decision records its facts with their sources', () => {
  const state = assessedCase();
  const household = state.persons.filter((p) => p.role === 'household_member').map((p) => ({ relationCode: p.relationCode ?? null }));
  const derived = deriveFacts({ household, assessment: state.assessments.at(-1) && { recordedAt: state.assessments.at(-1)!.recordedAt, validUntil: state.assessments.at(-1)!.validUntil }, agreements: [], employers: [] });
  const facts = baseFacts({ hasPartner: true, hasChildren: false, employerMeasures: 'not_applicable' });
  const cmd = { type: 'ProposeDecision' as const, decisionId: 'd1', facts, motivation: 'a written motivation of length', factOverrides: [] };

  it('the partner registered at intake is a sourced fact, recorded with the decision', () => {
    expect(state.phase).toBe('assessed');
    const result = decideCase(state, cmd, { actorId: 'dm', now: NOW, policy: EVALUATOR, derivedFacts: derived });
    expect(result.ok).toBe(true);
    const event = result.ok ? result.value[0] : undefined;
    expect(event?.type === 'DecisionProposed' && event.factSources?.find((f) => f.fact === 'hasPartner')).toMatchObject({ source: 'intake_household', derived: true, stated: true, overrideReason: null });
    expect(event?.type === 'DecisionProposed' && event.policy?.proposal.careModules).toContain('care_partner');
  });

  it('stating another value than the source without a reason is refused; with a reason it is recorded', () => {
    const changed = { ...cmd, facts: { ...facts, hasPartner: false } };
    expect(decideCase(state, changed, { actorId: 'dm', now: NOW, policy: EVALUATOR, derivedFacts: derived })).toMatchObject({ ok: false, error: { details: { field: 'factOverrides.hasPartner' } } });
    const reasoned = decideCase(state, { ...changed, factOverrides: [{ fact: 'hasPartner', reason: 'de partner woont niet meer thuis' }] }, { actorId: 'dm', now: NOW, policy: EVALUATOR, derivedFacts: derived });
    const event = reasoned.ok ? reasoned.value[0] : undefined;
    expect(event?.type === 'DecisionProposed' && event.factSources?.find((f) => f.fact === 'hasPartner')?.overrideReason).toBe('de partner woont niet meer thuis');
  });
});
