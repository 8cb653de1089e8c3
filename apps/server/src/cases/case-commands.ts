import { classificationRank, decideCase, fail, ok, type CaseCommand, type Classification, type Result } from '@hoeder/domain';
import type { CommandAccepted } from '@hoeder/contracts';
import { existingPersonIds, findUserById, type CaseWriteGrant, type Db } from '@hoeder/db';
import type { AuthenticatedActor, RequestContext } from '../platform/actor';
import { caseCommand, caseRegistration } from '../platform/guard/case-check';
import { versionConflict, runStreamCommand } from '../platform/guard/stream-command';
import { forbidden, type Access, type Guard } from '../platform/guard/guard';
import type { PolicyStore } from '../policy/policy-store';
import { caseStream } from './case-stream';
import { decisionFactsGrant } from '../platform/guard/arrangement-check';
import { derivedFactsOf } from '../arrangements/derived-facts';

/** Checks that depend on other records than the case itself: a new member must exist and be cleared. */
async function checkReferences(trx: Db, command: CaseCommand, classification: Classification, linkedPersonIds: readonly string[] = []): Promise<Result<true>> {
  if (command.type === 'RegisterCase') return checkLinkedPersons(trx, command.persons.map((p) => p.personId), linkedPersonIds);
  if (command.type !== 'AssignMember') return ok(true);
  const user = await findUserById(trx, command.userId);
  if (!user || !user.active) return fail('VALIDATION_FAILED', 'unknown user', { field: 'userId' });
  if (classificationRank(user.clearance as Classification) < classificationRank(classification)) {
    return fail('RULE_VIOLATION', 'the user lacks the clearance this case requires');
  }
  return ok(true);
}

/**
 * A registration may name known persons (issue 12: one record across cases, after intake's
 * duplicate warning): each must exist, and no person may be named twice.
 */
async function checkLinkedPersons(trx: Db, personIds: readonly string[], linked: readonly string[]): Promise<Result<true>> {
  const twice = personIds.findIndex((id, i) => personIds.indexOf(id) !== i);
  if (twice >= 0) return fail('VALIDATION_FAILED', `persons.${twice}.personId: the same person twice`, { field: `persons.${twice}.personId` });
  const known = await existingPersonIds(trx, linked);
  const unknown = personIds.findIndex((id) => linked.includes(id) && !known.has(id));
  return unknown >= 0 ? fail('VALIDATION_FAILED', `persons.${unknown}.personId: no such person`, { field: `persons.${unknown}.personId` }) : ok(true);
}

/** Only a decision proposal reads the package policy: the version in effect at the decision time. */
type PolicySource = Pick<PolicyStore, 'evaluatorInEffect' | 'ensureShipped'>;

/** The case only records an assessment the DAF finalised (the bridge in assessments/, ADR 0009). */
const recordedInDaf = async () => forbidden('a threat assessment is recorded by finalising it in the DAF record');

export function createCaseCommands({ guard, policies }: { guard: Guard; policies: PolicySource }) {
  /**
   * Runs a command through the guarded layer: need-to-know and role check, then the one stream
   * pipeline (version check, decide, append, project), audited in the same transaction; a lost
   * race on the version is a 409, logged in a new transaction.
   */
  async function execute(ctx: RequestContext, actor: AuthenticatedActor, caseId: string, expectedVersion: number, command: CaseCommand, options: { linkedPersonIds?: readonly string[] } = {}): Promise<Result<CommandAccepted>> {
    if (command.type === 'ProposeDecision') await policies.ensureShipped();
    const check: Access<{ write: CaseWriteGrant }>['check'] =
      command.type === 'RecordAssessment'
        ? recordedInDaf
        : command.type === 'RegisterCase'
          ? caseRegistration(caseId)
          : caseCommand(caseId, command.type);
    const access = {
      operation: `case.command.${command.type}`,
      objectType: 'case',
      objectId: caseId,
      dataSubjectId: caseId,
      check,
      conflict: () => versionConflict('case'),
    };
    return guard.withAccess(ctx, actor, access, async ({ trx, grant, note }) => {
      const done = await runStreamCommand(ctx, actor, {
        stream: caseStream(trx, grant.write, ctx.now),
        expectedVersion,
        decide: async (state) => {
          const references = await checkReferences(trx, command, (state?.classification ?? 'unclassified') as Classification, options.linkedPersonIds);
          if (!references.ok) return references;
          const proposal = command.type === 'ProposeDecision';
          const policy = proposal ? await policies.evaluatorInEffect(trx, ctx.now) : undefined;
          // Issue 12: the facts from their sources; a proposal stating otherwise must say why.
          const derivedFacts = proposal ? await derivedFactsOf(trx, decisionFactsGrant(caseId), state) : undefined;
          return decideCase(state, command, { actorId: actor.userId, now: ctx.now.toISOString(), policy, derivedFacts });
        },
      });
      if (!done.ok) return done;
      note({ version: done.value.version });
      return ok({ caseId, version: done.value.version });
    });
  }

  return { execute };
}
