import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { ErrorBody, Retention, RetentionPatch } from '@lachan/contracts';
import { ctxOf } from '../../http/request-context.ts';
import type { RetentionService } from './retention.ts';

const errors = { '4xx': ErrorBody };
const tags = ['alerts'];

/** /api/v1/retention: how long alerts and quarantined records are kept (the centre's). */
export function retentionRoutes(app: FastifyInstance, retention: RetentionService): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  r.get('/retention', { schema: { tags, response: { 200: Retention, ...errors } } }, async (req) => retention.get(ctxOf(req)));
  r.put('/retention', { schema: { tags, body: RetentionPatch, response: { 200: Retention, ...errors } } }, async (req) => retention.set(ctxOf(req), req.body));
}
