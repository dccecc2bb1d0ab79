import { AppError } from '../core/errors.ts';

/**
 * A URL an administrator typed for the server to call (an intel feed, a webhook), parsed (422 when it is
 * not one), with its host as allow-lists compare it: lower case, an IPv6 address without brackets.
 */
export function parseOutboundUrl(url: string): { url: URL; host: string; http: boolean } {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new AppError(422, 'validation_failed', `not a URL: ${url}`);
  }
  return { url: u, host: u.hostname.toLowerCase().replace(/^\[|\]$/g, ''), http: u.protocol === 'https:' || u.protocol === 'http:' };
}

/** Whether a host is on an allow-list of hosts and `*.suffix` entries (the latter for sub-domains). */
export const hostMatches = (host: string, patterns: readonly string[]): boolean =>
  patterns.some((a) => a === host || (a.startsWith('*.') && host.endsWith(a.slice(1))));
