import { timingSafeEqual } from 'node:crypto';
import * as client from 'openid-client';
import type { ClaimRule } from '@lachan/contracts';
import { AppError, notFound } from '../../core/errors.ts';
import { recordChange, transact } from '../events/index.ts';
import type { RequestContext } from '../../core/context.ts';
import { generatePassword, hashPassword, sha256, type AuthService, type Caller, type OpenedSession } from '../auth/index.ts';
import { mapClaims } from './claim-mapping.ts';
import type { FederationParts } from './federation-parts.ts';
import { identityProvidersRepository as providers, type ProviderRow } from './identity-providers.repository.ts';
import { exchangeError, redirectUriOf, type OidcClients } from './oidc-client.ts';
import { oidcSignInRepository as repo } from './oidc-sign-in.repository.ts';

/** How long a started sign-in may take at the provider. */
const STATE_MINUTES = 10;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const stateInvalid = () => new AppError(400, 'oidc_state_invalid', 'this sign-in is unknown, expired or already used: start again');
const text = (v: unknown, max: number): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim().slice(0, max) : null);

/**
 * OpenID Connect sign-in (authorisation code + PKCE S256): `start` sends the browser to the provider,
 * `finish` takes it back, verifies everything and opens the same server-side session a password does.
 */
export class OidcSignIn {
  #p: FederationParts;
  #auth: AuthService;
  #clients: OidcClients;

  constructor(parts: FederationParts, auth: AuthService, clients: OidcClients) {
    this.#p = parts;
    this.#auth = auth;
    this.#clients = clients;
  }

  async #enabled(id: string): Promise<ProviderRow> {
    const p = UUID.test(id) ? await providers.byId(this.#p.db, id) : undefined;
    if (!p) throw notFound('identity provider');
    if (!p.enabled) throw new AppError(403, 'oidc_provider_unavailable', 'this identity provider is disabled');
    return p;
  }

  /**
   * The provider's authorisation URL; the state (kept hashed), nonce and PKCE verifier wait server-side,
   * single use, bound to the browser by `binding` (a random value the route sets as a cookie).
   */
  async start(providerId: string): Promise<{ url: string; binding: string }> {
    const p = await this.#enabled(providerId);
    const config = await this.#clients.of(p);
    const state = client.randomState();
    const nonce = client.randomNonce();
    const codeVerifier = client.randomPKCECodeVerifier();
    const binding = client.randomState();
    await repo.saveState(this.#p.db, {
      stateHash: sha256(state), browserHash: sha256(binding), providerId: p.id, codeVerifier, nonce, expiresAt: new Date(Date.now() + STATE_MINUTES * 60_000),
    });
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: redirectUriOf(this.#p.config.publicUrl),
      scope: p.scopes.join(' '),
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    }).href;
    return { url, binding };
  }

  /**
   * The callback (`search`: its query string as received; `binding`: the browser's cookie, so that a
   * callback started in another browser cannot sign this one in): the state is taken once, the code exchanged
   * with the PKCE verifier, the ID token verified (signature by the provider's JWKS, issuer, audience,
   * nonce, expiry), the claims mapped, and the linked account created or brought up to date.
   */
  async finish(search: string, binding: string | null, caller: Caller): Promise<OpenedSession> {
    const params = new URLSearchParams(search);
    const state = params.get('state');
    const taken = state ? await repo.takeState(this.#p.db, sha256(state)) : undefined;
    if (!state || !taken || !binding || !timingSafeEqual(Buffer.from(sha256(binding)), Buffer.from(taken.browser_hash))) throw stateInvalid();
    const p = await this.#enabled(taken.provider_id);
    const seen: { subject?: string } = {};
    try {
      return await this.#signIn(p, { state, params, codeVerifier: taken.code_verifier, nonce: taken.nonce }, caller, seen);
    } catch (e) {
      if (e instanceof AppError && e.code !== 'oidc_provider_unavailable' && e.code.startsWith('oidc_')) await this.#refused(p, e, seen.subject ?? null, caller);
      throw e;
    }
  }

  /** Audits a refused federated sign-in (the centre watches a provider whose people are refused), with the subject once it is known. */
  async #refused(p: ProviderRow, e: AppError, subject: string | null, caller: Caller): Promise<void> {
    const ctx: RequestContext = {
      actor: { type: 'system', id: null, name: `openid:${p.display_name}`, orgId: '', role: 'viewer' },
      scope: { all: false, manage: new Set(), read: new Set() },
      ip: caller.ip,
      requestId: caller.requestId,
    };
    await transact(this.#p, (tx) => recordChange(tx, ctx, { action: 'auth.oidc_refused', entityType: 'identity_provider', entityId: p.id, orgId: null, after: { code: e.code, subject } }));
  }

  async #signIn(p: ProviderRow, flow: { state: string; params: URLSearchParams; codeVerifier: string; nonce: string }, caller: Caller, seen: { subject?: string }): Promise<OpenedSession> {
    const { state, params } = flow;
    let claims: Record<string, unknown>;
    try {
      const config = await this.#clients.of(p);
      const current = new URL(redirectUriOf(this.#p.config.publicUrl));
      current.search = params.toString();
      const tokens = await client.authorizationCodeGrant(config, current, {
        pkceCodeVerifier: flow.codeVerifier, expectedState: state, expectedNonce: flow.nonce, idTokenExpected: true,
      });
      const idClaims = tokens.claims();
      if (!idClaims) throw new AppError(401, 'oidc_token_invalid', 'the identity provider sent no ID token');
      claims = idClaims as Record<string, unknown>;
    } catch (e) {
      throw exchangeError(e);
    }
    const subject = text(claims.sub, 255);
    if (!subject) throw new AppError(401, 'oidc_token_invalid', 'the ID token names no subject');
    seen.subject = subject;
    const match = mapClaims(p.rules, claims);
    if (!match) throw new AppError(403, 'oidc_no_matching_rule', 'no mapping rule of this identity provider matches your account: ask the centre');
    const userId = await this.#account(p, subject, claims, match.rule, caller);
    return this.#auth.openFederated(userId, caller, { providerId: p.id });
  }

  /** The account linked to (provider, sub): created just in time, or its organisation, role and name brought to the claims' (audited). */
  async #account(p: ProviderRow, subject: string, claims: Record<string, unknown>, rule: ClaimRule, caller: Caller): Promise<string> {
    const linked = await repo.linkedUser(this.#p.db, p.id, subject);
    const name = text(claims.name, 200) ?? text(claims.preferred_username, 200) ?? text(claims.email, 200) ?? subject.slice(0, 200);
    if (linked) {
      if (linked.status !== 'active') throw new AppError(403, 'oidc_account_disabled', 'this account is disabled');
      const ctx = await this.#auth.context({ type: 'user', id: linked.user_id, name, orgId: rule.orgId, role: rule.role }, caller);
      const changed = linked.org_id !== rule.orgId || linked.role !== rule.role || linked.name !== name;
      await transact(this.#p, async (tx) => {
        await repo.touchLink(tx, p.id, subject);
        if (!changed) return;
        await repo.updateStanding(tx, linked.user_id, { name, orgId: rule.orgId, role: rule.role });
        await recordChange(tx, ctx, {
          action: 'user.federated_update', entityType: 'user', entityId: linked.user_id, orgId: rule.orgId,
          before: { orgId: linked.org_id, role: linked.role, name: linked.name }, after: { orgId: rule.orgId, role: rule.role, name, providerId: p.id },
        });
      });
      return linked.user_id;
    }
    // never linked by e-mail: an address already held by another account is a conflict the centre resolves
    const verified = claims.email_verified !== false;
    const email = (verified ? text(claims.email, 254) : null) ?? `${sha256(`${p.id}|${subject}`).slice(0, 24)}@federated.invalid`;
    if (await repo.emailTaken(this.#p.db, email)) {
      throw new AppError(409, 'oidc_account_conflict', 'an account with this e-mail address already exists and is not linked to this identity provider: ask the centre');
    }
    // a password nobody knows: the account signs in only through its provider (an admin may later set one, break-glass)
    const noPassword = await hashPassword(generatePassword());
    const locale = text(claims.locale, 10)?.toLowerCase().startsWith('en') ? 'en' : 'vi';
    const ctx = await this.#auth.context({ type: 'user', id: null, name, orgId: rule.orgId, role: rule.role }, caller);
    try {
      return await transact(this.#p, async (tx) => {
        const id = await repo.createLinkedUser(tx, { email, name, orgId: rule.orgId, role: rule.role, locale, providerId: p.id, subject, noPassword });
        await recordChange(tx, { ...ctx, actor: { ...ctx.actor, id } }, {
          action: 'user.create', entityType: 'user', entityId: id, orgId: rule.orgId,
          after: { email, name, orgId: rule.orgId, role: rule.role, via: 'oidc', providerId: p.id },
        });
        return id;
      });
    } catch (e) {
      // the same subject signing in twice at once: the other sign-in created the link
      const again = await repo.linkedUser(this.#p.db, p.id, subject);
      if (again) return again.user_id;
      throw e;
    }
  }
}
