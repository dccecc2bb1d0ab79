import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { AppError } from '../../core/errors.ts';
import { hostMatches, parseOutboundUrl } from '../../core/outbound-url.ts';

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

const keyOf = (secret: string) => createHash('sha256').update(secret).digest();

/** Seal a stored credential with AES-256-GCM under the configured key; without a key it is kept as is, marked so. */
export function sealSecret(plain: string, key: string | null): string {
  if (key === null) return `plain:${plain}`;
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', keyOf(key), iv);
  const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
  return `gcm:${Buffer.concat([iv, c.getAuthTag(), body]).toString('base64')}`;
}

/** Open a credential sealed by {@link sealSecret}. */
export function openSecret(sealed: string, key: string | null): string {
  if (sealed.startsWith('plain:')) return sealed.slice(6);
  if (key === null) throw new Error('the stored credentials are sealed and LACHAN_INTEL_CREDENTIALS_KEY is not set');
  const raw = Buffer.from(sealed.slice(4), 'base64');
  const d = createDecipheriv('aes-256-gcm', keyOf(key), raw.subarray(0, 12));
  d.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([d.update(raw.subarray(28)), d.final()]).toString('utf8');
}
