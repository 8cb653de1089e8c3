import {
  classificationRank,
  decideCase,
  fail,
  mayIssueCommand,
  ok,
  projectCase,
  type CaseCommand,
  type Classification,
  type Result,
} from '@hoeder/domain';
import type { CommandAccepted } from '@hoeder/contracts';
import { appendCaseEvents, findUserById, loadCaseEvents, saveCaseProjection, type Database, type Db } from '@hoeder/db';
import type { Kysely } from 'kysely';
import type { AuditService } from '../audit/audit.service';
import { actingRole, type AuthenticatedActor, type RequestContext } from '../platform/actor';
import { auditStatus, runLoggedCommand } from '../platform/logged-command';
import type { PolicyStore } from '../policy/policy-store';
import { caseAccess, processingActivity } from './case-access';


/** Checks that depend on other records than the case itself: a new member must exist and be cleared. */
async function checkReferences(trx: Db, command: CaseCommand, classification: Classification): Promise<Result<true>> {
  if (command.type !== 'AssignMember') return ok(true);
  const user = await findUserById(trx, command.userId);
  if (!user || !user.active) return fail('VALIDATION_FAILED', 'unknown user', { field: 'userId' });
  if (classificationRank(user.clearance as Classification) < classificationRank(classification)) {
    return fail('RULE_VIOLATION', 'the user lacks the clearance this case requires');
  }
  return ok(true);
}

/** Only a decision proposal reads the package policy: the version in effect at the decision time. */
type PolicySource = Pick<PolicyStore, 'evaluatorInEffect' | 'ensureShipped'>;

export function createCaseCommands({ db, audit, policies }: { db: Kysely<Database>; audit: AuditService; policies: PolicySource }) {
  /** One command in one transaction: access check, version check, decide, append, project, audit. */
  async function executeIn(
    trx: Db,
    ctx: RequestContext,
    actor: AuthenticatedActor,
    caseId: string,
    expectedVersion: number,
    command: CaseCommand,
  ): Promise<Result<CommandAccepted>> {
    // The case only records an assessment the DAF finalised (the bridge in assessments/, ADR 0009).
    if (command.type === 'RecordAssessment') return fail('FORBIDDEN_ACTION', 'a threat assessment is recorded by finalising it in the DAF record');
    const registering = command.type === 'RegisterCase';
    const access = registering ? undefined : await caseAccess(trx, actor, caseId, ctx.now);
    if (!registering && !access) return fail('NOT_FOUND', 'case not found');
    const target = access && { caseId, classification: access.summary.classification as Classification };
    if (!mayIssueCommand(actor, command.type, target, access?.memberOf ?? new Set())) {
      return fail('FORBIDDEN_ACTION', `your role may not ${command.type} on this case`);
    }
    const events = registering ? [] : await loadCaseEvents(trx, caseId);
    const state = projectCase(events);
    if ((state?.version ?? 0) !== expectedVersion) {
      return fail('VERSION_CONFLICT', 'the case was changed by someone else; reload and try again', { currentVersion: state?.version ?? 0 });
    }
    const references = await checkReferences(trx, command, (state?.classification ?? 'unclassified') as Classification);
    if (!references.ok) return references;
    const policy = command.type === 'ProposeDecision' ? await policies.evaluatorInEffect(trx, ctx.now) : undefined;
    const decided = decideCase(state, command, { actorId: actor.userId, now: ctx.now.toISOString(), policy });
    if (!decided.ok) return decided;
    const newEvents = decided.value.map((body) => ({ body, actorId: actor.userId, actorRole: actingRole(actor), occurredAt: ctx.now, traceId: ctx.traceId }));
    const version = await appendCaseEvents(trx, caseId, expectedVersion, newEvents);
    const recorded = newEvents.map((e, i) => ({ ...e, caseId, version: expectedVersion + i + 1, occurredAt: ctx.now.toISOString() }));
    const next = projectCase([...events, ...recorded]);
    if (next) await saveCaseProjection(trx, next, ctx.now);
    return ok({ caseId, version });
  }

  async function recordOutcome(trx: Db, ctx: RequestContext, actor: AuthenticatedActor, caseId: string, command: CaseCommand, result: Result<CommandAccepted>) {
    const memberOf = new Set(result.ok ? [caseId] : []);
    await audit.record(trx, ctx, actor, {
      operation: `case.command.${command.type}`,
      status: result.ok ? 'ok' : auditStatus(result.error.code),
      processingActivity: processingActivity(actor, memberOf, caseId),
      objectType: 'case',
      objectId: caseId,
      dataSubjectId: caseId,
      details: result.ok ? { version: result.value.version } : { errorCode: result.error.code },
    });
  }

  /**
   * Runs a command. A domain refusal rolls nothing forward but is still logged; a lost race on the
   * version (the unique constraint fired) is reported as a conflict and logged in a new transaction.
   */
  async function execute(
    ctx: RequestContext,
    actor: AuthenticatedActor,
    caseId: string,
    expectedVersion: number,
    command: CaseCommand,
  ): Promise<Result<CommandAccepted>> {
    if (command.type === 'ProposeDecision') await policies.ensureShipped();
    return runLoggedCommand(
      db,
      (trx) => executeIn(trx, ctx, actor, caseId, expectedVersion, command),
      (trx, result) => recordOutcome(trx, ctx, actor, caseId, command, result),
      () => fail('VERSION_CONFLICT', 'the case was changed by someone else; reload and try again'),
    );
  }

  return { execute };
}
