import { randomUUID } from 'node:crypto';
import type { LodgeObjectionRequest, ObjectionStepRequest, ObjectionsView, ObjectionView } from '@hoeder/contracts';
import { insertObjection, listLetters, listObjections, loadCaseEvents, updateObjection, type Db, type LetterReadGrant, type ObjectionRow } from '@hoeder/db';
import {
  fail,
  handleObjection,
  mayOnObjections,
  objectionAsOf,
  objectionTerms,
  objectionWork,
  ok,
  projectCase,
  validateNewObjection,
  type CaseState,
  type Objection,
  type ObjectionCommand,
  type RecordedCaseEvent,
  type Result,
} from '@hoeder/domain';
import type { AuthenticatedActor, RequestContext } from '../platform/actor';
import type { Guard } from '../platform/guard/guard';
import { objectionRead, objectionWrite } from '../platform/guard/letter-check';

const day = (iso: string) => iso.slice(0, 10);

export interface SentDecision {
  decisionId: string;
  sentOn: string;
  inForce: boolean;
}

/**
 * The decisions an objection can be against: every decision that was in force, with the day it was
 * made known — its approved decision letter's approval (sending) day, or else its approval day.
 */
export async function sentDecisions(trx: Db, state: CaseState, letters: LetterReadGrant): Promise<SentDecision[]> {
  const sentLetters = (await listLetters(trx, letters)).filter((l) => l.kind === 'decision_letter' && l.approvedAt);
  const decisions = [...state.supersededDecisions, ...(state.activeDecision ? [state.activeDecision] : [])];
  return decisions
    .filter((d) => d.approvedAt)
    .map((d) => {
      const letter = sentLetters.find((l) => l.decisionId === d.decisionId);
      return { decisionId: d.decisionId, sentOn: day(letter?.approvedAt ?? d.approvedAt!), inForce: d.decisionId === state.activeDecision?.decisionId };
    })
    .reverse();
}

/** Whether a decision was proposed (through the normal four-eyes flow) after a founded objection. */
export const newDecisionSince = (events: readonly RecordedCaseEvent[], o: Objection): boolean =>
  o.decidedOn !== null && events.some((e) => e.body.type === 'DecisionProposed' && e.body.decisionId !== o.decisionId && day(e.occurredAt) >= o.decidedOn!);

export const objectionView = (row: ObjectionRow, events: readonly RecordedCaseEvent[]): ObjectionView => {
  const { caseId: _caseId, ...rest } = row;
  return { ...rest, ...objectionTerms(row), work: objectionWork(row, newDecisionSince(events, row)) };
};

const STEP: Record<ObjectionStepRequest['type'], string> = { RecordHearing: 'objection.hearing', ExtendTerm: 'objection.extend', DecideObjection: 'objection.decide', RecordAppeal: 'objection.appeal' };

/**
 * Objection and appeal (issue 12 item 8, ADR 0022): the liaison or a decision maker records an
 * objection against a decision that was sent; a decision maker records the hearing, extends the
 * term once, decides, and records an appeal. Terms are computed (Awb, Atw) from the injected clock.
 * A founded objection starts no decision of its own: the decision maker proposes a new one through
 * the existing four-eyes commands, and the objection shows that work until one is proposed.
 */
export function createObjectionService({ guard }: { guard: Guard }) {
  const on = (operation: string, caseId: string, objectId = caseId) => ({ operation, objectType: 'case_objection', objectId, dataSubjectId: caseId });

  return {
    /** Now, or (with `asOf`) as they stood then: the decisions under objection at that moment, read-only (ADR 0031). */
    list: (ctx: RequestContext, actor: AuthenticatedActor, caseId: string, asOf?: Date): Promise<Result<ObjectionsView>> =>
      guard.withAccess(ctx, actor, { ...on('objection.list', caseId), check: objectionRead(caseId) }, async ({ trx, grant, note }) => {
        const events = (await loadCaseEvents(trx, grant.caseRead)).filter((e) => !asOf || Date.parse(e.occurredAt) <= asOf.getTime());
        const state = projectCase(events);
        if (!state) return fail('NOT_FOUND', 'case not found');
        const shown = (await listObjections(trx, grant.read)).flatMap((r) => {
          const then = asOf ? objectionAsOf(r, asOf) : { objection: r, exact: true };
          return then ? [then] : [];
        });
        const member = grant.access.memberOf.has(caseId) && !asOf;
        note({ objectionIds: shown.map((r) => r.objection.objectionId), ...(asOf ? { asOf: asOf.toISOString() } : {}) });
        return ok({
          caseId,
          asOf: asOf?.toISOString() ?? null,
          mayLodge: member && mayOnObjections(actor.roles, 'lodge'),
          mayHandle: member && mayOnObjections(actor.roles, 'handle'),
          decisions: await sentDecisions(trx, state, grant.letters),
          objections: shown.map(({ objection, exact }) => ({ ...objectionView(objection, events), ...(asOf ? { exact } : {}) })).reverse(),
        });
      }),

    lodge: (ctx: RequestContext, actor: AuthenticatedActor, caseId: string, input: LodgeObjectionRequest): Promise<Result<ObjectionView>> =>
      guard.withAccess(ctx, actor, { ...on('objection.lodge', caseId), check: objectionWrite(caseId, 'lodge') }, async ({ trx, grant, note }) => {
        const events = await loadCaseEvents(trx, grant.caseRead);
        const state = projectCase(events);
        if (!state) return fail('NOT_FOUND', 'case not found');
        const decision = (await sentDecisions(trx, state, grant.letters)).find((d) => d.decisionId === input.decisionId);
        if (!decision) return fail('VALIDATION_FAILED', 'decisionId: an objection is against a decision of this case that was in force', { field: 'decisionId' });
        const objection: Objection = {
          objectionId: randomUUID(),
          caseId,
          decisionId: decision.decisionId,
          party: input.party,
          decisionSentOn: decision.sentOn,
          receivedOn: input.receivedOn,
          grounds: input.grounds,
          advisoryCommittee: input.advisoryCommittee,
          extendedOn: null,
          hearingOn: null,
          outcome: null,
          decidedOn: null,
          motivation: null,
          appealLodgedOn: null,
          appealCourt: null,
        };
        const valid = validateNewObjection(objection, day(ctx.now.toISOString()));
        if (!valid.ok) return valid;
        await insertObjection(trx, grant.write, objection, actor.userId, ctx.now);
        const terms = objectionTerms(objection);
        // A late objection is recorded and flagged, never silently refused (Awb 6:11 is for the decision).
        note({ objectionId: objection.objectionId, decisionId: objection.decisionId, late: terms.late });
        const at = ctx.now.toISOString();
        return ok(objectionView({ ...objection, recordedBy: actor.userId, recordedAt: at, updatedAt: at }, events));
      }),

    step: (ctx: RequestContext, actor: AuthenticatedActor, caseId: string, objectionId: string, input: ObjectionStepRequest): Promise<Result<ObjectionView>> =>
      guard.withAccess(ctx, actor, { ...on(STEP[input.type], caseId, objectionId), check: objectionWrite(caseId, 'handle') }, async ({ trx, grant, note }) => {
        const row = (await listObjections(trx, grant.write)).find((o) => o.objectionId === objectionId);
        if (!row) return fail('NOT_FOUND', 'objection not found');
        if (row.updatedAt !== new Date(input.expectedUpdatedAt).toISOString()) return fail('VERSION_CONFLICT', 'the objection was changed by someone else; reload it', { currentUpdatedAt: row.updatedAt });
        const { expectedUpdatedAt: _expected, ...command } = input;
        const next = handleObjection(row, command as ObjectionCommand, day(ctx.now.toISOString()));
        if (!next.ok) return next;
        if (!(await updateObjection(trx, grant.write, next.value, row.updatedAt, ctx.now))) return fail('VERSION_CONFLICT', 'the objection was changed by someone else; reload it');
        note({ objectionId, step: input.type, ...(next.value.outcome ? { outcome: next.value.outcome } : {}) });
        const events = await loadCaseEvents(trx, grant.caseRead);
        return ok(objectionView({ ...row, ...next.value, updatedAt: ctx.now.toISOString() }, events));
      }),
  };
}

export type ObjectionService = ReturnType<typeof createObjectionService>;
