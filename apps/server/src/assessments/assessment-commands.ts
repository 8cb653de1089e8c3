import {
  assessment,
  classificationRank,
  dafVersionMarking,
  decideCase,
  fail,
  mayIssueCommand,
  ok,
  projectCase,
  type Classification,
  type Result,
} from '@hoeder/domain';
import type { AssessmentCommandAccepted } from '@hoeder/contracts';
import { appendCaseEvents, loadCaseEvents, saveCaseProjection, type Database, type Db } from '@hoeder/db';
import type { Kysely } from 'kysely';
import type { AuditService } from '../audit/audit.service';
import { actingRole, type AuthenticatedActor, type RequestContext } from '../platform/actor';
import { auditStatus, runLoggedCommand } from '../platform/logged-command';
import { processingActivity } from '../cases/case-access';
import { dafAccess, dafAssessmentId, recordClassification, type DafAccess } from './assessment-access';
import { appendAssessmentEvents, saveAssessmentSummary } from './assessment.repository';

type AssessmentCommand = assessment.AssessmentCommand;
type AssessmentState = assessment.AssessmentState;

const conflict = () => fail('VERSION_CONFLICT', 'the assessment was changed by someone else; reload and try again');

/** The classification a command writes at: a draft may raise the record's marking. */
function writtenClassification(daf: DafAccess, command: AssessmentCommand): Classification {
  const c = command.type === 'StartDraft' ? command.classification : command.type === 'ReviseDraft' ? command.content.classification : undefined;
  return c && classificationRank(c) > classificationRank(daf.classification) ? c : daf.classification;
}

/**
 * Writing the DAF record needs what writing the assessment section of the case needs (role,
 * membership, clearance and release, ADR 0006) at the marking the record will carry.
 */
function mayWrite(actor: AuthenticatedActor, daf: DafAccess, command: AssessmentCommand): boolean {
  const target = { caseId: daf.access.summary.caseId, classification: writtenClassification(daf, command) };
  return mayIssueCommand(actor, 'RecordAssessment', target, daf.access.memberOf);
}

/**
 * The bridge to the case lifecycle (ADR 0009): a finalised DAF version is recorded in the case
 * stream as `AssessmentRecorded` in the same transaction, so the case moves on and decisions link
 * to the exact DAF version. The event holds the reference and the version's marking (ADR 0015). Decided before anything is appended: a refusal leaves both streams as
 * they were.
 */
async function bridgeToCase(trx: Db, ctx: RequestContext, actor: AuthenticatedActor, caseId: string, state: AssessmentState) {
  const final = assessment.currentFinal(state);
  if (!final?.content.judgement || !final.validUntil) return fail('INVALID_TRANSITION', 'no final assessment to record');
  const caseEvents = await loadCaseEvents(trx, caseId);
  const caseState = projectCase(caseEvents);
  const command = {
    type: 'RecordAssessment' as const,
    assessmentId: dafAssessmentId(caseId, final.versionNumber),
    // A reference and the version's marking, never its content (high-water mark, ADR 0015).
    assessmentVersion: final.versionNumber,
    marking: dafVersionMarking(final.content.classification),
    validUntil: final.validUntil,
  };
  const decided = decideCase(caseState, command, { actorId: actor.userId, now: ctx.now.toISOString() });
  if (!decided.ok) return decided;
  const base = caseState?.version ?? 0;
  const events = decided.value.map((body) => ({ body, actorId: actor.userId, actorRole: actingRole(actor), occurredAt: ctx.now, traceId: ctx.traceId }));
  /** Appends the case event and projects the case read model; returns the new case version. */
  const commit = async (): Promise<number> => {
    const version = await appendCaseEvents(trx, caseId, base, events);
    const next = projectCase([...caseEvents, ...events.map((e, i) => ({ ...e, caseId, version: base + i + 1, occurredAt: ctx.now.toISOString() }))]);
    if (next) await saveCaseProjection(trx, next, ctx.now);
    return version;
  };
  return ok(commit);
}

export function createAssessmentCommands({ db, audit, templates }: { db: Kysely<Database>; audit: AuditService; templates: readonly assessment.MethodTemplate[] }) {
  /** One command, one transaction: access, version check, decide, append, project, bridge. */
  async function executeIn(trx: Db, ctx: RequestContext, actor: AuthenticatedActor, caseId: string, expectedVersion: number, command: AssessmentCommand): Promise<Result<AssessmentCommandAccepted>> {
    const daf = await dafAccess(trx, actor, caseId, ctx.now);
    if (!daf || daf.view.parts.length === 0) return fail('NOT_FOUND', 'case not found');
    if (!mayWrite(actor, daf, command)) return fail('FORBIDDEN_ACTION', `your role may not ${command.type} on this case`);
    const current = daf.state?.version ?? 0;
    if (current !== expectedVersion) return fail('VERSION_CONFLICT', 'the assessment was changed by someone else; reload and try again', { currentVersion: current });
    const decided = assessment.decideAssessment(daf.state, command, { actorId: actor.userId, actorRoles: actor.roles, now: ctx.now.toISOString(), templates });
    if (!decided.ok) return decided;
    const newEvents = decided.value.map((body) => ({ body, actorId: actor.userId, actorRole: actingRole(actor), occurredAt: ctx.now, traceId: ctx.traceId }));
    const recorded = newEvents.map((e, i) => ({ ...e, caseId, version: expectedVersion + i + 1, occurredAt: ctx.now.toISOString() }));
    const next = assessment.projectAssessment([...daf.events, ...recorded])!;
    const bridge = command.type === 'FinaliseAssessment' ? await bridgeToCase(trx, ctx, actor, caseId, next) : undefined;
    if (bridge && !bridge.ok) return bridge;
    const version = await appendAssessmentEvents(trx, caseId, expectedVersion, newEvents);
    await saveAssessmentSummary(trx, next, recordClassification(daf.access.summary.classification as Classification, next), ctx.now);
    const caseVersion = bridge?.ok ? await bridge.value() : undefined;
    const itemId = command.type === 'RegisterItem' ? command.item.itemId : undefined;
    return ok({ caseId, version, ...(caseVersion ? { caseVersion } : {}), ...(itemId ? { itemId } : {}) });
  }

  async function recordOutcome(trx: Db, ctx: RequestContext, actor: AuthenticatedActor, caseId: string, command: AssessmentCommand, result: Result<AssessmentCommandAccepted>) {
    await audit.record(trx, ctx, actor, {
      operation: `assessment.command.${command.type}`,
      status: result.ok ? 'ok' : auditStatus(result.error.code),
      processingActivity: processingActivity(actor, new Set(result.ok ? [caseId] : []), caseId),
      objectType: 'assessment',
      objectId: caseId,
      dataSubjectId: caseId,
      details: result.ok ? { version: result.value.version, caseVersion: result.value.caseVersion, itemId: result.value.itemId } : { errorCode: result.error.code },
    });
  }

  /**
   * Runs a DAF command. A refusal writes nothing but is logged in the same transaction; a lost
   * race (the unique constraint fired, on either stream) is a 409, logged in a new transaction.
   */
  async function execute(ctx: RequestContext, actor: AuthenticatedActor, caseId: string, expectedVersion: number, command: AssessmentCommand): Promise<Result<AssessmentCommandAccepted>> {
    return runLoggedCommand(
      db,
      (trx) => executeIn(trx, ctx, actor, caseId, expectedVersion, command),
      (trx, result) => recordOutcome(trx, ctx, actor, caseId, command, result),
      conflict,
    );
  }

  return { execute };
}
