import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { ErrorBody, LoginBody, LoginResponse, Me, MePatch, MeResponse, Ok, PasswordChange } from '@lachan/contracts';
import { callerOf, ctxOf, SESSION_COOKIE } from '../../http/auth-hook.ts';
import type { Config } from '../../config.ts';
import type { Services } from '../../services.ts';

const errors = { '4xx': ErrorBody };
const tags = ['auth'];

/** /api/v1/auth and /api/v1/me */
export function authRoutes(app: FastifyInstance, s: Services, config: Config): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const cookie = { path: '/', httpOnly: true, sameSite: 'strict' as const, secure: config.cookieSecure, maxAge: config.sessionHours * 3600 };

  r.post('/auth/login', {
    config: {
      public: true,
      rateLimit: { max: config.loginRateLimit, timeWindow: '1 minute', hook: 'preHandler', keyGenerator: (req) => `${req.ip}|${String((req.body as { email?: string } | undefined)?.email ?? '').toLowerCase()}` },
    },
    schema: { tags, security: [], body: LoginBody, response: { 200: LoginResponse, ...errors } },
  }, async (req, reply) => {
    const { token, csrf, user } = await s.auth.login(req.body.email, req.body.password, callerOf(req));
    reply.setCookie(SESSION_COOKIE, token, cookie);
    return { user, csrfToken: csrf };
  });

  r.post('/auth/logout', { schema: { tags, response: { 200: Ok, ...errors } } }, async (req, reply) => {
    if (req.sessionToken) await s.auth.logout(req.sessionToken, ctxOf(req));
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true };
  });

  r.get('/me', { schema: { tags, response: { 200: MeResponse, ...errors } } }, async (req) => ({ user: await s.auth.me(ctxOf(req)), csrfToken: req.csrfToken }));
  r.patch('/me', { schema: { tags, body: MePatch, response: { 200: Me, ...errors } } }, async (req) => s.auth.updateMe(ctxOf(req), req.body));
  r.post('/me/password', { schema: { tags, body: PasswordChange, response: { 200: Ok, ...errors } } }, async (req, reply) => {
    await s.auth.changePassword(ctxOf(req), req.body);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true };
  });
}
