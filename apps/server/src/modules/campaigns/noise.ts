/**
 * Values that link nothing: private and reserved addresses, the big public resolvers and the most
 * visited domains. One function so the intel module's MISP-warninglist matcher can replace it.
 */
const IPV4_RANGES: [string, number][] = [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.168.0.0', 16], ['224.0.0.0', 4], ['240.0.0.0', 4],
];
const RESOLVERS = new Set(['8.8.8.8', '8.8.4.4', '1.1.1.1', '1.0.0.1', '9.9.9.9', '149.112.112.112', '208.67.222.222', '208.67.220.220', '2001:4860:4860::8888', '2606:4700:4700::1111']);
const TOP_DOMAINS = new Set(['google.com', 'microsoft.com', 'windowsupdate.com', 'apple.com', 'facebook.com', 'youtube.com', 'amazonaws.com', 'cloudflare.com', 'akamaihd.net', 'zalo.me', 'gov.vn']);

const toInt = (ip: string): number | null => {
  const p = ip.split('.');
  if (p.length !== 4) return null;
  let n = 0;
  for (const x of p) {
    const v = Number(x);
    if (!Number.isInteger(v) || v < 0 || v > 255) return null;
    n = n * 256 + v;
  }
  return n;
};

// Parsed once: each range as its first address and the number of addresses it spans.
const RANGES = IPV4_RANGES.map(([base, bits]) => ({ first: toInt(base)!, size: 2 ** (32 - bits) }));

/** True when an IPv4 address is private, loopback, link-local, shared, multicast or reserved. */
export function isReservedIpv4(ip: string): boolean {
  const n = toInt(ip);
  if (n === null) return true;
  for (const r of RANGES) if (n >= r.first && n < r.first + r.size) return true;
  return false;
}

/** Whether a domain is one of the top domains or under one (walks its parent domains). */
function isTopDomain(v: string): boolean {
  for (let d = v; ; ) {
    if (TOP_DOMAINS.has(d)) return true;
    const dot = d.indexOf('.');
    if (dot < 0) return false;
    d = d.slice(dot + 1);
  }
}

/** Whether an observable is warninglisted noise (documentation ranges are not: demo data uses them). */
export function isNoise(type: string, value: string): boolean {
  const v = value.toLowerCase();
  if (type === 'ipv4') return isReservedIpv4(v) || RESOLVERS.has(v);
  if (type === 'ipv6') return RESOLVERS.has(v) || v === '::1' || v.startsWith('fe80:') || v.startsWith('fc') || v.startsWith('fd');
  if (type === 'hostname' && !v.includes('.')) return true; // a bare host name is local to its network
  if (type === 'domain' || type === 'hostname') return isTopDomain(v);
  return false;
}

/** The /24 of an IPv4 address, e.g. `203.0.113.0/24`. */
export const network24 = (ip: string): string => `${ip.slice(0, ip.lastIndexOf('.'))}.0/24`;
