import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { ErrorBody, IdentityProvider, IdentityProviderCreate, IdentityProviderPatch, IdParams, ListOf } from '@lachan/contracts';
import { ctxOf } from '../../http/request-context.ts';
import type { IdentityProvidersService } from './identity-providers.service.ts';

const errors = { '4xx': ErrorBody };
const tags = ['identity-providers'];

/** /api/v1/identity-providers: the centre's OpenID providers and their claim-mapping rules. */
export function identityProviderRoutes(app: FastifyInstance, s: IdentityProvidersService): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  r.get('/identity-providers', { schema: { tags, response: { 200: ListOf(IdentityProvider), ...errors } } }, async (req) => ({
    items: await s.list(ctxOf(req)),
    nextCursor: null,
  }));
  r.post('/identity-providers', { schema: { tags, body: IdentityProviderCreate, response: { 201: IdentityProvider, ...errors } } }, async (req, reply) =>
    reply.status(201).send(await s.create(ctxOf(req), req.body)),
  );
  r.get('/identity-providers/:id', { schema: { tags, params: IdParams, response: { 200: IdentityProvider, ...errors } } }, async (req) =>
    s.get(ctxOf(req), req.params.id),
  );
  r.patch('/identity-providers/:id', { schema: { tags, params: IdParams, body: IdentityProviderPatch, response: { 200: IdentityProvider, ...errors } } }, async (req) =>
    s.update(ctxOf(req), req.params.id, req.body),
  );
  r.delete('/identity-providers/:id', { schema: { tags, params: IdParams, response: { 200: IdentityProvider, ...errors } } }, async (req) =>
    s.remove(ctxOf(req), req.params.id),
  );
}
