import type { FastifyInstance, FastifyReply } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { ErrorBody, LoginBody, LoginResponse, Me, MePatch, MeResponse, Ok, PasswordChange, SecondFactorCheck } from '@lachan/contracts';
import { ctxOf } from '../../http/request-context.ts';
import { callerOf, DEVICE_COOKIE, SESSION_COOKIE } from './request-caller.ts';
import type { Config } from '../../config.ts';
import type { AuthService, OpenedSession } from './auth.service.ts';

const errors = { '4xx': ErrorBody };
const tags = ['auth'];
const DEVICE_DAYS = 180;
const ANY_STAGE = ['second_factor', 'enrolment'] as const;

/** /api/v1/auth and /api/v1/me */
export function authRoutes(app: FastifyInstance, auth: AuthService, config: Config): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const cookie = { path: '/', httpOnly: true, sameSite: 'strict' as const, secure: config.cookieSecure };
  const perAddressAndAccount = (req: { ip: string; body?: unknown }) => `${req.ip}|${String((req.body as { email?: string } | undefined)?.email ?? '').toLowerCase()}`;
  /** Sets the session cookie, and the device cookie that lets this browser sign in while the account is under attack. */
  const signedIn = (reply: FastifyReply, opened: OpenedSession) => {
    reply.setCookie(SESSION_COOKIE, opened.token, { ...cookie, maxAge: config.sessionHours * 3600 });
    if (opened.deviceToken) reply.setCookie(DEVICE_COOKIE, opened.deviceToken, { ...cookie, maxAge: DEVICE_DAYS * 86_400 });
    return { user: opened.user, csrfToken: opened.csrf };
  };

  r.post('/auth/login', {
    config: { public: true, rateLimit: { max: config.loginRateLimit, timeWindow: '1 minute', hook: 'preHandler', keyGenerator: perAddressAndAccount } },
    schema: { tags, security: [], body: LoginBody, response: { 200: LoginResponse, ...errors } },
  }, async (req, reply) => signedIn(reply, await auth.login(req.body.email, req.body.password, callerOf(req))));

  r.post('/auth/second-factor', {
    config: { signInStages: ['second_factor'], rateLimit: { max: config.loginRateLimit, timeWindow: '1 minute', hook: 'preHandler' } },
    schema: { tags, body: SecondFactorCheck, response: { 200: LoginResponse, ...errors } },
  }, async (req, reply) => signedIn(reply, await auth.completeSecondFactor(req.sessionToken ?? '', req.body.code, callerOf(req))));

  r.post('/auth/logout', { config: { signInStages: ANY_STAGE }, schema: { tags, response: { 200: Ok, ...errors } } }, async (req, reply) => {
    if (req.sessionToken) await auth.logout(req.sessionToken, ctxOf(req));
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true };
  });

  r.get('/me', { config: { signInStages: ANY_STAGE }, schema: { tags, response: { 200: MeResponse, ...errors } } }, async (req) => ({
    user: await auth.me(ctxOf(req), req.signInStage),
    csrfToken: req.csrfToken,
  }));
  r.patch('/me', { config: { signInStages: ANY_STAGE }, schema: { tags, body: MePatch, response: { 200: Me, ...errors } } }, async (req) =>
    auth.updateMe(ctxOf(req), req.body, req.signInStage),
  );
  r.post('/me/password', { schema: { tags, body: PasswordChange, response: { 200: Ok, ...errors } } }, async (req, reply) => {
    await auth.changePassword(ctxOf(req), req.body, callerOf(req));
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true };
  });
}
