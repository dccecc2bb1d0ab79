import { isNoise, network24 } from './noise.ts';

/** What the detector needs of one alert (a committed alert carries all of it). */
export interface LinkAlert {
  orgId: string;
  /** Who sent it: the organisation itself, or its SOC provider. */
  reporterOrgId?: string;
  at: number;
  severity: number;
  rsitClass: string | null;
  ruleId: string | null;
  title: string;
  srcIp: string | null;
  dstIp: string | null;
  attack: string[];
  observables: { type: string; value: string; role?: string }[];
  /** `ja3:…`, `ja4:…`, `x509:…`, `file:…`, `subject:…` tags carry the features no observable type names. */
  tags?: string[];
}

/**
 * How a feature links organisations. `strong`: one shared value is a link (an address, a domain, a
 * hash, a sender domain, a TLS fingerprint, a /24 together with the same signature). `gated`: a shared
 * signature, CVE, malware family, URL path or subject links only where the victims are concentrated
 * beyond chance (the noise model says so), since commodity exploits are everywhere.
 */
export type FeatureKind = 'strong' | 'gated';

export interface LinkFeature { key: string; kind: FeatureKind }

const HASHES = new Set(['md5', 'sha1', 'sha256']);
const TAGGED: Record<string, { prefix: string; kind: FeatureKind }> = {
  ja3: { prefix: 'tls', kind: 'strong' }, ja3s: { prefix: 'tls', kind: 'strong' }, ja4: { prefix: 'tls', kind: 'strong' }, x509: { prefix: 'cert', kind: 'strong' },
  file: { prefix: 'file', kind: 'gated' }, subject: { prefix: 'subject', kind: 'gated' },
};
const CVE = /\bCVE-\d{4}-\d{4,7}\b/gi;
/** A malware family as signature names write it: `ET MALWARE Win32/Qakbot`, `Trojan:Win32/Emotet`, `Backdoor.Linux.Mirai`, `ET MALWARE Lumma Stealer`. */
const FAMILY = [
  /\b(?:win32|win64|msil|linux|android|osx|macos|js|vbs|html)[/.:]([a-z][a-z0-9]{2,30})/i,
  /\bET (?:MALWARE|TROJAN|MOBILE_MALWARE) (?:Observed )?([A-Za-z][A-Za-z0-9]{2,30})\b/,
];
const GENERIC_FAMILY = new Set(['generic', 'agent', 'malware', 'trojan', 'suspicious', 'activity', 'detected', 'possible', 'unknown', 'known', 'likely', 'observed', 'suspected', 'ransomware']);

/**
 * A title as a message template: the variable parts a log line carries (addresses, `key=value` values,
 * numbers, long hex runs) become `*`, so `pam_unix … rhost=198.51.100.3 user=root` and the same line
 * from another address are one signature, not one per attacker and account.
 */
export function titleTemplate(title: string): string {
  return title.toLowerCase()
    .replace(/\b(?:\d{1,3}\.){3}\d{1,3}\b|\b[0-9a-f]{0,4}(?::[0-9a-f]{0,4}){2,7}\b/g, '*')
    .replace(/\b([a-z_][a-z0-9_.-]*)=(?:"[^"]*"|'[^']*'|[^\s;,]*)/g, '$1=*')
    .replace(/\b[0-9a-f]{12,}\b|\d+/g, '*')
    .replace(/\s+/g, ' ').trim();
}

/** The signature of an alert: its rule id, else its title as a template (variable parts removed). */
export function signatureOf(a: Pick<LinkAlert, 'ruleId' | 'title'>): string {
  return (a.ruleId ? a.ruleId.toLowerCase().replace(/\s+/g, ' ').trim() : titleTemplate(a.title)).slice(0, 200);
}

/** Expands an IPv6 address to its eight groups (null when it is not one). */
function ipv6Groups(ip: string): string[] | null {
  const [head, tail, extra] = ip.toLowerCase().split('::');
  if (extra !== undefined) return null;
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const fill = tail === undefined ? 0 : 8 - left.length - right.length;
  const groups = [...left, ...Array.from({ length: fill }, () => '0'), ...right];
  return groups.length === 8 && groups.every((g) => /^[0-9a-f]{1,4}$/.test(g)) ? groups.map((g) => g.replace(/^0+(?=.)/, '')) : null;
}

/** The /64 and /48 of an IPv6 address, e.g. `2001:db8:1:2::/64`. */
export function ipv6Prefixes(ip: string): { p64: string; p48: string } | null {
  const g = ipv6Groups(ip);
  return g ? { p64: `${g.slice(0, 4).join(':')}::/64`, p48: `${g.slice(0, 3).join(':')}::/48` } : null;
}

/** A URL path as a pattern: numbers and long hex or base64 runs become `*`, so rotating tokens still match. */
export function pathPattern(path: string): string {
  return path.toLowerCase().split('?')[0]!.replace(/[0-9a-f]{8,}|[a-z0-9_-]{24,}|\d+/g, '*');
}

/** The sender domain of an e-mail address. */
const senderDomain = (email: string): string | null => email.slice(email.lastIndexOf('@') + 1).toLowerCase() || null;

/**
 * The link features of one alert: the values by which it may share infrastructure or tradecraft with
 * other organisations' alerts. Warninglisted values (private ranges, public resolvers, top domains,
 * the intel module's MISP lists) are left out: they link nothing.
 */
export function linkFeatures(a: LinkAlert, warninglisted?: (type: string, value: string) => boolean): LinkFeature[] {
  const out = new Map<string, FeatureKind>();
  const add = (key: string, kind: FeatureKind) => { if (out.get(key) !== 'strong') out.set(key, kind); };
  const listed = (type: string, value: string) => isNoise(type, value) || !!warninglisted?.(type, value);
  const sig = signatureOf(a);
  const ips = new Set<string>();
  if (a.srcIp) ips.add(a.srcIp.toLowerCase());
  for (const o of a.observables) {
    const v = o.value.toLowerCase();
    if ((o.type === 'ipv4' || o.type === 'ipv6') && o.role !== 'dst') ips.add(v);
    else if ((o.type === 'domain' || o.type === 'hostname') && !listed(o.type, v)) add(`domain:${v}`, 'strong');
    else if (HASHES.has(o.type)) add(`${o.type}:${v}`, 'strong');
    else if (o.type === 'email' && o.role !== 'dst') {
      const d = senderDomain(v);
      if (d && !listed('domain', d)) add(`sender:${d}`, 'strong');
    } else if (o.type === 'url') {
      const m = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/]*@)?(\[[^\]]+\]|[^/:?#]+)(?::\d+)?([^?#]*)/.exec(v);
      if (!m) continue;
      const host = m[1]!.replace(/^\[|\]$/g, '');
      if (/^[\d.]+$/.test(host) || host.includes(':')) ips.add(host);
      else if (!listed('domain', host)) add(`domain:${host}`, 'strong');
      const path = pathPattern(m[2] ?? '');
      if (path.length >= 6) add(`urlpath:${path}`, 'gated');
    }
  }
  for (const ip of ips) {
    const type = ip.includes(':') ? 'ipv6' : 'ipv4';
    if (listed(type, ip)) continue;
    add(`${type}:${ip}`, 'strong');
    // A shared network alone is a coincidence (cloud tenants): it links only with the same signature.
    if (type === 'ipv4') add(`net:${network24(ip)}|${sig}`, 'strong');
    else {
      const p = ipv6Prefixes(ip);
      if (p) {
        add(`net:${p.p64}|${sig}`, 'strong');
        add(`net:${p.p48}|${sig}`, 'strong');
      }
    }
  }
  for (const t of a.tags ?? []) {
    const at = t.indexOf(':');
    const spec = at > 0 ? TAGGED[t.slice(0, at).toLowerCase()] : undefined;
    const value = t.slice(at + 1).trim().toLowerCase();
    if (spec && value.length >= 3) add(`${spec.prefix}:${value}`, spec.kind);
  }
  // A rule id names one detection; a bare title ("Phishing e-mail delivered") is a description many share:
  // it never links, it only tells commodity activity (seen everywhere) apart.
  add(a.ruleId ? `sig:${sig}` : `title:${sig}`, 'gated');
  const text = `${a.ruleId ?? ''} ${a.title} ${(a.tags ?? []).join(' ')}`;
  for (const c of text.match(CVE) ?? []) add(`cve:${c.toUpperCase()}`, 'gated');
  const family = FAMILY.map((re) => re.exec(a.title)?.[1]).find((f) => f !== undefined)?.toLowerCase();
  if (family && !GENERIC_FAMILY.has(family)) add(`family:${family}`, 'gated');
  return [...out].map(([key, kind]) => ({ key, kind }));
}

/** How a feature key is shown and stored as evidence: its kind and its value (`ipv4:…`, a network, a signature…). */
export function evidenceOf(key: string): { kind: 'observable' | 'network' | 'signature' | 'fingerprint'; value: string } {
  const at = key.indexOf(':');
  const type = key.slice(0, at);
  const value = key.slice(at + 1);
  if (type === 'net') return { kind: 'network', value: value.slice(0, value.indexOf('|')) };
  if (type === 'sender') return { kind: 'observable', value: `domain:${value}` };
  if (type === 'tls' || type === 'cert') return { kind: 'fingerprint', value: key };
  if (type === 'sig' || type === 'title' || type === 'cve' || type === 'family' || type === 'urlpath' || type === 'file' || type === 'subject') return { kind: 'signature', value: key };
  return { kind: 'observable', value: key };
}
