import { describe, expect, it } from 'vitest';
import { CASE_PHASES, type CasePhase, type Role } from '@hoeder/domain';
import { allowedActions, mayRegisterCase, type ActionContext } from './permissions';

const ctx = (roles: Role[], phase: CasePhase, extra: Partial<ActionContext> = {}): ActionContext => ({
  roles,
  userId: 'me',
  phase,
  viewingPast: false,
  ...extra,
});

describe('allowedActions', () => {
  it('offers triage only to a triage officer on a registered case', () => {
    expect([...allowedActions(ctx(['triage_officer'], 'registered'))].sort()).toEqual(['AssignMember', 'CompleteTriage']);
    expect(allowedActions(ctx(['triage_officer'], 'in_assessment')).has('CompleteTriage')).toBe(false);
    expect(allowedActions(ctx(['threat_analyst'], 'registered')).has('CompleteTriage')).toBe(false);
  });

  it('offers the assessment to a threat analyst once the case is in assessment', () => {
    expect([...allowedActions(ctx(['threat_analyst'], 'in_assessment'))]).toEqual(['RecordAssessment']);
    expect(allowedActions(ctx(['threat_analyst'], 'registered')).size).toBe(0);
  });

  it('lets a decision maker propose after an assessment', () => {
    const actions = allowedActions(ctx(['decision_maker'], 'assessed'));
    expect(actions.has('ProposeDecision')).toBe(true);
    expect(actions.has('ApproveDecision')).toBe(false);
  });

  it('keeps approve and reject from the proposer (four eyes) and offers them to a second decision maker', () => {
    const own = allowedActions(ctx(['decision_maker'], 'decision_pending_approval', { pendingProposedBy: 'me' }));
    expect(own.has('ApproveDecision') || own.has('RejectDecision')).toBe(false);
    const other = allowedActions(ctx(['decision_maker'], 'decision_pending_approval', { pendingProposedBy: 'someone-else' }));
    expect(other.has('ApproveDecision') && other.has('RejectDecision')).toBe(true);
  });

  it('offers no review when the reader cannot see who proposed', () => {
    const actions = allowedActions(ctx(['decision_maker'], 'decision_pending_approval'));
    expect(actions.has('ApproveDecision')).toBe(false);
  });

  it('never offers anything to read-only roles, in any phase', () => {
    for (const phase of CASE_PHASES) {
      for (const role of ['inspector', 'police_team_lead', 'advisory_member', 'liaison'] as Role[]) {
        expect(allowedActions(ctx([role], phase)).size, `${role} in ${phase}`).toBe(0);
      }
    }
  });

  it('offers nothing while a past moment is viewed', () => {
    expect(allowedActions(ctx(['triage_officer'], 'registered', { viewingPast: true })).size).toBe(0);
  });
});

describe('mayRegisterCase', () => {
  it('is for triage officers only', () => {
    expect(mayRegisterCase(['triage_officer'])).toBe(true);
    expect(mayRegisterCase(['decision_maker', 'inspector'])).toBe(false);
  });
});
