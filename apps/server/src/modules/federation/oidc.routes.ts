import type { FastifyInstance, FastifyReply } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ErrorBody, OIDC_ERRORS, OidcCallbackQuery, OidcStartParams, SignInProviders, type OidcError } from '@lachan/contracts';
import { callerOf, DEVICE_COOKIE, SESSION_COOKIE } from '../auth/index.ts';
import type { OidcRouteConfig } from './federation-parts.ts';
import { AppError } from '../../core/errors.ts';
import type { IdentityProvidersService } from './identity-providers.service.ts';
import type { OidcSignIn } from './oidc-sign-in.service.ts';

const tags = ['auth'];
const DEVICE_DAYS = 180;
/** Binds a sign-in to the browser that started it; Lax, since the provider's redirect back is a cross-site navigation. */
const BINDING_COOKIE = 'lachan_oidc';
const BINDING_PATH = '/api/v1/auth/oidc';
const redirect = { 302: Type.Null({ description: 'to the identity provider, or back to the console (signed in, or /login?oidcError=<code>)' }), '4xx': ErrorBody };

/**
 * The public routes of a federated sign-in: the sign-in page's list of providers, the start (off to the
 * provider) and the callback (back, signed in). Browser navigations: failures go back to the sign-in page
 * with their code, never as a JSON page.
 */
export function oidcRoutes(app: FastifyInstance, deps: { providers: IdentityProvidersService; signIn: OidcSignIn }, config: OidcRouteConfig): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const base = new URL(config.publicUrl).pathname.replace(/\/+$/, '');
  const cookie = { path: '/', httpOnly: true, sameSite: 'strict' as const, secure: config.cookieSecure };
  const limit = { max: config.loginRateLimit, timeWindow: '1 minute' };
  const refused = (reply: FastifyReply, e: unknown) => {
    const code = e instanceof AppError && (OIDC_ERRORS as readonly string[]).includes(e.code) ? (e.code as OidcError) : null;
    if (!code) reply.log.warn({ err: e }, 'federated sign-in failed');
    else reply.log.info({ code, reason: (e as AppError).message, details: (e as AppError).details }, 'federated sign-in refused');
    return reply.redirect(`${base}/login?oidcError=${code ?? 'oidc_provider_unavailable'}`, 302);
  };

  r.get('/auth/oidc/providers', { config: { public: true }, schema: { tags, security: [], response: { 200: SignInProviders, ...redirect } } }, async () => ({
    items: await deps.providers.forSignIn(),
  }));

  r.get('/auth/oidc/:providerId/start', {
    config: { public: true, rateLimit: limit },
    schema: { tags, security: [], params: OidcStartParams, response: redirect },
  }, async (req, reply) => {
    try {
      const { url, binding } = await deps.signIn.start(req.params.providerId);
      reply.setCookie(BINDING_COOKIE, binding, { path: `${base}${BINDING_PATH}`, httpOnly: true, sameSite: 'lax', secure: config.cookieSecure, maxAge: 600 });
      return reply.redirect(url, 302);
    } catch (e) {
      return refused(reply, e);
    }
  });

  r.get('/auth/oidc/callback', {
    config: { public: true, rateLimit: limit },
    schema: { tags, security: [], querystring: OidcCallbackQuery, response: redirect },
  }, async (req, reply) => {
    reply.clearCookie(BINDING_COOKIE, { path: `${base}${BINDING_PATH}` });
    try {
      const q = req.url.indexOf('?');
      const opened = await deps.signIn.finish(q < 0 ? '' : req.url.slice(q + 1), req.cookies[BINDING_COOKIE] ?? null, callerOf(req));
      reply.setCookie(SESSION_COOKIE, opened.token, { ...cookie, maxAge: config.sessionHours * 3600 });
      if (opened.deviceToken) reply.setCookie(DEVICE_COOKIE, opened.deviceToken, { ...cookie, maxAge: DEVICE_DAYS * 86_400 });
      return reply.redirect(`${base}/`, 302);
    } catch (e) {
      return refused(reply, e);
    }
  });
}
