import type { ActiveMeasure } from '../cases/decision-policy';
import { fail, ok, type Result } from '../shared/result';
import type { Organisation, Role } from '../shared/vocabulary';
import { independentOf } from './participants';
import type { CoordinationEventBody, RequiredMeasure } from './coordination-events';
import { currentCrownWitnessWeighing, currentInventory, type CoordinationState } from './coordination-state';

/** A command on the coordination record is the event it asks for; deciding checks it against the state. */
export type CoordinationCommand = CoordinationEventBody;
export type CoordinationCommandType = CoordinationCommand['type'];

/**
 * Who records what (as data). The OM opens a track and makes a deal public (its decision); the
 * NCTV's decision maker inventories the security side; both record consultations and weighings.
 * A weighing is tested by a second decision maker who neither recorded it nor took part in it.
 */
export const COORDINATION_COMMAND_ROLES: Record<CoordinationCommandType, readonly Role[]> = {
  CrownWitnessTrackOpened: ['om_prosecutor'],
  RiskInventoryRecorded: ['decision_maker'],
  WeighingRecorded: ['decision_maker', 'om_prosecutor'],
  WeighingReviewed: ['decision_maker'],
  DealMadePublic: ['om_prosecutor'],
  ConsultationRecorded: ['decision_maker', 'om_prosecutor'],
};

/** What deciding needs besides the state: who asks, the case's persons, the measures in force. */
export interface CoordinationContext {
  actorId: string;
  /** The actor's name and organisation: the independence check also matches external participants. */
  actorName?: string | undefined;
  actorOrganisation?: Organisation | undefined;
  casePersonIds: readonly string[];
  /** Per person of the case: the measures of the decision in force (none when no decision is in force). */
  measuresInForce: Readonly<Record<string, readonly ActiveMeasure[]>>;
}

/** The required measures not active (in the decision in force) for the person they protect. */
export function inactiveRequiredMeasures(required: readonly RequiredMeasure[], inForce: CoordinationContext['measuresInForce']): RequiredMeasure[] {
  return required.filter((r) => !(inForce[r.personId] ?? []).some((m) => m.domain === r.domain && m.measure === r.measure));
}

/** Why the deal may not be made public yet, as stable codes (empty: the gate is open). */
export type GateBlocker = 'no_track' | 'already_public' | 'no_inventory' | 'no_weighing' | 'weighing_not_on_current_inventory' | 'weighing_against' | 'not_reviewed' | 'review_returned' | 'measures_inactive';

export interface GateCheck {
  blockers: GateBlocker[];
  inactive: RequiredMeasure[];
}

/**
 * The gate of DOMAIN §9: a deal becomes public only when the current inventory was weighed in
 * favour, that weighing was upheld by an independent reviewer, and every measure the inventory
 * requires is active for every person in its scope. Pure: the same facts give the same answer.
 */
export function dealPublicGate(state: CoordinationState, inForce: CoordinationContext['measuresInForce']): GateCheck {
  const track = state.track;
  if (!track) return { blockers: ['no_track'], inactive: [] };
  const blockers: GateBlocker[] = [];
  if (track.dealPublic) blockers.push('already_public');
  const inventory = currentInventory(track);
  if (!inventory) return { blockers: [...blockers, 'no_inventory'], inactive: [] };
  const weighing = currentCrownWitnessWeighing(state);
  if (!weighing) blockers.push('no_weighing');
  else {
    if (weighing.inventoryVersion !== inventory.version) blockers.push('weighing_not_on_current_inventory');
    if (weighing.outcome === 'do_not_proceed') blockers.push('weighing_against');
    if (!weighing.review) blockers.push('not_reviewed');
    else if (weighing.review.verdict !== 'upheld') blockers.push('review_returned');
  }
  const inactive = inactiveRequiredMeasures(inventory.requiredMeasures, inForce);
  if (inactive.length > 0) blockers.push('measures_inactive');
  return { blockers, inactive };
}

const unknownPersons = (ids: readonly string[], ctx: CoordinationContext) => ids.filter((id) => !ctx.casePersonIds.includes(id));

function decideInventory(state: CoordinationState, cmd: Extract<CoordinationCommand, { type: 'RiskInventoryRecorded' }>, ctx: CoordinationContext): Result<CoordinationEventBody> {
  if (!state.track) return fail('INVALID_TRANSITION', 'open a crown-witness track before its risk inventory');
  const scope = cmd.personsInScope.map((p) => p.personId);
  const unknown = unknownPersons(scope, ctx);
  if (unknown.length > 0) return fail('VALIDATION_FAILED', 'personsInScope: not a person of this case', { field: 'personsInScope', personIds: unknown });
  if (!scope.includes(state.track.witnessPersonId)) return fail('VALIDATION_FAILED', 'personsInScope: the witness is always in scope', { field: 'personsInScope' });
  if (new Set(scope).size !== scope.length) return fail('VALIDATION_FAILED', 'personsInScope: a person is listed twice', { field: 'personsInScope' });
  const outside = cmd.requiredMeasures.filter((m) => !scope.includes(m.personId));
  if (outside.length > 0) return fail('VALIDATION_FAILED', 'requiredMeasures: a measure for a person outside the scope', { field: 'requiredMeasures' });
  return ok(cmd);
}

function decideWeighing(state: CoordinationState, cmd: Extract<CoordinationCommand, { type: 'WeighingRecorded' }>): Result<CoordinationEventBody> {
  if (state.weighings.some((w) => w.weighingId === cmd.weighingId)) return fail('VERSION_CONFLICT', 'this weighing was recorded already');
  if (cmd.consultationId && !state.consultations.some((c) => c.consultationId === cmd.consultationId)) return fail('VALIDATION_FAILED', 'consultationId: no such consultation on this case', { field: 'consultationId' });
  if (cmd.subject !== 'crown_witness') return ok({ ...cmd, inventoryVersion: undefined });
  const inventory = currentInventory(state.track);
  if (!inventory) return fail('INVALID_TRANSITION', 'a crown-witness weighing weighs a risk inventory; record one first');
  if (state.track?.dealPublic) return fail('INVALID_TRANSITION', 'the deal is public already');
  return ok({ ...cmd, inventoryVersion: inventory.version });
}

function decideReview(state: CoordinationState, cmd: Extract<CoordinationCommand, { type: 'WeighingReviewed' }>, ctx: CoordinationContext): Result<CoordinationEventBody> {
  const weighing = state.weighings.find((w) => w.weighingId === cmd.weighingId);
  if (!weighing) return fail('NOT_FOUND', 'weighing not found');
  if (weighing.review) return fail('INVALID_TRANSITION', 'this weighing was reviewed already; record a new weighing');
  // Independence: not the author, and not someone who took part in the weighing.
  if (!independentOf(weighing, { userId: ctx.actorId, name: ctx.actorName, organisation: ctx.actorOrganisation })) return fail('FOUR_EYES_VIOLATION', 'a weighing is reviewed by someone who neither recorded it nor took part in it');
  return ok(cmd);
}

/**
 * Decides a command against the record: the event to append, or the coded refusal. Roles are
 * checked by the guard (COORDINATION_COMMAND_ROLES); this decides what the state allows.
 */
export function decideCoordination(state: CoordinationState, cmd: CoordinationCommand, ctx: CoordinationContext): Result<CoordinationEventBody> {
  switch (cmd.type) {
    case 'CrownWitnessTrackOpened':
      if (state.track) return fail('INVALID_TRANSITION', 'this case has a crown-witness track already');
      if (unknownPersons([cmd.witnessPersonId], ctx).length > 0) return fail('VALIDATION_FAILED', 'witnessPersonId: not a person of this case', { field: 'witnessPersonId' });
      return ok(cmd);
    case 'RiskInventoryRecorded':
      return decideInventory(state, cmd, ctx);
    case 'WeighingRecorded':
      return decideWeighing(state, cmd);
    case 'WeighingReviewed':
      return decideReview(state, cmd, ctx);
    case 'ConsultationRecorded':
      if (state.consultations.some((c) => c.consultationId === cmd.consultationId)) return fail('VERSION_CONFLICT', 'this consultation was recorded already');
      return ok(cmd);
    case 'DealMadePublic': {
      const gate = dealPublicGate(state, ctx.measuresInForce);
      if (gate.blockers.length > 0) return fail('RULE_VIOLATION', `the deal cannot be made public: ${gate.blockers.join(', ')}`, { blockers: gate.blockers, inactiveMeasures: gate.inactive });
      return ok(cmd);
    }
  }
}
