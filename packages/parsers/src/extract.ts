import { normaliseIp } from './ip.ts';
import type { ObservableSet } from './observable-set.ts';
import { normaliseDomain, normaliseEmail, normaliseHash, normaliseUrl, refang } from './observables.ts';

/**
 * Indicators in free text (syslog messages): URLs, e-mail addresses, IPv4/IPv6 addresses (with or
 * without a port: `ip:port`, `ip/port`, `ip/service`, `ip#port`, `zone:ip/port`, `iface/ip`), md5/sha1/sha256 digests and domain
 * names, added with role `related`.
 * Defanging (`[.]`, `hxxp`) is undone first. The text is cut into tokens at whitespace, quotes and
 * brackets by one linear split; a token holding `://` is a URL from its scheme on, any other token is
 * cut again at `=`, `,` and `;`; each piece is then classified by anchored tests, so there is no
 * backtracking across the text.
 * A dotted word counts as a domain only when its last label is alphabetic and not a file extension or a
 * private pseudo-TLD (`sshd.service`, `index.html`, `localhost.localdomain` are not domains).
 */

const SEPARATORS = /[\s"'`<>(){}[\]|]+/;
const SUB_SEPARATORS = /[=,;]+/;
const SCHEME_START = /[A-Za-z][A-Za-z0-9+.-]*$/;
const ENDPOINT_V4 = /^(?:[A-Za-z][\w.-]{0,63}[:/])?(\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3})(?:[:/#]\d{1,5}|\/[A-Za-z][\w-]{0,31}|\/[0-9a-f]{4}\.[0-9a-f]{4}\.[0-9a-f]{4})?$/;
const EDGE_PUNCTUATION = /^[.:!?[\]*]+|[.:!?[\]*]+$/g;
const NOT_TLDS = new Set([
  'bak', 'bat', 'bin', 'cfg', 'class', 'conf', 'cpp', 'csv', 'dat', 'db', 'dll', 'doc', 'docx', 'exe', 'gif', 'gz', 'htm', 'html',
  'ini', 'jar', 'java', 'jpeg', 'jpg', 'js', 'json', 'lock', 'log', 'md', 'msi', 'old', 'pdf', 'php', 'pid', 'pl', 'png', 'ps1',
  'py', 'rb', 'rpm', 'service', 'sh', 'so', 'sock', 'socket', 'sql', 'swp', 'sys', 'tar', 'target', 'timer', 'tmp', 'ts', 'txt',
  'vbs', 'xls', 'xlsx', 'xml', 'yaml', 'yml', 'zip', 'localdomain', 'local', 'localhost', 'lan', 'internal', 'home', 'arpa', 'invalid', 'test',
]);

/** Adds the indicators found in `text` to `obs` (stops when the set is full). */
export function extractIndicators(text: string, obs: ObservableSet): void {
  if (text.length === 0) return;
  for (const raw of refang(text).split(SEPARATORS)) {
    if (obs.full) return;
    if (raw.length < 3 || raw.length > 2048) continue;
    const scheme = raw.indexOf('://');
    if (scheme > 0) {
      const start = SCHEME_START.exec(raw.slice(Math.max(0, scheme - 16), scheme));
      const from = start === null ? -1 : scheme - start[0].length;
      const url = from < 0 ? null : normaliseUrl(raw.slice(from).replace(/[.,;:!?]+$/, ''));
      if (url !== null) obs.add('url', url, 'related');
      // `157.166.255.19:http://cnn.com/` (Cisco ASA): the address before the URL counts too.
      if (from > 0) classify(raw.slice(0, from).replace(/:+$/, ''), obs);
      continue;
    }
    if (raw.indexOf('=') < 0 && raw.indexOf(',') < 0 && raw.indexOf(';') < 0) classify(raw, obs);
    else for (const part of raw.split(SUB_SEPARATORS)) if (part.length >= 3) classify(part, obs);
  }
}

function classify(raw: string, obs: ObservableSet): void {
  const token = raw.replace(EDGE_PUNCTUATION, '');
  if (token.length < 3) return;
  if (token.includes('@')) {
    const email = normaliseEmail(token);
    if (email !== null) obs.add('email', email, 'related');
    return;
  }
  const colons = countColons(token);
  if (colons >= 2) {
    const ip = normaliseIp(token);
    if (ip !== null) obs.add(ip.type, ip.value, 'related');
    return;
  }
  // `ip`, `ip:port`, `ip/port` and `ip/service` (Cisco ASA/PIX `outside:1.2.3.4/ssh`), `ip#port` (BIND), `zone:ip[/port]`, `iface/ip` (ASA 106100
  // `outside/1.2.3.4(1234)`), `ip/mac`.
  const v4 = ENDPOINT_V4.exec(token);
  if (v4 !== null) {
    const ip = normaliseIp(v4[1]!);
    if (ip !== null) obs.add(ip.type, ip.value, 'related');
    return;
  }
  if (token.length === 32 || token.length === 40 || token.length === 64) {
    const hash = normaliseHash(token);
    if (hash !== null) {
      obs.add(hash.type, hash.value, 'related');
      return;
    }
  }
  if (token.includes('.') && colons === 0 && !token.includes('/')) {
    const domain = normaliseDomain(token);
    if (domain === null) return;
    const tld = domain.slice(domain.lastIndexOf('.') + 1);
    if (/^[a-z]{2,24}$/.test(tld) && !NOT_TLDS.has(tld)) obs.add('domain', domain, 'related');
    else if (tld.startsWith('xn--')) obs.add('domain', domain, 'related');
  }
}

function countColons(s: string): number {
  let n = 0;
  for (let i = s.indexOf(':'); i >= 0; i = s.indexOf(':', i + 1)) n++;
  return n;
}
