import { AppError } from '../../core/errors.ts';
import { openSecret as openSealed, sealSecret } from '../../common/sealed-secret.ts';
import { hostMatches, parseOutboundUrl } from '../../common/outbound-url.ts';

/** Refuse a feed or TAXII URL unless it is http(s) and its host is on the allow-list (`host` or `*.suffix`). */
export function checkRemoteUrl(url: string, allowed: readonly string[]): URL {
  const { url: u, host, http } = parseOutboundUrl(url);
  if (!http || !hostMatches(host, allowed)) throw new AppError(422, 'validation_failed', `${u.host} is not an allowed intel source host (LACHAN_INTEL_ALLOWED_HOSTS)`);
  return u;
}

/** GET a remote intel resource: allow-listed host, no redirects (they could lead off the list), 60 s limit. */
export async function fetchRemote(url: string, allowed: readonly string[], headers: Record<string, string> = {}): Promise<Response> {
  const res = await fetch(checkRemoteUrl(url, allowed), { headers, redirect: 'error', signal: AbortSignal.timeout(60_000) });
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return res;
}

/** Stored feed credentials are sealed under LACHAN_INTEL_CREDENTIALS_KEY (the shared sealing of core). */
export { sealSecret };
export const openSecret = (sealed: string, key: string | null): string => openSealed(sealed, key, 'LACHAN_INTEL_CREDENTIALS_KEY');
