import {
  CaseIdParams,
  PolicyProposalRequest,
  PolicyTransitionRequest,
  PolicyVersionParams,
  SavePolicyDraftRequest,
  ValidatePolicyRequest,
} from '@hoeder/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { requireActor } from '../auth/auth.plugin';
import type { Clock } from '../platform/clock';
import { openApi, parseWith, requestContext, unwrap } from '../platform/http';
import type { PolicyDecisionService } from './policy-decisions.service';
import type { PolicyImpact } from './policy-impact';
import type { PolicyService } from './policy.service';

const TAGS = ['policy'];

export interface PolicyRouteDeps {
  policy: PolicyService;
  policyDecisions: PolicyDecisionService;
  policyImpact: PolicyImpact;
  clock: Clock;
}

export function registerPolicyRoutes(app: FastifyInstance, deps: PolicyRouteDeps) {
  const ctx = (request: FastifyRequest) => requestContext(request, deps.clock);
  const versionOf = (request: FastifyRequest) => parseWith(PolicyVersionParams, request.params).version;
  const params = openApi(PolicyVersionParams);

  app.get('/api/policy/versions', { schema: { tags: TAGS, summary: 'Package policy versions with status and effective date' } }, async (request) =>
    unwrap(await deps.policy.list(ctx(request), requireActor(request))),
  );

  app.get('/api/policy/versions/:version', { schema: { tags: TAGS, summary: 'One policy version with its DMN XML and history', params } }, async (request) =>
    unwrap(await deps.policy.get(ctx(request), requireActor(request), versionOf(request))),
  );

  app.post('/api/policy/versions/:version/draft', { schema: { tags: TAGS, summary: 'Create or save a draft (validated first)', params, body: openApi(SavePolicyDraftRequest) } }, async (request) => {
    const actor = requireActor(request);
    const version = versionOf(request);
    const body = parseWith(SavePolicyDraftRequest, request.body);
    return unwrap(await deps.policy.saveDraft(ctx(request), actor, version, body));
  });

  app.post('/api/policy/versions/:version/validate', { schema: { tags: TAGS, summary: 'Validate DMN XML without saving', params, body: openApi(ValidatePolicyRequest) } }, async (request) => {
    const actor = requireActor(request);
    const version = versionOf(request);
    const { xml } = parseWith(ValidatePolicyRequest, request.body);
    return unwrap(await deps.policy.validate(ctx(request), actor, version, xml));
  });

  app.post('/api/policy/versions/:version/impact', { schema: { tags: TAGS, summary: 'Impact simulation against every active case (aggregated, pseudonymous)', params } }, async (request) =>
    unwrap(await deps.policyImpact.simulate(ctx(request), requireActor(request), versionOf(request))),
  );

  const transitions = [
    ['submit', 'Submit a draft for publication', deps.policy.submit],
    ['publish', 'Publish a submitted version (a second functional administrator)', deps.policy.publish],
    ['return', 'Return a submitted version to draft (a second functional administrator)', deps.policy.returnToDraft],
  ] as const;
  for (const [path, summary, run] of transitions) {
    app.post(`/api/policy/versions/:version/${path}`, { schema: { tags: TAGS, summary, params, body: openApi(PolicyTransitionRequest) } }, async (request) => {
      const actor = requireActor(request);
      const version = versionOf(request);
      const body = parseWith(PolicyTransitionRequest, request.body);
      return unwrap(await run(ctx(request), actor, version, body));
    });
  }

  app.get('/api/policy/deviations', { schema: { tags: TAGS, summary: 'Decisions that deviate from the policy proposal (inspectorate; decision makers for their cases)' } }, async (request) =>
    unwrap(await deps.policyDecisions.deviations(ctx(request), requireActor(request))),
  );

  const caseParams = openApi(CaseIdParams);
  app.get('/api/cases/:caseId/policy', { schema: { tags: TAGS, summary: 'Policy version in effect and facts known from the case, for the decision form', params: caseParams } }, async (request) => {
    const actor = requireActor(request);
    const { caseId } = parseWith(CaseIdParams, request.params);
    return unwrap(await deps.policyDecisions.prefill(ctx(request), actor, caseId));
  });

  app.post('/api/cases/:caseId/policy/proposal', { schema: { tags: TAGS, summary: 'The package the policy in effect proposes for these facts, with its explanation', params: caseParams, body: openApi(PolicyProposalRequest) } }, async (request) => {
    const actor = requireActor(request);
    const { caseId } = parseWith(CaseIdParams, request.params);
    const { facts } = parseWith(PolicyProposalRequest, request.body);
    return unwrap(await deps.policyDecisions.propose(ctx(request), actor, caseId, facts));
  });
}
