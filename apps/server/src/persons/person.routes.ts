import { AgendaQuery, CaseIdParams, ContactEntryRequest, DuplicateCheckRequest, SavePersonDetailsRequest } from '@hoeder/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { requireActor } from '../auth/auth.plugin';
import type { Clock } from '../platform/clock';
import { openApi, parseWith, requestContext, unwrap } from '../platform/http';
import type { ContactLogService } from './contact-log.service';
import type { PersonService } from './person.service';

const PersonIdParams = z.object({ personId: z.uuid() });

/** The person's file, intake's duplicate warning and the contact log (issue 12 items 1 and 2, ADR 0021). */
export function registerPersonRoutes(app: FastifyInstance, deps: { persons: PersonService; contactLog: ContactLogService; clock: Clock }) {
  const { persons, contactLog, clock } = deps;
  const ctx = (request: FastifyRequest) => requestContext(request, clock);
  const tags = ['persons'];

  app.get('/api/persons/:personId', { schema: { tags, summary: "A person's file: identity, cases, and contact details as far as the reader may see them", params: openApi(PersonIdParams) } }, async (request) => {
    const actor = requireActor(request);
    const { personId } = parseWith(PersonIdParams, request.params);
    return unwrap(await persons.view(ctx(request), actor, personId));
  });

  app.post('/api/persons/:personId/details', { schema: { tags, summary: "Record a new version of a person's contact details and addresses (the liaison)", params: openApi(PersonIdParams), body: openApi(SavePersonDetailsRequest) } }, async (request, reply) => {
    const actor = requireActor(request);
    const { personId } = parseWith(PersonIdParams, request.params);
    const body = parseWith(SavePersonDetailsRequest, request.body);
    return reply.status(201).send(unwrap(await persons.saveDetails(ctx(request), actor, personId, body)));
  });

  app.post('/api/persons/duplicates', { schema: { tags, summary: 'Intake: known persons that look like the ones being registered (a warning)', body: openApi(DuplicateCheckRequest) } }, async (request) => {
    const actor = requireActor(request);
    const body = parseWith(DuplicateCheckRequest, request.body);
    return unwrap(await persons.duplicates(ctx(request), actor, body));
  });

  app.get('/api/cases/:caseId/addresses', { schema: { tags, summary: "The addresses of a case's persons, for the liaison and (their posts' domains only) the LCC and tasked units", params: openApi(CaseIdParams) } }, async (request) => {
    const actor = requireActor(request);
    const { caseId } = parseWith(CaseIdParams, request.params);
    return unwrap(await persons.caseAddresses(ctx(request), actor, caseId));
  });

  app.get('/api/cases/:caseId/contact', { schema: { tags: ['contact log'], summary: 'The contact log and what the person has been told, now or as of a past moment', params: openApi(CaseIdParams), querystring: openApi(AgendaQuery) } }, async (request) => {
    const actor = requireActor(request);
    const { caseId } = parseWith(CaseIdParams, request.params);
    const { asOf } = parseWith(AgendaQuery, request.query);
    return unwrap(await contactLog.view(ctx(request), actor, caseId, asOf ? new Date(asOf) : undefined));
  });

  app.post('/api/cases/:caseId/contact', { schema: { tags: ['contact log'], summary: 'Log a contact (a contradiction with the decision in force must be acknowledged)', params: openApi(CaseIdParams), body: openApi(ContactEntryRequest) } }, async (request, reply) => {
    const actor = requireActor(request);
    const { caseId } = parseWith(CaseIdParams, request.params);
    const body = parseWith(ContactEntryRequest, request.body);
    return reply.status(201).send(unwrap(await contactLog.log(ctx(request), actor, caseId, body)));
  });
}
