import { AuditCheckpointsQuery } from '@hoeder/contracts';
import type { FastifyInstance } from 'fastify';
import { requireActor } from '../auth/auth.plugin';
import type { Clock } from '../platform/clock';
import { openApi, parseWith, requestContext, unwrap } from '../platform/http';
import type { CheckpointService } from './checkpoint.service';

export function registerAuditRoutes(app: FastifyInstance, deps: { checkpoints: CheckpointService; clock: Clock }) {
  app.get(
    '/api/audit/checkpoints',
    {
      schema: {
        tags: ['oversight'],
        summary: 'Signed audit-log checkpoints for the inspectorate, as the witness file of audit:export-checkpoints (for audit:verify --witness), with the public keys',
        querystring: openApi(AuditCheckpointsQuery),
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const query = parseWith(AuditCheckpointsQuery, request.query);
      return unwrap(await deps.checkpoints.witnessExport(requestContext(request, deps.clock), actor, query));
    },
  );
}
