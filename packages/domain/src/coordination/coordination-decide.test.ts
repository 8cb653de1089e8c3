import { describe, expect, it } from 'vitest';
import type { ActiveMeasure } from '../cases/decision-policy';
import { decideCoordination, dealPublicGate, type CoordinationCommand, type CoordinationContext } from './coordination-decide';
import { projectCoordination, projectCoordinationAsOf } from './coordination-state';
import { recorder } from './coordination-fixtures';

const GUARD: ActiveMeasure = { domain: 'home', measure: 'static_guard_home' };
const ESCORT: ActiveMeasure = { domain: 'transport', measure: 'protected_transport' };
const ctx = (actorId: string, inForce: ActiveMeasure[] = []): CoordinationContext => ({ actorId, casePersonIds: ['w', 'brother'], measuresInForce: { w: inForce, brother: inForce } });

function track() {
  const r = recorder();
  const run = (cmd: CoordinationCommand, actor: string, role: 'om_prosecutor' | 'decision_maker', inForce: ActiveMeasure[] = []) => {
    const decided = decideCoordination(projectCoordination('c1', r.events), cmd, ctx(actor, inForce));
    if (decided.ok) r.append(decided.value, actor, role);
    return decided;
  };
  run({ type: 'CrownWitnessTrackOpened', witnessPersonId: 'w', investigativeInterest: 'Unieke informatie over de top van het netwerk.', prosecutorialInterest: 'Doorslaggevend bewijs.' }, 'om', 'om_prosecutor');
  run(
    {
      type: 'RiskInventoryRecorded',
      personsInScope: [{ personId: 'w', riskLevel: 'very_high', risks: 'Liquidatie.' }, { personId: 'brother', riskLevel: 'high', risks: 'Wraak via familie.' }],
      requiredMeasures: [{ personId: 'w', ...GUARD }, { personId: 'brother', ...ESCORT }],
      protectionCapacity: 'Bewaking woning.',
      witnessProtectionCapacity: 'Getuigenbeschermingsprogramma.',
      ethicalConsequences: 'Ingrijpend voor de broer.',
    },
    'besluit',
    'decision_maker',
  );
  return { r, run };
}

const weigh = (outcome: 'proceed' | 'do_not_proceed' = 'proceed'): CoordinationCommand => ({
  type: 'WeighingRecorded', weighingId: 'w1', subject: 'crown_witness', protectionInterest: 'Veiligheid eerst.', investigationInterest: 'Doorbreken afscherming.', outcome, reasons: 'Maatregelen haalbaar.', participants: [{ name: 'Otto Officier', organisation: 'OM', userId: 'om' }],
});

describe('the crown-witness gate (DOMAIN §9)', () => {
  it('refuses "deal public" with a coded refusal while a required measure is inactive, and accepts it once all are active', () => {
    const { run } = track();
    run(weigh(), 'besluit', 'decision_maker');
    expect(run({ type: 'WeighingReviewed', weighingId: 'w1', verdict: 'upheld', findings: 'Zorgvuldig gewogen.' }, 'besluit2', 'decision_maker').ok).toBe(true);
    const refused = run({ type: 'DealMadePublic', note: 'Deal wordt openbaar.' }, 'om', 'om_prosecutor', [GUARD]);
    expect(refused).toMatchObject({ ok: false, error: { code: 'RULE_VIOLATION', details: { blockers: ['measures_inactive'], inactiveMeasures: [{ personId: 'brother', ...ESCORT }] } } });
    expect(run({ type: 'DealMadePublic', note: 'Deal wordt openbaar.' }, 'om', 'om_prosecutor', [GUARD, ESCORT]).ok).toBe(true);
  });

  it('requires the weighing of the current inventory, upheld by a reviewer who neither wrote it nor took part', () => {
    const { r, run } = track();
    const all = [GUARD, ESCORT];
    expect(dealPublicGate(projectCoordination('c1', r.events), { w: all, brother: all }).blockers).toEqual(['no_weighing']);
    run(weigh(), 'besluit', 'decision_maker');
    expect(run({ type: 'WeighingReviewed', weighingId: 'w1', verdict: 'upheld', findings: 'Eigen werk.' }, 'besluit', 'decision_maker')).toMatchObject({ ok: false, error: { code: 'FOUR_EYES_VIOLATION' } });
    expect(run({ type: 'WeighingReviewed', weighingId: 'w1', verdict: 'upheld', findings: 'Deelnemer.' }, 'om', 'decision_maker')).toMatchObject({ ok: false, error: { code: 'FOUR_EYES_VIOLATION' } });
    expect(dealPublicGate(projectCoordination('c1', r.events), { w: all, brother: all }).blockers).toEqual(['not_reviewed']);
    run({ type: 'WeighingReviewed', weighingId: 'w1', verdict: 'returned', findings: 'Ethiek onvoldoende gewogen.' }, 'besluit2', 'decision_maker');
    expect(dealPublicGate(projectCoordination('c1', r.events), { w: all, brother: all }).blockers).toEqual(['review_returned']);
  });

  it('a new inventory needs a new weighing, and a weighing against the deal blocks it', () => {
    const { r, run } = track();
    run(weigh('do_not_proceed'), 'besluit', 'decision_maker');
    run({ type: 'WeighingReviewed', weighingId: 'w1', verdict: 'upheld', findings: 'Terecht.' }, 'besluit2', 'decision_maker');
    const all = [GUARD, ESCORT];
    expect(dealPublicGate(projectCoordination('c1', r.events), { w: all, brother: all }).blockers).toEqual(['weighing_against']);
    const inv = r.events[1]!.body;
    run(inv, 'besluit', 'decision_maker');
    expect(dealPublicGate(projectCoordination('c1', r.events), { w: all, brother: all }).blockers).toEqual(['weighing_not_on_current_inventory', 'weighing_against']);
  });

  it('refuses persons outside the case and measures outside the scope', () => {
    const { r } = track();
    const state = projectCoordination('c1', r.events);
    const bad = decideCoordination(state, { type: 'RiskInventoryRecorded', personsInScope: [{ personId: 'w', riskLevel: 'high', risks: 'x' }], requiredMeasures: [{ personId: 'brother', ...GUARD }], protectionCapacity: 'x', witnessProtectionCapacity: 'x', ethicalConsequences: 'x' }, ctx('besluit'));
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    const stranger = decideCoordination(state, { type: 'RiskInventoryRecorded', personsInScope: [{ personId: 'w', riskLevel: 'high', risks: 'x' }, { personId: 'nobody', riskLevel: 'low', risks: 'x' }], requiredMeasures: [], protectionCapacity: 'x', witnessProtectionCapacity: 'x', ethicalConsequences: 'x' }, ctx('besluit'));
    expect(stranger).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', details: { personIds: ['nobody'] } } });
  });

  it('the as-of projection shows the record as it was then', () => {
    const { r, run } = track();
    run(weigh(), 'besluit', 'decision_maker');
    const before = new Date(Date.parse(r.events[1]!.occurredAt) + 1000);
    const then = projectCoordinationAsOf('c1', r.events, before);
    expect(then.track?.inventories).toHaveLength(1);
    expect(then.weighings).toHaveLength(0);
    expect(projectCoordination('c1', r.events).weighings).toHaveLength(1);
  });
});
