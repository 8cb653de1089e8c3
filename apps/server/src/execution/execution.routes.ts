import { AgendaPostsQuery, AgendaQuery, CaseIdParams, OfficerImportRequest, OfficerQuery, RecordAbsenceRequest, SaveAgendaRequest } from '@hoeder/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { requireActor } from '../auth/auth.plugin';
import type { Clock } from '../platform/clock';
import { openApi, parseWith, requestContext, unwrap } from '../platform/http';
import type { AgendaService } from './agenda.service';
import type { MasterDataService } from './master-data.service';
import { mondayOnOrAfter } from './agenda-posts';

const OfficerParams = z.object({ officerId: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'an officer id') });

/** Units, officers and the import (master data), and the person's agenda (issue 11 items 3 and 5). */
export function registerExecutionRoutes(app: FastifyInstance, deps: { masterData: MasterDataService; agenda: AgendaService; clock: Clock }) {
  const { masterData, agenda, clock } = deps;
  const ctx = (request: FastifyRequest) => requestContext(request, clock);
  const tags = ['master data'];

  app.get('/api/units', { schema: { tags, summary: 'Executing units with head count and teams' } }, async (request) => unwrap(await masterData.units(ctx(request), requireActor(request))));

  app.get('/api/officers', { schema: { tags, summary: "Officers (the LCC: all; a unit lead: their own unit's)", querystring: openApi(OfficerQuery) } }, async (request) => {
    const actor = requireActor(request);
    const query = parseWith(OfficerQuery, request.query);
    return unwrap(await masterData.officers(ctx(request), actor, query));
  });

  app.get('/api/officers/:officerId', { schema: { tags, summary: 'One officer with contract and absences', params: openApi(OfficerParams) } }, async (request) => {
    const actor = requireActor(request);
    const { officerId } = parseWith(OfficerParams, request.params);
    return unwrap(await masterData.officer(ctx(request), actor, officerId));
  });

  app.post('/api/officers/:officerId/absences', { schema: { tags, summary: 'Record leave or unavailability (a reason category only)', params: openApi(OfficerParams), body: openApi(RecordAbsenceRequest) } }, async (request, reply) => {
    const actor = requireActor(request);
    const { officerId } = parseWith(OfficerParams, request.params);
    const body = parseWith(RecordAbsenceRequest, request.body);
    return reply.status(201).send(unwrap(await masterData.recordAbsence(ctx(request), actor, officerId, body)));
  });

  app.post('/api/officers/import', { schema: { tags, summary: 'Import officers from CSV: a dry run previews, a bad file changes nothing', body: openApi(OfficerImportRequest) } }, async (request) => {
    const actor = requireActor(request);
    const body = parseWith(OfficerImportRequest, request.body);
    return unwrap(await masterData.importOfficers(ctx(request), actor, body));
  });

  app.get('/api/cases/:caseId/agenda', { schema: { tags: ['agenda'], summary: "The protected person's agenda, now or as of a past moment", params: openApi(CaseIdParams), querystring: openApi(AgendaQuery) } }, async (request) => {
    const actor = requireActor(request);
    const { caseId } = parseWith(CaseIdParams, request.params);
    const { asOf } = parseWith(AgendaQuery, request.query);
    return unwrap(await agenda.view(ctx(request), actor, caseId, asOf ? new Date(asOf) : undefined));
  });

  app.get('/api/cases/:caseId/agenda/posts', { schema: { tags: ['agenda'], summary: 'The posts one week of the agenda yields under the active measures (from the given or next Monday)', params: openApi(CaseIdParams), querystring: openApi(AgendaPostsQuery) } }, async (request) => {
    const actor = requireActor(request);
    const { caseId } = parseWith(CaseIdParams, request.params);
    const { startDate } = parseWith(AgendaPostsQuery, request.query);
    const now = ctx(request).now.toISOString().slice(0, 10);
    return unwrap(await agenda.posts(ctx(request), actor, caseId, mondayOnOrAfter(startDate ?? now)));
  });

  app.post('/api/cases/:caseId/agenda', { schema: { tags: ['agenda'], summary: 'Record a new version of the agenda (the whole list of activities)', params: openApi(CaseIdParams), body: openApi(SaveAgendaRequest) } }, async (request) => {
    const actor = requireActor(request);
    const { caseId } = parseWith(CaseIdParams, request.params);
    const body = parseWith(SaveAgendaRequest, request.body);
    return unwrap(await agenda.save(ctx(request), actor, caseId, body));
  });
}
