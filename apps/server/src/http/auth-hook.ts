import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { SignInStage } from '@lachan/contracts';
import { AppError, unauthenticated } from '../core/errors.ts';
import { callerOf, SESSION_COOKIE, type AuthService, type Credential, type CredentialWatch } from '../modules/auth/index.ts';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** A session stage short of `complete`, in which only the routes that name it answer. */
type PartialStage = Exclude<SignInStage, 'complete'>;

declare module 'fastify' {
  interface FastifyRequest {
    sessionToken: string | null;
    csrfToken: string | null;
    signInStage: SignInStage;
    /** What the request authenticated with, to check again while it runs. */
    credential: Credential | null;
  }
  interface FastifyContextConfig {
    /** The route answers without authentication (login, health). */
    public?: boolean;
    /** Session stages short of `complete` in which the route answers (second step, enrolment); none unless named. */
    signInStages?: readonly PartialStage[];
    /** The route re-checks its own credential while it runs (the event stream re-scopes); not cut by the watch. */
    followsCredential?: boolean;
  }
}

const STAGE_REFUSALS: Record<PartialStage, () => AppError> = {
  second_factor: () => new AppError(403, 'second_factor_required', 'enter the code of your authenticator app (or a recovery code) first'),
  enrolment: () => new AppError(403, 'second_factor_enrolment_required', 'your role requires a second factor: set one up before anything else'),
};

/**
 * Authenticates every /api/v1 and /taxii2 route unless it is marked public: a Bearer API key, or the
 * session cookie (then unsafe methods must carry the session's CSRF token in `X-CSRF-Token`). TAXII
 * clients may also use HTTP Basic, the scheme TAXII 2.1 requires: `e-mail:password` or `apikey:<key>`.
 */
export function registerAuthHook(app: FastifyInstance, auth: AuthService, watch: CredentialWatch): void {
  app.decorateRequest('ctx', null);
  app.decorateRequest('sessionToken', null);
  app.decorateRequest('csrfToken', null);
  app.decorateRequest('signInStage', 'complete');
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
      if (!key) throw unauthenticated('the API key is missing, unknown or revoked');
      const actor = await auth.fromApiKey(key, callerOf(req));
      req.credential = { kind: 'apikey', keyId: actor.id! };
      req.ctx = await auth.context(actor, callerOf(req));
      return;
    }
    const token = req.cookies?.[SESSION_COOKIE];
    const session = token ? await auth.fromSession(token) : null;
    if (!session || !token) throw unauthenticated();
    if (UNSAFE.has(req.method) && req.headers['x-csrf-token'] !== session.csrf) {
      throw new AppError(403, 'csrf_failed', 'missing or wrong X-CSRF-Token header');
    }
    if (session.stage !== 'complete' && !req.routeOptions.config?.signInStages?.includes(session.stage)) throw STAGE_REFUSALS[session.stage]();
    req.sessionToken = token;
    req.csrfToken = session.csrf;
    req.signInStage = session.stage;
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

