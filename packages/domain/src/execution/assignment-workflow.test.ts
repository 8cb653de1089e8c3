import { describe, expect, it } from 'vitest';
import type { Unit } from './units';
import { applyAssignment, assignmentStatus, conceptClassification, decideAssignment, unacknowledged, type AssignmentCommand, type AssignmentState } from './assignment-workflow';

const unit = (unitId: string, organisation: Unit['organisation'], active = true): Unit => ({ unitId, name: unitId, kind: organisation === 'kmar' ? 'bsb' : organisation === 'police' ? 'be' : 'private-support', organisation, region: null, active });
const UNITS = [unit('be-1', 'police'), unit('be-2', 'police'), unit('bsb-1', 'kmar'), unit('private-support-1', 'private'), unit('be-9', 'police', false)];
const ctx = (now = '2026-03-10T10:00:00.000Z') => ({ actorId: 'lcc', now, units: UNITS, caseClassification: 'stg_confidential' as const });

const fresh = (over: Partial<AssignmentState> = {}): AssignmentState => ({
  assignmentId: 'as1',
  caseId: 'c1',
  currentVersion: 1,
  currentKind: 'issued',
  acceptedVersion: null,
  acceptedAt: null,
  taskings: [],
  concepts: [],
  ...over,
});

function run(state: AssignmentState, ...cmds: AssignmentCommand[]): AssignmentState {
  return cmds.reduce((s, cmd) => {
    const decided = decideAssignment(s, cmd, ctx());
    if (!decided.ok) throw new Error(`${cmd.type}: ${decided.error.code}`);
    return applyAssignment(s, decided.value, ctx());
  }, state);
}
const codeOf = (state: AssignmentState, cmd: AssignmentCommand) => {
  const r = decideAssignment(state, cmd, ctx());
  return r.ok ? 'ok' : r.error.code;
};

describe('assignment lifecycle', () => {
  it('goes new → accepted → tasked → acknowledged, and shows changed and withdrawn versions', () => {
    const s = run(fresh(), { type: 'AcceptVersion', version: 1 }, { type: 'TaskUnits', unitIds: ['be-1', 'bsb-1'] });
    expect(assignmentStatus(fresh())).toBe('new');
    expect(assignmentStatus(s)).toBe('accepted');
    expect(unacknowledged(s).map((u) => u.unitId)).toEqual(['be-1', 'bsb-1']);
    const acked = run(s, { type: 'AcknowledgeAssignment', unitId: 'be-1', version: 1 });
    expect(unacknowledged(acked).map((u) => u.unitId)).toEqual(['bsb-1']);
    expect(assignmentStatus({ ...acked, currentVersion: 2 })).toBe('changed');
    expect(assignmentStatus({ ...acked, currentVersion: 2, currentKind: 'withdrawn' })).toBe('withdrawn');
    expect(assignmentStatus({ ...acked, currentVersion: 2, currentKind: 'withdrawn', acceptedVersion: 2 })).toBe('closed');
  });

  it('asks every unit to acknowledge again when the LCC accepts a new version, waiting since that acceptance', () => {
    const s = run(fresh(), { type: 'AcceptVersion', version: 1 }, { type: 'TaskUnits', unitIds: ['be-1'] }, { type: 'AcknowledgeAssignment', unitId: 'be-1', version: 1 });
    expect(unacknowledged(s)).toEqual([]);
    const v2 = { ...s, currentVersion: 2 };
    const accepted = applyAssignment(v2, [{ type: 'VersionAccepted', version: 2 }], ctx('2026-03-12T08:00:00.000Z'));
    expect(unacknowledged(accepted)).toEqual([{ unitId: 'be-1', waitingSince: '2026-03-12T08:00:00.000Z' }]);
  });

  it('refuses steps out of order with coded refusals', () => {
    expect(codeOf(fresh(), { type: 'TaskUnits', unitIds: ['be-1'] })).toBe('INVALID_TRANSITION');
    expect(codeOf(fresh(), { type: 'RecordConcept', domain: 'home', concept: 'Statische bewaking.' })).toBe('INVALID_TRANSITION');
    expect(codeOf(fresh(), { type: 'AcknowledgeAssignment', unitId: 'be-1', version: 1 })).toBe('INVALID_TRANSITION');
    expect(codeOf(fresh({ currentVersion: 2 }), { type: 'AcceptVersion', version: 1 })).toBe('VERSION_CONFLICT');
    const accepted = run(fresh(), { type: 'AcceptVersion', version: 1 });
    expect(codeOf(accepted, { type: 'AcceptVersion', version: 1 })).toBe('INVALID_TRANSITION');
    expect(codeOf(accepted, { type: 'AcknowledgeAssignment', unitId: 'be-1', version: 1 })).toBe('RULE_VIOLATION');
    const tasked = run(accepted, { type: 'TaskUnits', unitIds: ['be-1'] });
    expect(codeOf({ ...tasked, currentVersion: 2 }, { type: 'TaskUnits', unitIds: ['be-2'] })).toBe('INVALID_TRANSITION');
    expect(codeOf({ ...tasked, currentVersion: 2 }, { type: 'AcknowledgeAssignment', unitId: 'be-1', version: 2 })).toBe('VERSION_CONFLICT');
    expect(codeOf({ ...tasked, currentVersion: 2, currentKind: 'withdrawn' }, { type: 'AcknowledgeAssignment', unitId: 'be-1', version: 1 })).toBe('INVALID_TRANSITION');
  });

  it('tasks only active police and KMar units, at least one, and replaces the set', () => {
    const accepted = run(fresh(), { type: 'AcceptVersion', version: 1 });
    for (const ids of [['private-support-1'], ['be-9'], ['nope-1'], []]) expect(codeOf(accepted, { type: 'TaskUnits', unitIds: ids })).toBe('VALIDATION_FAILED');
    const tasked = run(accepted, { type: 'TaskUnits', unitIds: ['be-1', 'bsb-1'] }, { type: 'TaskUnits', unitIds: ['bsb-1', 'be-2'] });
    expect(tasked.taskings.map((t) => t.unitId).sort()).toEqual(['be-2', 'bsb-1']);
    expect(decideAssignment(tasked, { type: 'TaskUnits', unitIds: ['be-2', 'bsb-1'] }, ctx())).toEqual({ ok: true, value: [] });
  });

  it('records one concept per domain, marked at least at the case classification', () => {
    const accepted = run(fresh(), { type: 'AcceptVersion', version: 1 });
    expect(codeOf(accepted, { type: 'RecordConcept', domain: 'home', concept: 'kort' })).toBe('VALIDATION_FAILED');
    const s = run(accepted, { type: 'RecordConcept', domain: 'home', concept: 'Camerabeelden naar de meldkamer.' }, { type: 'RecordConcept', domain: 'home', concept: 'Statische bewaking, twee posten.' });
    expect(s.concepts).toEqual([expect.objectContaining({ domain: 'home', concept: 'Statische bewaking, twee posten.', classification: 'stg_confidential' })]);
    expect(conceptClassification('unclassified')).toBe('dep_confidential');
    expect(conceptClassification('stg_secret')).toBe('stg_secret');
  });
});
