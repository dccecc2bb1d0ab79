import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { decodeJwt, exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';
import Provider from 'oidc-provider';

/** A person the test identity provider knows: their subject and the claims it vouches for. */
export interface TestIdentity {
  sub: string;
  claims: Record<string, unknown>;
}

/** A real OpenID provider (`oidc-provider`) on 127.0.0.1 for tests, with one confidential client. */
export interface TestOidcProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The people it knows, by login name (= subject); tests may add or change them. */
  identities: Map<string, TestIdentity>;
  /** Rewrites the ID token of the next token responses (re-signed with the provider's own key unless `sign` is false); null: none. */
  rewriteIdToken: ((claims: Record<string, unknown>) => Record<string, unknown>) | null;
  /** Whether a rewritten token keeps a valid signature (false: the signature no longer matches). */
  resign: boolean;
  /**
   * Plays the browser at the provider: follows the authorisation URL, signs in as `login` on its HTML
   * form and returns the redirect back to the client (the callback URL with code and state).
   */
  signInAs(authorizationUrl: string, login: string): Promise<URL>;
  close(): Promise<void>;
}

/** Starts the provider on a random port; `redirectUri` is the client's registered callback. */
export async function startTestOidcProvider(redirectUri: string, identities: TestIdentity[] = []): Promise<TestOidcProvider> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk: JWK = { ...(await exportJWK(privateKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
  const people = new Map(identities.map((i) => [i.sub, i]));
  const clientId = 'lachan';
  const clientSecret = 'lachan-test-client-secret-7f3a9c';

  const provider = new Provider(issuer, {
    clients: [{ client_id: clientId, client_secret: clientSecret, redirect_uris: [redirectUri], grant_types: ['authorization_code'], response_types: ['code'], token_endpoint_auth_method: 'client_secret_basic' }],
    jwks: { keys: [jwk] },
    cookies: { keys: ['test-cookie-key-0123456789'] },
    claims: { openid: ['sub', 'org', 'groups'], email: ['email', 'email_verified'], profile: ['name', 'locale'] },
    conformIdTokenClaims: false,
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
    pkce: { required: () => true },
    features: { devInteractions: { enabled: true } },
    findAccount: (_ctx, id) => {
      const who = people.get(id);
      return who ? { accountId: id, claims: () => ({ sub: who.sub, ...who.claims }) } : undefined;
    },
    // consent is the organisation's, not the user's: grant what the client asks at once
    loadExistingGrant: async (ctx) => {
      const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session!.grantIdFor(ctx.oidc.client!.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client!.clientId, accountId: ctx.oidc.session!.accountId! });
      grant.addOIDCScope('openid email profile');
      grant.addOIDCClaims(['sub', 'org', 'groups', 'email', 'email_verified', 'name', 'locale']);
      await grant.save();
      return grant;
    },
  });
  const handle: TestOidcProvider = {
    issuer, clientId, clientSecret, identities: people, rewriteIdToken: null, resign: true,
    signInAs: (url, login) => browse(url, login),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  provider.use(async (ctx, next) => {
    await next();
    const body = ctx.body as { id_token?: string } | undefined;
    if (ctx.path !== '/token' || !body?.id_token || !handle.rewriteIdToken) return;
    const claims = handle.rewriteIdToken(decodeJwt(body.id_token) as Record<string, unknown>);
    const signed = await new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: jwk.kid!, typ: 'JWT' }).sign(privateKey);
    const [head, payload, signature] = signed.split('.');
    ctx.body = { ...body, id_token: handle.resign ? signed : `${head}.${payload}.${[...signature!].reverse().join('')}` };
  });
  server.on('request', provider.callback());

  /** Follows redirects with a cookie jar; the login form is filled like a person would. */
  async function browse(start: string, login: string): Promise<URL> {
    const jar = new Map<string, string>();
    const send = async (url: string, init: RequestInit = {}) => {
      const res = await fetch(url, { ...init, redirect: 'manual', headers: { ...(init.headers as Record<string, string>), cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') } });
      for (const c of res.headers.getSetCookie()) {
        const [pair] = c.split(';');
        const eq = pair!.indexOf('=');
        jar.set(pair!.slice(0, eq), pair!.slice(eq + 1));
      }
      return res;
    };
    let url = start;
    for (let hop = 0; hop < 12; hop++) {
      const res = await send(url);
      const location = res.headers.get('location');
      if (location) {
        const next = new URL(location, url);
        if (!next.href.startsWith(issuer)) return next;
        url = next.href;
        continue;
      }
      const html = await res.text();
      const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
      if (!action || !html.includes('name="login"')) throw new Error(`the provider showed no login form: ${res.status} ${html.slice(0, 300)}`);
      const posted = await send(new URL(action, url).href, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ prompt: 'login', login, password: 'any' }).toString(),
      });
      const after = posted.headers.get('location');
      if (!after) throw new Error(`the provider's login form answered ${posted.status}`);
      url = new URL(after, url).href;
    }
    throw new Error('too many redirects at the provider');
  }
  return handle;
}
