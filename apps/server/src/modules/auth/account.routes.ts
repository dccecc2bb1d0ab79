import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { AccountSessions, ErrorBody, IdParams, MailPreferences, Ok } from '@lachan/contracts';
import { ctxOf } from '../../http/request-context.ts';
import type { AccountService } from './account.service.ts';

const errors = { '4xx': ErrorBody };
const tags = ['auth'];

/** /api/v1/me/sessions and /api/v1/me/mail-preferences: the account page of the signed-in user. */
export function accountRoutes(app: FastifyInstance, account: AccountService): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  r.get('/me/sessions', { schema: { tags, response: { 200: AccountSessions, ...errors } } }, async (req) => ({
    items: await account.sessions(ctxOf(req), req.sessionToken),
  }));
  r.delete('/me/sessions/:id', { schema: { tags, params: IdParams, response: { 200: Ok, ...errors } } }, async (req) => {
    await account.revokeSession(ctxOf(req), req.params.id, req.sessionToken);
    return { ok: true };
  });
  r.get('/me/mail-preferences', { schema: { tags, response: { 200: MailPreferences, ...errors } } }, async (req) => account.mailPreferences(ctxOf(req)));
  r.put('/me/mail-preferences', { schema: { tags, body: MailPreferences, response: { 200: MailPreferences, ...errors } } }, async (req) =>
    account.saveMailPreferences(ctxOf(req), req.body),
  );
}
