import type { ObservableType } from '@lachan/contracts';
import { normaliseIPv4, normaliseIPv6 } from './ip.ts';

/**
 * Normalisers for observable values, shared by every format (IntelMQ sanitation rules, formats.md §7):
 * each returns the canonical value, or null when the input is not a valid value of that type.
 *
 * | type     | canonical form                                                                   |
 * |----------|----------------------------------------------------------------------------------|
 * | ipv4     | dotted quad; 0.0.0.0 rejected                                                    |
 * | ipv6     | RFC 5952 lower case; :: rejected; brackets and zone id dropped                   |
 * | domain   | lower case, no trailing dot, no ':' or '/', >= 2 labels, TLD not numeric, IDN kept as written (not punycoded); `[.]` defanging undone |
 * | url      | `hxxp`→`http`, `[.]`→`.`, `[:]`→`:`; needs `scheme://host`; scheme and host lower-cased |
 * | md5/sha1/sha256 | hex, lower case, 32/40/64 digits                                          |
 * | email    | lower case, `mailto:` and angle brackets dropped, domain valid                    |
 * | user     | trimmed; placeholders (`-`, `N/A`, `(no user)`, ...) dropped                     |
 * No value holds a control character (C0, DEL) or an unpaired surrogate: such input is not a value.
 * | hostname | lower case, no trailing dot, [a-z0-9-_.] or non-ASCII only                        |
 */

export { normaliseIp, normaliseIPv4, normaliseIPv6 } from './ip.ts';

const MAX_VALUE = 2048;
const CONTROL = /[\u0000-\u001f\u007f]/;

/** True for text an observable may hold: no control character, no unpaired surrogate. */
function printable(s: string): boolean {
  return !CONTROL.test(s) && s.isWellFormed();
}

/** Undoes the usual defanging of domains and URLs (`[.]`, `(.)`, `[dot]`, `[:]`). */
const DEFANGED_DOT = /\[\.\]|\(\.\)|\[dot\]|\(dot\)/gi;
const DEFANGED_COLON = /\[:\]/g;

export function refang(s: string): string {
  if (s.indexOf('[') < 0 && s.indexOf('(') < 0) return s;
  return s.replace(DEFANGED_DOT, '.').replace(DEFANGED_COLON, ':');
}

export function normaliseDomain(raw: string): string | null {
  let s = refang(raw.trim()).toLowerCase();
  if (!printable(s)) return null;
  if (s.endsWith('.')) s = s.slice(0, -1);
  if (s.length < 3 || s.length > 253) return null;
  const labels = s.split('.');
  if (labels.length < 2) return null;
  for (const label of labels) {
    if (label.length === 0 || label.length > 63) return null;
    if (label.charCodeAt(0) === 45 || label.charCodeAt(label.length - 1) === 45) return null;
    for (let i = 0; i < label.length; i++) {
      const c = label.charCodeAt(i);
      const ok = (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 45 || c === 95 || c >= 128;
      if (!ok) return null;
    }
  }
  if (/^\d+$/.test(labels[labels.length - 1]!)) return null;
  return s;
}

export function normaliseHostname(raw: string): string | null {
  let s = raw.trim().toLowerCase();
  if (!printable(s)) return null;
  if (s.endsWith('.')) s = s.slice(0, -1);
  // Every label has a character: '..', '.local' and 'a..b' name no host (and '..' would become '.').
  if (s.length === 0 || s.length > 255 || s.split('.').includes('')) return null;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const ok = (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 45 || c === 95 || c === 46 || c >= 128;
    if (!ok) return null;
  }
  return s;
}

const HXXP = /^h(?:xx|XX|xX|Xx)p(s?):/;
const URL_SHAPE = /^([a-z][a-z0-9+.-]{0,31}):\/\/([^\s/?#\\]+)(.*)$/is;

export function normaliseUrl(raw: string): string | null {
  let s = refang(raw.trim());
  if (s.length === 0 || s.length > MAX_VALUE || !printable(s)) return null;
  s = s.replace(HXXP, 'http$1:');
  const m = URL_SHAPE.exec(s);
  if (m === null || /\s/.test(m[3]!)) return null;
  const authority = m[2]!;
  const at = authority.lastIndexOf('@');
  const host = authority.slice(at + 1);
  if (host === '' || host.startsWith(':')) return null;
  return `${m[1]!.toLowerCase()}://${authority.slice(0, at + 1)}${host.toLowerCase()}${m[3]!}`;
}

const HASH_TYPES: Record<number, 'md5' | 'sha1' | 'sha256'> = { 32: 'md5', 40: 'sha1', 64: 'sha256' };

/** A hex digest typed by its length (32 md5, 40 sha1, 64 sha256), lower-cased; null otherwise. */
export function normaliseHash(raw: string): { type: 'md5' | 'sha1' | 'sha256'; value: string } | null {
  const s = raw.trim();
  const type = HASH_TYPES[s.length];
  if (type === undefined || !/^[0-9a-fA-F]+$/.test(s)) return null;
  const value = s.toLowerCase();
  return /^0+$/.test(value) ? null : { type, value };
}

export function normaliseEmail(raw: string): string | null {
  let s = raw.trim();
  if (s.startsWith('<') && s.endsWith('>')) s = s.slice(1, -1);
  if (s.toLowerCase().startsWith('mailto:')) s = s.slice(7);
  const at = s.lastIndexOf('@');
  if (at < 1 || at > 64 || s.length > 254) return null;
  const local = s.slice(0, at);
  if (!/^[^\s@<>()[\]\\,;:"]+$/.test(local) || !printable(local)) return null;
  const domain = normaliseDomain(s.slice(at + 1));
  return domain === null ? null : `${local.toLowerCase()}@${domain}`;
}

const USER_PLACEHOLDERS = new Set(['-', 'n/a', 'na', 'none', 'null', 'unknown', '(no user)', '(null)', '?']);

export function normaliseUser(raw: string): string | null {
  const s = raw.trim();
  if (s.length === 0 || s.length > 256 || !printable(s) || USER_PLACEHOLDERS.has(s.toLowerCase())) return null;
  return s;
}

/** The canonical value of `raw` as an observable of `type`, or null when it is not one. */
export function normaliseObservable(type: ObservableType, raw: string): string | null {
  switch (type) {
    case 'ipv4':
      return normaliseIPv4(raw);
    case 'ipv6':
      return normaliseIPv6(raw);
    case 'domain':
      return normaliseDomain(raw);
    case 'url':
      return normaliseUrl(raw);
    case 'md5':
    case 'sha1':
    case 'sha256': {
      const h = normaliseHash(raw);
      return h !== null && h.type === type ? h.value : null;
    }
    case 'email':
      return normaliseEmail(raw);
    case 'user':
      return normaliseUser(raw);
    case 'hostname':
      return normaliseHostname(raw);
    default:
      return null;
  }
}
