import * as client from 'openid-client';
import { AppError } from '../../core/errors.ts';
import type { ProviderRow } from './identity-providers.repository.ts';
import { openSecret } from '../../common/sealed-secret.ts';

/** The one redirect URI of every provider: the callback under the public URL (LACHAN_PUBLIC_URL). */
export const redirectUriOf = (publicUrl: string): string => `${publicUrl}/api/v1/auth/oidc/callback`;

const DISCOVERY_TTL_MS = 10 * 60_000;
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);
const unavailable = () => new AppError(502, 'oidc_provider_unavailable', 'the identity provider cannot be reached or its configuration is invalid');

/**
 * The openid-client configuration of a provider, from its discovery document, kept for minutes (and
 * anew when the provider changes). The ID token's signature is always checked against the provider's
 * JWKS (non-repudiation checks), beside issuer, audience, nonce and expiry, which openid-client checks.
 */
export class OidcClients {
  #key: string | null;
  #cache = new Map<string, { version: string; at: number; config: client.Configuration }>();

  constructor(secretsKey: string | null) {
    this.#key = secretsKey;
  }

  async of(p: ProviderRow): Promise<client.Configuration> {
    const version = `${p.updated_at.getTime()}|${p.issuer}|${p.client_id}`;
    const hit = this.#cache.get(p.id);
    if (hit && hit.version === version && Date.now() - hit.at < DISCOVERY_TTL_MS) return hit.config;
    const issuer = new URL(p.issuer);
    const insecure = issuer.protocol === 'http:' && LOOPBACK.has(issuer.hostname);
    let config: client.Configuration;
    try {
      config = await client.discovery(issuer, p.client_id, undefined, client.ClientSecretBasic(openSecret(p.client_secret, this.#key, 'LACHAN_IDP_SECRETS_KEY')), {
        timeout: 10,
        ...(insecure ? { execute: [client.allowInsecureRequests] } : {}),
      });
    } catch {
      throw unavailable();
    }
    client.enableNonRepudiationChecks(config);
    config.timeout = 10;
    this.#cache.set(p.id, { version, at: Date.now(), config });
    return config;
  }

  /** Forgets a provider's configuration (after it changed, or when its keys may have rotated). */
  forget(providerId: string): void {
    this.#cache.delete(providerId);
  }
}

/**
 * Why the exchange failed, as the sign-in page is told: the provider said no, could not be reached, or
 * what it sent did not verify. The precise reason (which claim, the signature) goes to the log only.
 */
export function exchangeError(e: unknown): AppError {
  if (e instanceof AppError) return e;
  const cause = e instanceof Error ? e.cause : undefined;
  const reason = cause instanceof Error ? cause.message : e instanceof Error ? e.message : String(e);
  if (e instanceof client.AuthorizationResponseError || e instanceof client.ResponseBodyError) {
    return new AppError(401, 'oidc_rejected', 'the identity provider refused the sign-in', { reason });
  }
  if (cause instanceof TypeError || (e instanceof Error && (e.name === 'TimeoutError' || e.name === 'AbortError' || e instanceof TypeError))) {
    return new AppError(502, 'oidc_provider_unavailable', 'the identity provider cannot be reached', { reason });
  }
  return new AppError(401, 'oidc_token_invalid', 'the identity provider\'s answer did not verify (issuer, audience, nonce, signature or expiry)', { reason });
}
