import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { RequestContext } from '../core/context.ts';
import { AppError, unauthenticated } from '../core/errors.ts';
import type { AuthService, Credential, CredentialWatch } from '../modules/auth/index.ts';

export const SESSION_COOKIE = 'lachan_session';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

declare module 'fastify' {
  interface FastifyRequest {
    ctx: RequestContext | null;
    sessionToken: string | null;
    csrfToken: string | null;
    /** What the request authenticated with, to check again while it runs. */
    credential: Credential | null;
  }
  interface FastifyContextConfig {
    /** The route answers without authentication (login, health). */
    public?: boolean;
    /** The route re-checks its own credential while it runs (the event stream re-scopes); not cut by the watch. */
    followsCredential?: boolean;
  }
}

/** The caller's context on an authenticated route (the hook guarantees it is there). */
export function ctxOf(req: FastifyRequest): RequestContext {
  if (!req.ctx) throw unauthenticated();
  return req.ctx;
}

const callerOf = (req: FastifyRequest) => ({ ip: req.ip, userAgent: req.headers['user-agent'] ?? null, requestId: req.id });

/**
 * Authenticates every /api/v1 and /taxii2 route unless it is marked public: a Bearer API key, or the
 * session cookie (then unsafe methods must carry the session's CSRF token in `X-CSRF-Token`). TAXII
 * clients may also use HTTP Basic, the scheme TAXII 2.1 requires: `e-mail:password` or `apikey:<key>`.
 */
export function registerAuthHook(app: FastifyInstance, auth: AuthService, watch: CredentialWatch): void {
  app.decorateRequest('ctx', null);
  app.decorateRequest('sessionToken', null);
  app.decorateRequest('csrfToken', null);
  app.decorateRequest('credential', null);
  app.addHook('onRequest', async (req, reply) => {
    await authenticate(req);
    // A request in flight stops when its credential does (revoked, disabled, signed out, role changed).
    if (!req.ctx || !req.credential || req.routeOptions.config?.followsCredential) return;
    const res = reply.raw;
    const release = watch.hold(req.credential, req.ctx, () => res.destroy());
    res.once('finish', release);
    res.once('close', release);
  });

  async function authenticate(req: FastifyRequest): Promise<void> {
    const needs = req.url.startsWith('/api/v1') || req.url.startsWith('/taxii2');
    if (!needs || req.routeOptions.config?.public) return;
    const header = req.headers.authorization;
    if (header) {
      const m = /^Bearer\s+(\S+)$/i.exec(header);
      const basic = req.url.startsWith('/taxii2') ? basicCredentials(header) : null;
      if (basic && basic.user !== 'apikey') {
        const { actor, credential } = await auth.fromPassword(basic.user, basic.password, callerOf(req));
        req.credential = credential;
        req.ctx = await auth.context(actor, callerOf(req));
        return;
      }
      const key = m ? m[1]! : basic?.password;
      const actor = key ? await auth.fromApiKey(key) : null;
      if (!actor?.id) throw unauthenticated('the API key is missing, unknown or revoked');
      req.credential = { kind: 'apikey', keyId: actor.id };
      req.ctx = await auth.context(actor, callerOf(req));
      return;
    }
    const token = req.cookies?.[SESSION_COOKIE];
    const session = token ? await auth.fromSession(token) : null;
    if (!session || !token) throw unauthenticated();
    if (UNSAFE.has(req.method) && req.headers['x-csrf-token'] !== session.csrf) {
      throw new AppError(403, 'csrf_failed', 'missing or wrong X-CSRF-Token header');
    }
    req.sessionToken = token;
    req.csrfToken = session.csrf;
    req.credential = session.credential;
    req.ctx = await auth.context(session.actor, callerOf(req));
  }
}

/** User and password of an `Authorization: Basic …` header, or null for any other scheme. */
function basicCredentials(header: string): { user: string; password: string } | null {
  const m = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(header);
  if (!m) return null;
  const text = Buffer.from(m[1]!, 'base64').toString('utf8');
  const colon = text.indexOf(':');
  return colon < 0 ? null : { user: text.slice(0, colon), password: text.slice(colon + 1) };
}

export { callerOf };
