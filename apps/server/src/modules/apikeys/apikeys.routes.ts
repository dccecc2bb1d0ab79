import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { ApiKey, ApiKeyCreate, ApiKeyCreated, ApiKeyListQuery, ErrorBody, IdParams, ListOf } from '@lachan/contracts';
import { ctxOf } from '../../http/request-context.ts';
import type { ApiKeysService } from './apikeys.service.ts';

const errors = { '4xx': ErrorBody };

/** /api/v1/api-keys */
export function apiKeyRoutes(app: FastifyInstance, apiKeys: ApiKeysService): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  r.get('/api-keys', { schema: { tags: ['api-keys'], querystring: ApiKeyListQuery, response: { 200: ListOf(ApiKey), ...errors } } }, async (req) => ({
    items: await apiKeys.list(ctxOf(req), req.query),
    nextCursor: null,
  }));
  r.post('/api-keys', { schema: { tags: ['api-keys'], body: ApiKeyCreate, response: { 201: ApiKeyCreated, ...errors } } }, async (req, reply) =>
    reply.status(201).send(await apiKeys.create(ctxOf(req), req.body)),
  );
  r.delete('/api-keys/:id', { schema: { tags: ['api-keys'], params: IdParams, response: { 200: ApiKey, ...errors } } }, async (req) =>
    apiKeys.revoke(ctxOf(req), req.params.id),
  );
}
