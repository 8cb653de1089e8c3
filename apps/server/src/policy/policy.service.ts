import { fail, mayAdministerPolicy, mayReadPolicy, ok, type Result } from '@hoeder/domain';
import * as policy from '@hoeder/domain/policy';
import type { PolicyTransitionRequest, PolicyValidationResult, PolicyVersionDetail, PolicyVersionSummary, SavePolicyDraftRequest } from '@hoeder/contracts';
import {
  appendPolicyHistory,
  findPolicyVersionInEffect,
  findPolicyVersionRow,
  insertPolicyVersion,
  listPolicyHistory,
  listPolicyVersions,
  updatePolicyVersion,
  type Database,
  type Db,
  type PolicyVersionRow,
} from '@hoeder/db';
import type { Kysely } from 'kysely';
import type { AuditService } from '../audit/audit.service';
import type { AuthenticatedActor, RequestContext } from '../platform/actor';
import { amsterdamDate, type PolicyStore } from './policy-store';

export interface PolicyServiceDeps {
  db: Kysely<Database>;
  audit: AuditService;
  policies: PolicyStore;
}

const ADMIN_ACTIVITY = 'policy.administration';

const summaryOf = (row: PolicyVersionRow, inEffect: string | undefined): PolicyVersionSummary => ({
  version: row.version,
  effectiveFrom: row.effectiveFrom,
  summary: row.summary,
  status: row.status,
  revision: row.revision,
  origin: row.origin,
  inEffect: row.version === inEffect,
  authorId: row.authorId,
  submittedBy: row.submittedBy,
  submittedAt: row.submittedAt,
  approvedBy: row.approvedBy,
  approvedAt: row.approvedAt,
  updatedAt: row.updatedAt,
});

/** Validation as the API reports it: the messages, never the parsed model. */
export async function validateXml(version: string, effectiveFrom: string, xml: string): Promise<PolicyValidationResult> {
  const { valid, messages, casesEvaluated } = await policy.validatePolicyXml({ version, effectiveFrom, status: 'draft', file: '', summary: '' }, xml);
  return { valid, messages, casesEvaluated };
}

/**
 * Policy versions: read by administrators, decision makers and the inspectorate; written only by
 * functional administrators. Publishing needs a second administrator (four eyes), and a
 * published version never changes. Every write and every refusal is audited.
 */
export function createPolicyService({ db, audit, policies }: PolicyServiceDeps) {
  const denied = () => fail('FORBIDDEN_ACTION', 'policy administration is for functional administrators');

  async function logWrite(trx: Db, ctx: RequestContext, actor: AuthenticatedActor, operation: string, version: string, result: Result<unknown>) {
    await audit.record(trx, ctx, actor, {
      operation,
      status: result.ok ? 'ok' : result.error.code === 'FORBIDDEN_ACTION' ? 'denied' : 'error',
      processingActivity: ADMIN_ACTIVITY,
      objectType: 'policy_version',
      objectId: version,
      details: result.ok ? {} : { errorCode: result.error.code },
    });
  }

  /** Runs a write in one transaction with its audit entry, refused or not. */
  const write = <T>(ctx: RequestContext, actor: AuthenticatedActor, operation: string, version: string, body: (trx: Db) => Promise<Result<T>>) =>
    policies.ensureShipped().then(() =>
      db.transaction().execute(async (trx) => {
        const result = mayAdministerPolicy(actor) ? await body(trx) : denied();
        await logWrite(trx, ctx, actor, operation, version, result);
        return result;
      }),
    );

  async function inEffectName(trx: Db, at: Date) {
    return (await findPolicyVersionInEffect(trx, amsterdamDate(at)))?.version;
  }

  async function saveDraft(trx: Db, ctx: RequestContext, actor: AuthenticatedActor, version: string, input: SavePolicyDraftRequest): Promise<Result<PolicyVersionSummary>> {
    const validation = await validateXml(version, input.effectiveFrom, input.xml);
    if (!validation.valid) return fail('VALIDATION_FAILED', 'the policy model does not validate', { field: 'xml', messages: validation.messages });
    const existing = await findPolicyVersionRow(trx, version);
    if (!existing) {
      if (input.expectedRevision !== 0) return fail('NOT_FOUND', `no policy version ${version}`);
      await insertPolicyVersion(trx, { version, effectiveFrom: input.effectiveFrom, summary: input.summary, status: 'draft', xml: input.xml, origin: 'authored', authorId: actor.userId, at: ctx.now });
      await appendPolicyHistory(trx, { version, revision: 1, action: 'created', actorId: actor.userId, at: ctx.now, effectiveFrom: input.effectiveFrom, xml: input.xml });
    } else {
      if (existing.status !== 'draft') return fail('INVALID_TRANSITION', `version ${version} is ${existing.status}; only a draft can be edited`);
      const revision = await updatePolicyVersion(trx, version, input.expectedRevision, { effectiveFrom: input.effectiveFrom, summary: input.summary, xml: input.xml, at: ctx.now });
      if (revision === undefined) return fail('VERSION_CONFLICT', 'the draft was changed by someone else; reload and try again', { currentRevision: existing.revision });
      await appendPolicyHistory(trx, { version, revision, action: 'saved', actorId: actor.userId, at: ctx.now, effectiveFrom: input.effectiveFrom, xml: input.xml });
    }
    const saved = await findPolicyVersionRow(trx, version);
    return ok(summaryOf(saved!, await inEffectName(trx, ctx.now)));
  }

  /** The administrators who wrote or submitted a version: none of them may publish it. */
  async function authorsOf(trx: Db, row: PolicyVersionRow): Promise<Set<string>> {
    const history = await listPolicyHistory(trx, row.version);
    const writers = history.filter((h) => h.action === 'created' || h.action === 'saved' || h.action === 'submitted').map((h) => h.actorId);
    return new Set([row.authorId, row.submittedBy, ...writers].filter((id): id is string => id !== null));
  }

  async function transition(
    trx: Db,
    ctx: RequestContext,
    actor: AuthenticatedActor,
    version: string,
    input: PolicyTransitionRequest,
    to: 'submitted' | 'published' | 'draft',
  ): Promise<Result<PolicyVersionSummary>> {
    const row = await findPolicyVersionRow(trx, version);
    if (!row) return fail('NOT_FOUND', `no policy version ${version}`);
    const from = to === 'submitted' ? 'draft' : 'submitted';
    if (row.status !== from) return fail('INVALID_TRANSITION', `version ${version} is ${row.status}, not ${from}`);
    if (row.revision !== input.expectedRevision) return fail('VERSION_CONFLICT', 'the version was changed by someone else; reload and try again', { currentRevision: row.revision });
    if (to === 'submitted') {
      const validation = await validateXml(version, row.effectiveFrom, row.xml);
      if (!validation.valid) return fail('VALIDATION_FAILED', 'the policy model does not validate', { field: 'xml', messages: validation.messages });
    } else if ((await authorsOf(trx, row)).has(actor.userId)) {
      return fail('FOUR_EYES_VIOLATION', 'a second functional administrator, who did not write or submit this version, must decide on it');
    }
    if (to === 'published') {
      const refusal = await publishable(trx, row, ctx.now);
      if (refusal) return refusal;
    }
    const change =
      to === 'submitted'
        ? { status: to, submittedBy: actor.userId, submittedAt: ctx.now }
        : to === 'published'
          ? { status: to, approvedBy: actor.userId, approvedAt: ctx.now }
          : { status: to, submittedBy: null, submittedAt: null };
    const revision = await updatePolicyVersion(trx, version, row.revision, { ...change, at: ctx.now });
    if (revision === undefined) return fail('VERSION_CONFLICT', 'the version was changed by someone else; reload and try again');
    const action = to === 'draft' ? 'returned' : to;
    await appendPolicyHistory(trx, { version, revision, action, actorId: actor.userId, at: ctx.now, effectiveFrom: row.effectiveFrom, xml: row.xml, note: input.note?.trim() || null });
    return ok(summaryOf((await findPolicyVersionRow(trx, version))!, await inEffectName(trx, ctx.now)));
  }

  /** A version takes effect today or later (never retroactively), on a day no other version claims. */
  async function publishable(trx: Db, row: PolicyVersionRow, now: Date): Promise<Result<never> | undefined> {
    if (row.effectiveFrom < amsterdamDate(now)) return fail('RULE_VIOLATION', `effective date ${row.effectiveFrom} lies in the past; decisions already taken must keep their policy`);
    const clash = (await listPolicyVersions(trx)).find((v) => v.status === 'published' && v.effectiveFrom === row.effectiveFrom);
    if (clash) return fail('RULE_VIOLATION', `version ${clash.version} already takes effect on ${row.effectiveFrom}`);
    return undefined;
  }

  return {
    list: async (ctx: RequestContext, actor: AuthenticatedActor): Promise<Result<PolicyVersionSummary[]>> => {
      if (!mayReadPolicy(actor)) return fail('FORBIDDEN_ACTION', 'your role does not read the package policy');
      await policies.ensureShipped();
      const current = await inEffectName(db, ctx.now);
      return ok((await listPolicyVersions(db)).map((r) => summaryOf(r, current)));
    },

    get: async (ctx: RequestContext, actor: AuthenticatedActor, version: string): Promise<Result<PolicyVersionDetail>> => {
      if (!mayReadPolicy(actor)) return fail('FORBIDDEN_ACTION', 'your role does not read the package policy');
      await policies.ensureShipped();
      const row = await findPolicyVersionRow(db, version);
      // Drafts are work in progress of the administrators; others see published versions only.
      if (!row || (row.status !== 'published' && !mayAdministerPolicy(actor))) return fail('NOT_FOUND', `no policy version ${version}`);
      const history = await listPolicyHistory(db, version);
      const { xml, ...rest } = row;
      return ok({ ...summaryOf(rest, await inEffectName(db, ctx.now)), xml, history: history.map(({ version: _v, ...h }) => h) });
    },

    validate: async (_ctx: RequestContext, actor: AuthenticatedActor, version: string, xml: string): Promise<Result<PolicyValidationResult>> => {
      if (!mayAdministerPolicy(actor)) return denied();
      return ok(await validateXml(version, '2000-01-01', xml));
    },

    saveDraft: (ctx: RequestContext, actor: AuthenticatedActor, version: string, input: SavePolicyDraftRequest) =>
      write(ctx, actor, 'policy.draft.save', version, (trx) => saveDraft(trx, ctx, actor, version, input)),

    submit: (ctx: RequestContext, actor: AuthenticatedActor, version: string, input: PolicyTransitionRequest) =>
      write(ctx, actor, 'policy.submit', version, (trx) => transition(trx, ctx, actor, version, input, 'submitted')),

    publish: (ctx: RequestContext, actor: AuthenticatedActor, version: string, input: PolicyTransitionRequest) =>
      write(ctx, actor, 'policy.publish', version, (trx) => transition(trx, ctx, actor, version, input, 'published')),

    returnToDraft: (ctx: RequestContext, actor: AuthenticatedActor, version: string, input: PolicyTransitionRequest) =>
      write(ctx, actor, 'policy.return', version, (trx) => transition(trx, ctx, actor, version, input, 'draft')),
  };
}

export type PolicyService = ReturnType<typeof createPolicyService>;
