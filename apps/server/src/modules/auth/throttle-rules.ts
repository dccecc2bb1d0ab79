import { isIPv4, isIPv6 } from 'node:net';
import type { SignInThrottleConfig } from '../../config.ts';

/** The three counters of failed credential attempts (docs/adr/0008). */
export type ThrottleScope = 'address' | 'account_address' | 'account';

/** One counter: its scope, the account (lower-case e-mail, or '') and the address (or ''). */
export interface ThrottleKey {
  scope: ThrottleScope;
  account: string;
  address: string;
}

/** An active block read from the store. */
export interface ActiveBlock {
  scope: ThrottleScope;
  blockedUntil: Date;
}

/** Expands an IPv6 address to its eight 16-bit groups (null when it is not one). */
function ipv6Groups(ip: string): number[] | null {
  if (!isIPv6(ip)) return null;
  let text = ip.split('%')[0]!.toLowerCase();
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4) {
    const [a, b, c, d] = v4[1]!.split('.').map(Number) as [number, number, number, number];
    text = text.slice(0, -v4[1]!.length) + `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.includes('::') ? text.split('::') as [string, string] : [text, null];
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const fill = tail === null ? [] : Array(8 - left.length - right.length).fill('0');
  return [...left, ...fill, ...right].map((g) => parseInt(g, 16));
}

/**
 * The address an attempt is counted under: IPv4 as it is (also when IPv4-mapped), IPv6 by its /64,
 * since one subscriber holds a whole /64 and could otherwise change address at every attempt.
 */
export function throttleAddress(ip: string | null | undefined): string {
  if (!ip) return 'unknown';
  if (isIPv4(ip)) return ip;
  const groups = ipv6Groups(ip);
  if (!groups) return ip.slice(0, 64);
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    return [groups[6]! >> 8, groups[6]! & 255, groups[7]! >> 8, groups[7]! & 255].join('.');
  }
  return `${groups.slice(0, 4).map((g) => g.toString(16)).join(':')}::/64`;
}

/** The counters an attempt touches: the address always; with an account, the account from it and overall. */
export function keysOf(address: string, account: string | null): ThrottleKey[] {
  const keys: ThrottleKey[] = [{ scope: 'address', account: '', address }];
  if (account) keys.push({ scope: 'account_address', account, address }, { scope: 'account', account, address: '' });
  return keys;
}

/** How many failures a counter takes before it blocks. */
export function limitOf(scope: ThrottleScope, config: SignInThrottleConfig): number {
  if (scope === 'address') return config.addressFailures;
  if (scope === 'account_address') return config.accountFailures;
  return config.unfamiliarFailures;
}

/**
 * The block that refuses this attempt, if any. An account-wide block refuses only clients the
 * account does not know, so an attacker's failures never shut the owner out of a known browser or address.
 */
export function refusingBlock(blocks: ActiveBlock[], familiar: boolean): ActiveBlock | null {
  const applicable = blocks.filter((b) => b.scope !== 'account' || !familiar);
  if (applicable.length === 0) return null;
  return applicable.reduce((a, b) => (b.blockedUntil > a.blockedUntil ? b : a));
}

/** Seconds until a block ends, at least one (for Retry-After). */
export const retryAfterSeconds = (until: Date, now: Date): number => Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
