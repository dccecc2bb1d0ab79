import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { ErrorBody, IdParams, ListOf, User, UserCreate, UserCreated, UserListQuery, UserPasswordReset, UserPasswordResetDone, UserPatch } from '@lachan/contracts';
import { ctxOf } from '../../http/request-context.ts';
import type { UsersService } from './users.service.ts';

const errors = { '4xx': ErrorBody };

/** /api/v1/users */
export function userRoutes(app: FastifyInstance, users: UsersService): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  r.get('/users', { schema: { tags: ['users'], querystring: UserListQuery, response: { 200: ListOf(User), ...errors } } }, async (req) => ({
    items: await users.list(ctxOf(req), req.query),
    nextCursor: null,
  }));
  r.get('/users/:id', { schema: { tags: ['users'], params: IdParams, response: { 200: User, ...errors } } }, async (req) => users.get(ctxOf(req), req.params.id));
  r.post('/users', { schema: { tags: ['users'], body: UserCreate, response: { 201: UserCreated, ...errors } } }, async (req, reply) =>
    reply.status(201).send(await users.create(ctxOf(req), req.body)),
  );
  r.patch('/users/:id', { schema: { tags: ['users'], params: IdParams, body: UserPatch, response: { 200: User, ...errors } } }, async (req) =>
    users.update(ctxOf(req), req.params.id, req.body),
  );
  r.post('/users/:id/password', { schema: { tags: ['users'], params: IdParams, body: UserPasswordReset, response: { 200: UserPasswordResetDone, ...errors } } }, async (req) =>
    users.resetPassword(ctxOf(req), req.params.id, req.body),
  );
  r.delete('/users/:id/second-factor', { schema: { tags: ['users'], params: IdParams, response: { 200: User, ...errors } } }, async (req) =>
    users.resetSecondFactor(ctxOf(req), req.params.id),
  );
}
