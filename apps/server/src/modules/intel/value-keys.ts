const DEFAULT_PORTS: Record<string, string> = { http: '80', https: '443', ftp: '21', ws: '80', wss: '443' };

/**
 * The form a URL is matched in: scheme and host lower-cased, default port and fragment dropped, an
 * empty path written as '/'. Path and query keep their case (servers treat them case-sensitively).
 * Null when the text has no `scheme://host`.
 */
export function urlKey(raw: string): string | null {
  const s = raw.trim();
  const sep = s.indexOf('://');
  if (sep <= 0) return null;
  const scheme = s.slice(0, sep).toLowerCase();
  if (!/^[a-z][a-z0-9+.-]*$/.test(scheme)) return null;
  const rest = s.slice(sep + 3);
  let end = rest.length;
  for (let i = 0; i < rest.length; i++) {
    const c = rest.charCodeAt(i);
    if (c === 47 || c === 63 || c === 35) { end = i; break; }
  }
  const authority = rest.slice(0, end);
  const hash = rest.indexOf('#', end);
  let path = rest.slice(end, hash < 0 ? rest.length : hash);
  if (path === '' || path.charCodeAt(0) === 63) path = `/${path}`;
  const at = authority.lastIndexOf('@');
  let host = authority.slice(at + 1).toLowerCase();
  const colon = host.lastIndexOf(':');
  if (colon >= 0 && !host.endsWith(']') && host.slice(colon + 1) === DEFAULT_PORTS[scheme]) host = host.slice(0, colon);
  if (host === '') return null;
  return `${scheme}://${authority.slice(0, at + 1)}${host}${path}`;
}

/** Host part of a URL key ('evil.example' from 'http://u@evil.example:8080/x'), brackets removed. */
export function urlHost(key: string): string {
  const start = key.indexOf('://') + 3;
  let end = key.length;
  for (let i = start; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if (c === 47 || c === 63) { end = i; break; }
  }
  const authority = key.slice(start, end);
  let host = authority.slice(authority.lastIndexOf('@') + 1);
  if (host.startsWith('[')) return host.slice(1, host.indexOf(']'));
  const colon = host.lastIndexOf(':');
  if (colon >= 0) host = host.slice(0, colon);
  return host;
}

/** Domain as matched: lower case, no trailing dot, refanged `[.]`; null when it has no dot. */
export function domainKey(raw: string): string | null {
  let s = raw.trim().toLowerCase();
  if (s.includes('[.]')) s = s.replaceAll('[.]', '.');
  if (s.endsWith('.')) s = s.slice(0, -1);
  return s.length >= 3 && s.includes('.') && !s.startsWith('.') ? s : null;
}

const HEX = /^[0-9a-f]+$/;
const HASH_LENGTHS: Record<string, number> = { md5: 32, sha1: 40, sha256: 64 };

/** Digest as matched: lower-case hex of the right length for its type, else null. */
export function hashKey(type: string, raw: string): string | null {
  const s = raw.trim().toLowerCase();
  return s.length === HASH_LENGTHS[type] && HEX.test(s) ? s : null;
}

/** E-mail address as matched: lower case, `mailto:` and angle brackets removed; null without one '@'. */
export function emailKey(raw: string): string | null {
  let s = raw.trim().toLowerCase();
  if (s.startsWith('<') && s.endsWith('>')) s = s.slice(1, -1);
  if (s.startsWith('mailto:')) s = s.slice(7);
  const at = s.indexOf('@');
  return at > 0 && at === s.lastIndexOf('@') && at < s.length - 1 ? s : null;
}
