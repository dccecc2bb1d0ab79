import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ErrorBody, IdParams, SystemActivity } from '@lachan/contracts';
import { ctxOf } from '../../http/request-context.ts';
import type { SystemActivityService } from './system-activity.service.ts';

const Query = Type.Object({ lang: Type.Optional(Type.Union([Type.Literal('vi'), Type.Literal('en')])) }, { additionalProperties: false });

/** GET /api/v1/systems/:id/activity: a system's page (incidents, open alerts, indicators, unmet requirements, layers). */
export function systemActivityRoutes(app: FastifyInstance, activity: SystemActivityService): void {
  app.withTypeProvider<TypeBoxTypeProvider>().get('/systems/:id/activity', {
    schema: {
      tags: ['registry'], summary: 'What happens on a system: incidents, open alerts, indicators matched, unmet requirements and its four layers',
      params: IdParams, querystring: Query, response: { 200: SystemActivity, '4xx': ErrorBody },
    },
  }, async (req) => activity.get(ctxOf(req), req.params.id, req.query.lang));
}
