import { isReserved } from '../../common/reserved-ranges.ts';

/**
 * Values that link nothing: private and reserved addresses (the product's one list, common/reserved-ranges),
 * the big public resolvers and the most visited domains. One function so the intel module's
 * MISP-warninglist matcher can replace it.
 */
const RESOLVERS = new Set(['8.8.8.8', '8.8.4.4', '1.1.1.1', '1.0.0.1', '9.9.9.9', '149.112.112.112', '208.67.222.222', '208.67.220.220', '2001:4860:4860::8888', '2606:4700:4700::1111']);
const TOP_DOMAINS = new Set(['google.com', 'microsoft.com', 'windowsupdate.com', 'apple.com', 'facebook.com', 'youtube.com', 'amazonaws.com', 'cloudflare.com', 'akamaihd.net', 'zalo.me', 'gov.vn']);

/** Whether a domain is one of the top domains or under one (walks its parent domains). */
function isTopDomain(v: string): boolean {
  for (let d = v; ; ) {
    if (TOP_DOMAINS.has(d)) return true;
    const dot = d.indexOf('.');
    if (dot < 0) return false;
    d = d.slice(dot + 1);
  }
}

/**
 * Whether an observable is warninglisted noise. The documentation and benchmarking networks are not:
 * the demo network and the simulator use them as attacker addresses (isReserved's `examples: false`).
 */
export function isNoise(type: string, value: string): boolean {
  const v = value.toLowerCase();
  if (type === 'ipv4' || type === 'ipv6') return isReserved(v, { examples: false }) || RESOLVERS.has(v);
  if (type === 'hostname' && !v.includes('.')) return true; // a bare host name is local to its network
  if (type === 'domain' || type === 'hostname') return isTopDomain(v);
  return false;
}

/** The /24 of an IPv4 address, e.g. `203.0.113.0/24`. */
export const network24 = (ip: string): string => `${ip.slice(0, ip.lastIndexOf('.'))}.0/24`;
