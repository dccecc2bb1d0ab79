import type { ClaimRule, IdentityProvider, IdentityProviderCreate, IdentityProviderPatch, SignInProvider } from '@lachan/contracts';
import type { RequestContext } from '../../core/context.ts';
import { AppError, forbidden, notFound } from '../../core/errors.ts';
import { recordChange, transact } from '../events/index.ts';
import type { FederationParts } from './federation-parts.ts';
import { identityProvidersPolicy } from './identity-providers.policy.ts';
import { identityProvidersRepository as repo, type ProviderRow, type ProviderValues } from './identity-providers.repository.ts';
import { sealSecret } from '../../common/sealed-secret.ts';
import { redirectUriOf, type OidcClients } from './oidc-client.ts';

const DEFAULT_SCOPES = ['openid', 'email', 'profile'];
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);
const unprocessable = (message: string) => new AppError(422, 'validation_failed', message);

/** The API shape of a provider: never its client secret, only whether one is set. */
export function presentProvider(r: ProviderRow, publicUrl: string): IdentityProvider {
  return {
    id: r.id, displayName: r.display_name, issuer: r.issuer, clientId: r.client_id, hasClientSecret: r.client_secret !== '',
    scopes: r.scopes, enabled: r.enabled, rules: r.rules, redirectUri: redirectUriOf(publicUrl),
    createdAt: r.created_at.toISOString(), updatedAt: r.updated_at.toISOString(),
  };
}

/** What the audit keeps of a provider: everything but the secret. */
const audited = (v: ProviderValues) => ({ displayName: v.displayName, issuer: v.issuer, clientId: v.clientId, scopes: v.scopes, enabled: v.enabled, rules: v.rules });

const valuesOf = (r: ProviderRow): ProviderValues => ({
  displayName: r.display_name, issuer: r.issuer, clientId: r.client_id, clientSecret: r.client_secret, scopes: r.scopes, enabled: r.enabled, rules: r.rules,
});

/** An issuer must be an https URL (http only on a loopback address, for a provider on the same machine), without query or fragment. */
export function checkIssuer(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw unprocessable('the issuer must be a URL such as https://login.example.gov.vn/realms/soc');
  }
  const insecureOk = url.protocol === 'http:' && LOOPBACK.has(url.hostname);
  if ((url.protocol !== 'https:' && !insecureOk) || url.username || url.password || url.search || url.hash) {
    throw unprocessable('the issuer must be an https URL without credentials, query or fragment (http only on a loopback address)');
  }
  // kept as written: an issuer identifier is compared exactly (with or without its trailing slash)
  return value;
}

/** Identity providers as data: the centre adds, changes and removes them; the sign-in page lists the enabled ones. */
export class IdentityProvidersService {
  #p: FederationParts;
  #clients: OidcClients;
  constructor(parts: FederationParts, clients: OidcClients) {
    this.#p = parts;
    this.#clients = clients;
  }

  #guard(ctx: RequestContext): void {
    if (!identityProvidersPolicy.mayManage(ctx)) throw forbidden('identity providers are managed by the national centre');
  }

  async #checkRules(rules: readonly ClaimRule[]): Promise<void> {
    const named = [...new Set(rules.map((r) => r.orgId))];
    const active = await repo.activeOrgIds(this.#p.db, named);
    const missing = named.filter((id) => !active.has(id));
    if (missing.length) throw unprocessable(`a mapping rule names an organisation that does not exist or is not active: ${missing.join(', ')}`);
    const single = rules.findIndex((r) => r.operator === 'equals' && r.values.length !== 1);
    if (single >= 0) throw unprocessable(`rule ${single + 1}: "equals" compares with exactly one value (use "in" for several)`);
  }

  #checkScopes(scopes: string[]): string[] {
    if (!scopes.includes('openid')) throw unprocessable('the scopes must include openid');
    return [...new Set(scopes)];
  }

  async list(ctx: RequestContext): Promise<IdentityProvider[]> {
    this.#guard(ctx);
    return (await repo.list(this.#p.db)).map((r) => presentProvider(r, this.#p.config.publicUrl));
  }

  async get(ctx: RequestContext, id: string): Promise<IdentityProvider> {
    this.#guard(ctx);
    const row = await repo.byId(this.#p.db, id);
    if (!row) throw notFound('identity provider');
    return presentProvider(row, this.#p.config.publicUrl);
  }

  /** The enabled providers' ids and names, for the sign-in page (public). */
  async forSignIn(): Promise<SignInProvider[]> {
    return (await repo.enabled(this.#p.db)).map((r) => ({ id: r.id, displayName: r.display_name }));
  }

  async create(ctx: RequestContext, b: IdentityProviderCreate): Promise<IdentityProvider> {
    this.#guard(ctx);
    const values: ProviderValues = {
      displayName: b.displayName.trim(), issuer: checkIssuer(b.issuer), clientId: b.clientId,
      clientSecret: sealSecret(b.clientSecret, this.#p.config.idpSecretsKey),
      scopes: this.#checkScopes(b.scopes ?? DEFAULT_SCOPES), enabled: b.enabled ?? true, rules: b.rules ?? [],
    };
    await this.#checkRules(values.rules);
    return transact(this.#p, async (tx) => {
      const row = await repo.insert(tx, values);
      await recordChange(tx, ctx, { action: 'identity_provider.create', entityType: 'identity_provider', entityId: row.id, orgId: null, after: audited(values) });
      return presentProvider(row, this.#p.config.publicUrl);
    });
  }

  async update(ctx: RequestContext, id: string, b: IdentityProviderPatch): Promise<IdentityProvider> {
    this.#guard(ctx);
    const before = await repo.byId(this.#p.db, id);
    if (!before) throw notFound('identity provider');
    const kept = valuesOf(before);
    const values: ProviderValues = {
      displayName: b.displayName?.trim() ?? kept.displayName,
      issuer: b.issuer !== undefined ? checkIssuer(b.issuer) : kept.issuer,
      clientId: b.clientId ?? kept.clientId,
      clientSecret: b.clientSecret !== undefined ? sealSecret(b.clientSecret, this.#p.config.idpSecretsKey) : kept.clientSecret,
      scopes: b.scopes !== undefined ? this.#checkScopes(b.scopes) : kept.scopes,
      enabled: b.enabled ?? kept.enabled,
      rules: b.rules ?? kept.rules,
    };
    if (b.rules) await this.#checkRules(values.rules);
    return transact(this.#p, async (tx) => {
      const row = await repo.update(tx, id, values);
      if (!row) throw notFound('identity provider');
      this.#clients.forget(id);
      await recordChange(tx, ctx, {
        action: 'identity_provider.update', entityType: 'identity_provider', entityId: id, orgId: null,
        before: audited(valuesOf(before)),
        after: { ...audited(values), ...(b.clientSecret !== undefined ? { clientSecretChanged: true } : {}) },
      });
      return presentProvider(row, this.#p.config.publicUrl);
    });
  }

  /** Removes a provider and its account links; the accounts stay (their history), but can no longer sign in through it. */
  async remove(ctx: RequestContext, id: string): Promise<IdentityProvider> {
    this.#guard(ctx);
    return transact(this.#p, async (tx) => {
      const row = await repo.remove(tx, id);
      if (!row) throw notFound('identity provider');
      await recordChange(tx, ctx, { action: 'identity_provider.delete', entityType: 'identity_provider', entityId: id, orgId: null, before: { displayName: row.display_name, issuer: row.issuer } });
      return presentProvider(row, this.#p.config.publicUrl);
    });
  }
}
