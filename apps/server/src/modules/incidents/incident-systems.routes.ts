import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { ErrorBody, IdParams, IncidentDetail, IncidentSystemsPut } from '@lachan/contracts';
import { ctxOf } from '../../http/request-context.ts';
import type { IncidentSystemsService } from './incident-systems.service.ts';

/** PUT /api/v1/incidents/:id/systems: the information systems the incident affects. */
export function incidentSystemsRoutes(app: FastifyInstance, systems: IncidentSystemsService): void {
  app.withTypeProvider<TypeBoxTypeProvider>().put('/incidents/:id/systems', {
    schema: {
      tags: ['incidents'], summary: 'Name the information systems the incident affects (level 4-5 or critical raise severity and reporting duty)',
      params: IdParams, body: IncidentSystemsPut, response: { 200: IncidentDetail, '4xx': ErrorBody },
    },
  }, async (req) => systems.put(ctxOf(req), req.params.id, req.body.systemIds));
}
