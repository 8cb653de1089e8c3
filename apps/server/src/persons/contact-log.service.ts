import { randomUUID } from 'node:crypto';
import type { ContactEntryRequest, ContactView } from '@hoeder/contracts';
import { appendContactEntry, findUsersByIds, loadCaseEvents, loadContactLog, type Db } from '@hoeder/db';
import { checkAgainstDecision, fail, measuresInForce, ok, projectCase, toldTimeline, type ContactLogEntry, type RecordedCaseEvent, type Result } from '@hoeder/domain';
import { actingRole, type AuthenticatedActor, type RequestContext } from '../platform/actor';
import type { Guard } from '../platform/guard/guard';
import { contactLogRead, contactLogWrite, type ContactLogReading } from '../platform/guard/person-check';

async function contactView(trx: Db, grant: ContactLogReading, caseId: string, events: readonly RecordedCaseEvent[], entries: readonly ContactLogEntry[], asOf: Date | null): Promise<ContactView> {
  const known = (at: string) => !asOf || Date.parse(at) <= asOf.getTime();
  const shownEvents = events.filter((e) => known(e.occurredAt));
  const shown = entries.filter((e) => known(e.recordedAt));
  const state = projectCase(shownEvents);
  const decision = state?.activeDecision;
  const users = new Map((await findUsersByIds(trx, [...new Set(shown.map((e) => e.recordedBy))])).map((u) => [u.userId, u.displayName]));
  const who = (userId: string, role: string) => ({ userId, displayName: users.get(userId) ?? userId, role });
  return {
    caseId,
    asOf: asOf ? asOf.toISOString() : null,
    seq: shown.length,
    entries: [...shown].reverse().map(({ caseId: _c, recordedBy, recordedRole, ...e }) => ({
      ...e,
      correctionReason: e.correctionReason ?? null,
      correctedBy: correctionOf(shown, e.entryId, who),
      recordedBy: who(recordedBy, recordedRole),
    })),
    told: toldTimeline(events, entries, asOf ?? undefined).map(({ recordedBy: _r, ...item }) => item),
    decisionInForce: decision ? { decisionId: decision.decisionId, resistanceLevel: decision.resistanceLevel, reviewDate: decision.reviewDate, measures: [...measuresInForce(decision)] } : null,
    persons: (state?.persons ?? []).map((p) => ({ personId: p.personId, fullName: p.fullName, role: p.role })),
    mayWrite: grant.mayWrite && !asOf,
  };
}

type Who = (userId: string, role: string) => { userId: string; displayName: string; role: string };

/** The (shown) entry that corrects `entryId`: the original stays, marked with who corrected it, when and why. */
function correctionOf(shown: readonly ContactLogEntry[], entryId: string, who: Who) {
  const c = shown.find((e) => e.correctsEntryId === entryId);
  return c ? { entryId: c.entryId, reason: c.correctionReason ?? null, recordedBy: who(c.recordedBy, c.recordedRole), recordedAt: c.recordedAt } : null;
}

/**
 * The liaison's contact log and the timeline of what the person has been told (issue 12 item 2),
 * on the guarded layer. An entry is appended, never changed (a correction is a new entry naming
 * the old one). A message that contradicts the decision in force is refused until the liaison
 * acknowledges the warning; the warning and the acknowledgement are stored with the entry.
 */
export function createContactLogService({ guard }: { guard: Guard }) {
  return {
    view: (ctx: RequestContext, actor: AuthenticatedActor, caseId: string, asOf?: Date): Promise<Result<ContactView>> =>
      guard.withAccess(ctx, actor, { operation: 'contact_log.view', objectType: 'case', objectId: caseId, dataSubjectId: caseId, check: contactLogRead(caseId) }, async ({ trx, grant, note }) => {
        const entries = await loadContactLog(trx, grant.log, caseId);
        const view = await contactView(trx, grant, caseId, await loadCaseEvents(trx, grant.caseRead), entries, asOf ?? null);
        note({ entries: view.entries.map((e) => e.entryId), told: view.told.length, ...(asOf ? { asOf: asOf.toISOString() } : {}) });
        return ok(view);
      }),

    log: (ctx: RequestContext, actor: AuthenticatedActor, caseId: string, input: ContactEntryRequest): Promise<Result<ContactView>> =>
      guard.withAccess(
        ctx,
        actor,
        { operation: 'contact_log.record', objectType: 'case', objectId: caseId, dataSubjectId: caseId, check: contactLogWrite(caseId), conflict: () => ({ code: 'VERSION_CONFLICT', message: 'someone else logged a contact meanwhile; reload the log' }) },
        async ({ trx, grant, note }) => {
          const entries = await loadContactLog(trx, grant.log, caseId);
          if (input.expectedSeq !== entries.length) return fail('VERSION_CONFLICT', `the contact log has ${entries.length} entries, not ${input.expectedSeq}`, { currentSeq: entries.length });
          const events = await loadCaseEvents(trx, grant.caseRead);
          const state = projectCase(events);
          if (input.personId && !state?.persons.some((p) => p.personId === input.personId)) return fail('VALIDATION_FAILED', 'personId: not a person of this case', { field: 'personId' });
          if (input.correctsEntryId && !entries.some((e) => e.entryId === input.correctsEntryId)) return fail('VALIDATION_FAILED', 'correctsEntryId: not an entry of this log', { field: 'correctsEntryId' });
          // One correction per entry keeps the chain linear: a corrected entry is corrected through its correction.
          if (input.correctsEntryId && entries.some((e) => e.correctsEntryId === input.correctsEntryId)) return fail('VALIDATION_FAILED', 'correctsEntryId: this entry was already corrected; correct the correction instead', { field: 'correctsEntryId' });
          const contradictions = checkAgainstDecision(`${input.message}\n${input.promised}`, state?.activeDecision);
          if (contradictions.length > 0 && !input.acknowledgeContradictions) {
            note({ contradictions: contradictions.map((c) => c.code) });
            return fail('RULE_VIOLATION', 'the message contradicts the decision in force: acknowledge the warning to log it anyway', { field: 'acknowledgeContradictions', contradictions });
          }
          const entry = {
            entryId: randomUUID(),
            seq: entries.length + 1,
            personId: input.personId ?? null,
            contactDate: input.contactDate,
            channel: input.channel,
            spokeWith: input.spokeWith,
            discussed: input.discussed,
            personAsked: input.personAsked,
            promised: input.promised,
            informationGiven: input.informationGiven,
            toldTopic: input.informationGiven ? (input.toldTopic ?? 'other') : null,
            message: input.message,
            contradictions,
            acknowledgedContradictions: contradictions.length > 0,
            correctsEntryId: input.correctsEntryId ?? null,
            correctionReason: input.correctsEntryId ? (input.correctionReason?.trim() ?? null) : null,
            recordedBy: actor.userId,
            recordedRole: actingRole(actor),
          };
          await appendContactEntry(trx, grant.log, entry, ctx.now);
          note({ entryId: entry.entryId, seq: entry.seq, ...(entry.correctsEntryId ? { corrects: entry.correctsEntryId } : {}), contradictions: contradictions.map((c) => c.code), acknowledged: entry.acknowledgedContradictions });
          return ok(await contactView(trx, grant, caseId, events, await loadContactLog(trx, grant.log, caseId), null));
        },
      ),
  };
}

export type ContactLogService = ReturnType<typeof createContactLogService>;
