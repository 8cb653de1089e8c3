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
  type Db,
  type PolicyVersionRow,
} from '@hoeder/db';
import type { AuthenticatedActor, RequestContext } from '../platform/actor';
import { roleCheck, type Guard } from '../platform/guard/guard';
import { amsterdamDate, type PolicyStore } from './policy-store';

export interface PolicyServiceDeps {
  guard: Guard;
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
 * functional administrators. The lifecycle and the four-eyes rule are the domain's
 * (`@hoeder/domain/policy` lifecycle.ts); every read, write and refusal goes through the guarded
 * layer and is audited there (ADR 0010).
 */
export function createPolicyService({ guard, policies }: PolicyServiceDeps) {
  const administers = roleCheck(mayAdministerPolicy, 'policy administration is for functional administrators', ADMIN_ACTIVITY);
  const reads = roleCheck(mayReadPolicy, 'your role does not read the package policy', ADMIN_ACTIVITY);
  const onVersion = (operation: string, version: string) => ({ operation, objectType: 'policy_version', objectId: version });

  /** A write: the shipped versions first (outside the transaction, see policy-store), then the guard. */
  const write = async <T>(ctx: RequestContext, actor: AuthenticatedActor, operation: string, version: string, body: (trx: Db) => Promise<Result<T>>) => {
    await policies.ensureShipped();
    return guard.withAccess(ctx, actor, { ...onVersion(operation, version), check: administers }, ({ trx }) => body(trx));
  };

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
      const editable = policy.checkEditable(existing);
      if (!editable.ok) return editable;
      const revision = await updatePolicyVersion(trx, version, input.expectedRevision, { effectiveFrom: input.effectiveFrom, summary: input.summary, xml: input.xml, at: ctx.now });
      if (revision === undefined) return fail('VERSION_CONFLICT', 'the draft was changed by someone else; reload and try again', { currentRevision: existing.revision });
      await appendPolicyHistory(trx, { version, revision, action: 'saved', actorId: actor.userId, at: ctx.now, effectiveFrom: input.effectiveFrom, xml: input.xml });
    }
    const saved = await findPolicyVersionRow(trx, version);
    return ok(summaryOf(saved!, await inEffectName(trx, ctx.now)));
  }

  /** The domain's checks for a step that need stored data: validation, four eyes, the publication date. */
  async function stepAllowed(trx: Db, ctx: RequestContext, actor: AuthenticatedActor, row: PolicyVersionRow & { xml: string }, transition: policy.PolicyTransition): Promise<Result<true>> {
    if (transition === 'submit') {
      const validation = await validateXml(row.version, row.effectiveFrom, row.xml);
      return validation.valid ? ok(true) : fail('VALIDATION_FAILED', 'the policy model does not validate', { field: 'xml', messages: validation.messages });
    }
    const fourEyes = policy.checkFourEyes(policy.policyWriters(row, await listPolicyHistory(trx, row.version)), actor.userId);
    if (!fourEyes.ok || transition !== 'publish') return fourEyes;
    const published = (await listPolicyVersions(trx)).filter((v) => v.status === 'published');
    return policy.checkPublishable(row, amsterdamDate(ctx.now), published);
  }

  async function transition(trx: Db, ctx: RequestContext, actor: AuthenticatedActor, version: string, input: PolicyTransitionRequest, name: policy.PolicyTransition): Promise<Result<PolicyVersionSummary>> {
    const row = await findPolicyVersionRow(trx, version);
    if (!row) return fail('NOT_FOUND', `no policy version ${version}`);
    const step = policy.checkTransition(row, name, input.expectedRevision);
    if (!step.ok) return step;
    const allowed = await stepAllowed(trx, ctx, actor, row, name);
    if (!allowed.ok) return allowed;
    const to = step.value.to;
    const change =
      to === 'submitted'
        ? { status: to, submittedBy: actor.userId, submittedAt: ctx.now }
        : to === 'published'
          ? { status: to, approvedBy: actor.userId, approvedAt: ctx.now }
          : { status: to, submittedBy: null, submittedAt: null };
    const revision = await updatePolicyVersion(trx, version, row.revision, { ...change, at: ctx.now });
    if (revision === undefined) return fail('VERSION_CONFLICT', 'the version was changed by someone else; reload and try again');
    await appendPolicyHistory(trx, { version, revision, action: step.value.action, actorId: actor.userId, at: ctx.now, effectiveFrom: row.effectiveFrom, xml: row.xml, note: input.note?.trim() || null });
    return ok(summaryOf((await findPolicyVersionRow(trx, version))!, await inEffectName(trx, ctx.now)));
  }

  return {
    list: async (ctx: RequestContext, actor: AuthenticatedActor): Promise<Result<PolicyVersionSummary[]>> => {
      await policies.ensureShipped();
      return guard.withAccess(ctx, actor, { operation: 'policy.list', objectType: 'policy_version', check: reads }, async ({ trx }) => {
        const current = await inEffectName(trx, ctx.now);
        return ok((await listPolicyVersions(trx)).map((r) => summaryOf(r, current)));
      });
    },

    get: async (ctx: RequestContext, actor: AuthenticatedActor, version: string): Promise<Result<PolicyVersionDetail>> => {
      await policies.ensureShipped();
      return guard.withAccess(ctx, actor, { ...onVersion('policy.view', version), check: reads }, async ({ trx }) => {
        const row = await findPolicyVersionRow(trx, version);
        // Drafts are work in progress of the administrators; others see published versions only.
        if (!row || (row.status !== 'published' && !mayAdministerPolicy(actor))) return fail('NOT_FOUND', `no policy version ${version}`);
        const history = await listPolicyHistory(trx, version);
        const { xml, ...rest } = row;
        return ok({ ...summaryOf(rest, await inEffectName(trx, ctx.now)), xml, history: history.map(({ version: _v, ...h }) => h) });
      });
    },

    validate: (ctx: RequestContext, actor: AuthenticatedActor, version: string, xml: string): Promise<Result<PolicyValidationResult>> =>
      guard.withAccess(ctx, actor, { ...onVersion('policy.validate', version), check: administers }, async () => ok(await validateXml(version, '2000-01-01', xml))),

    saveDraft: (ctx: RequestContext, actor: AuthenticatedActor, version: string, input: SavePolicyDraftRequest) =>
      write(ctx, actor, 'policy.draft.save', version, (trx) => saveDraft(trx, ctx, actor, version, input)),

    submit: (ctx: RequestContext, actor: AuthenticatedActor, version: string, input: PolicyTransitionRequest) =>
      write(ctx, actor, 'policy.submit', version, (trx) => transition(trx, ctx, actor, version, input, 'submit')),

    publish: (ctx: RequestContext, actor: AuthenticatedActor, version: string, input: PolicyTransitionRequest) =>
      write(ctx, actor, 'policy.publish', version, (trx) => transition(trx, ctx, actor, version, input, 'publish')),

    returnToDraft: (ctx: RequestContext, actor: AuthenticatedActor, version: string, input: PolicyTransitionRequest) =>
      write(ctx, actor, 'policy.return', version, (trx) => transition(trx, ctx, actor, version, input, 'return')),
  };
}

export type PolicyService = ReturnType<typeof createPolicyService>;
