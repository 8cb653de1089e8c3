import { AcceptAssignmentRequest, AcknowledgeAssignmentRequest, AssignmentIdParams, CaseIdParams, RecordConceptRequest, TaskUnitsRequest } from '@hoeder/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { requireActor } from '../auth/auth.plugin';
import type { Clock } from '../platform/clock';
import { openApi, parseWith, requestContext, unwrap } from '../platform/http';
import type { AssignmentService } from './assignment.service';

const TAGS = ['assignments'];

/** Security assignments: the LCC inbox and tasking, the units' list, acknowledgement and extract. */
export function registerAssignmentRoutes(app: FastifyInstance, deps: { assignments: AssignmentService; clock: Clock }) {
  const { assignments, clock } = deps;
  const ctx = (request: FastifyRequest) => requestContext(request, clock);
  const idOf = (request: FastifyRequest) => parseWith(AssignmentIdParams, request.params).assignmentId;
  const params = openApi(AssignmentIdParams);

  app.get('/api/assignments', { schema: { tags: TAGS, summary: 'The LCC inbox: new, changed and withdrawn assignments, and what units have not acknowledged' } }, async (request) =>
    unwrap(await assignments.inbox(ctx(request), requireActor(request))),
  );
  app.get('/api/assignments/mine', { schema: { tags: TAGS, summary: "The assignments tasked to the unit lead's own unit" } }, async (request) =>
    unwrap(await assignments.mine(ctx(request), requireActor(request))),
  );
  app.get('/api/assignments/taskable-units', { schema: { tags: TAGS, summary: 'The police and KMar units the LCC may task' } }, async (request) =>
    unwrap(await assignments.taskableUnits(ctx(request), requireActor(request))),
  );
  app.get('/api/assignments/:assignmentId', { schema: { tags: TAGS, summary: 'One assignment: versions with what changed, tasked units, concepts', params } }, async (request) => {
    const actor = requireActor(request);
    return unwrap(await assignments.view(ctx(request), actor, idOf(request)));
  });
  app.get('/api/assignments/:assignmentId/extract', { schema: { tags: TAGS, summary: 'The operational extract for an executing unit', params } }, async (request) => {
    const actor = requireActor(request);
    return unwrap(await assignments.extract(ctx(request), actor, idOf(request)));
  });
  app.get('/api/cases/:caseId/assignment', { schema: { tags: TAGS, summary: "The case's security assignment, for roles that may see it", params: openApi(CaseIdParams) } }, async (request) => {
    const actor = requireActor(request);
    const { caseId } = parseWith(CaseIdParams, request.params);
    return unwrap(await assignments.caseSection(ctx(request), actor, caseId));
  });

  app.post('/api/assignments/:assignmentId/accept', { schema: { tags: TAGS, summary: 'The LCC accepts the current version', params, body: openApi(AcceptAssignmentRequest) } }, async (request) => {
    const actor = requireActor(request);
    const id = idOf(request);
    const body = parseWith(AcceptAssignmentRequest, request.body);
    return unwrap(await assignments.accept(ctx(request), actor, id, body.version));
  });
  app.post('/api/assignments/:assignmentId/units', { schema: { tags: TAGS, summary: 'The LCC tasks executing units (the whole set)', params, body: openApi(TaskUnitsRequest) } }, async (request) => {
    const actor = requireActor(request);
    const id = idOf(request);
    const body = parseWith(TaskUnitsRequest, request.body);
    return unwrap(await assignments.task(ctx(request), actor, id, body.unitIds));
  });
  app.post('/api/assignments/:assignmentId/concepts', { schema: { tags: TAGS, summary: 'The LCC records the security concept for a domain (operational)', params, body: openApi(RecordConceptRequest) } }, async (request) => {
    const actor = requireActor(request);
    const id = idOf(request);
    const body = parseWith(RecordConceptRequest, request.body);
    return unwrap(await assignments.recordConcept(ctx(request), actor, id, body.domain, body.concept));
  });
  app.post('/api/assignments/:assignmentId/acknowledge', { schema: { tags: TAGS, summary: 'A tasked unit acknowledges the accepted version', params, body: openApi(AcknowledgeAssignmentRequest) } }, async (request) => {
    const actor = requireActor(request);
    const id = idOf(request);
    const body = parseWith(AcknowledgeAssignmentRequest, request.body);
    return unwrap(await assignments.acknowledge(ctx(request), actor, id, body.version));
  });
}
