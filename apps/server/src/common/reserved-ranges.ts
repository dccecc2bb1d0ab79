import { BlockList, isIP } from 'node:net';

/**
 * Why a range is reserved. `example` ranges (documentation, benchmarking) never carry real traffic;
 * the demo network and the simulator use them as public attacker addresses (see isReserved).
 */
export type ReservedKind = 'local' | 'special' | 'multicast' | 'example';

/** One special-purpose range, as the IANA registries name it. */
export interface ReservedRange { cidr: string; name: string; rfc: string; kind: ReservedKind }

const r = (cidr: string, name: string, rfc: string, kind: ReservedKind = 'special'): ReservedRange => ({ cidr, name, rfc, kind });

/**
 * The one list of reserved ranges of the product: the entries of the IANA IPv4 and IPv6 Special-Purpose
 * Address Registries that are not globally reachable (the anycast services AS112, AMT, PCP, TURN are
 * real public servers and stay out), the documentation networks, and multicast. Used by the IOC
 * warninglist, the exports, the campaign engine's noise check and the webhook guard.
 */
export const RESERVED_RANGES: readonly ReservedRange[] = [
  r('0.0.0.0/8', '"This network"', 'RFC 791'),
  r('10.0.0.0/8', 'Private-Use', 'RFC 1918', 'local'),
  r('100.64.0.0/10', 'Shared Address Space (CGNAT)', 'RFC 6598', 'local'),
  r('127.0.0.0/8', 'Loopback', 'RFC 1122', 'local'),
  r('169.254.0.0/16', 'Link Local (cloud metadata)', 'RFC 3927', 'local'),
  r('172.16.0.0/12', 'Private-Use', 'RFC 1918', 'local'),
  r('192.0.0.0/29', 'IPv4 Service Continuity Prefix', 'RFC 7335'),
  r('192.0.0.8/32', 'IPv4 dummy address', 'RFC 7600'),
  r('192.0.0.170/31', 'NAT64/DNS64 Discovery', 'RFC 8880'),
  r('192.0.2.0/24', 'Documentation (TEST-NET-1)', 'RFC 5737', 'example'),
  r('192.88.99.0/24', 'Deprecated 6to4 Relay Anycast', 'RFC 7526'),
  r('192.168.0.0/16', 'Private-Use', 'RFC 1918', 'local'),
  r('198.18.0.0/15', 'Benchmarking', 'RFC 2544', 'example'),
  r('198.51.100.0/24', 'Documentation (TEST-NET-2)', 'RFC 5737', 'example'),
  r('203.0.113.0/24', 'Documentation (TEST-NET-3)', 'RFC 5737', 'example'),
  r('224.0.0.0/4', 'Multicast', 'RFC 5771', 'multicast'),
  r('240.0.0.0/4', 'Reserved', 'RFC 1112'),
  r('255.255.255.255/32', 'Limited Broadcast', 'RFC 919'),
  r('::/128', 'Unspecified Address', 'RFC 4291'),
  r('::1/128', 'Loopback Address', 'RFC 4291', 'local'),
  r('64:ff9b:1::/48', 'IPv4-IPv6 Translation (local use)', 'RFC 8215', 'local'),
  r('100::/64', 'Discard-Only Address Block', 'RFC 6666'),
  r('100:0:0:1::/64', 'Dummy IPv6 Prefix', 'RFC 9780'),
  r('2001::/32', 'TEREDO', 'RFC 4380'),
  r('2001:2::/48', 'Benchmarking', 'RFC 5180', 'example'),
  r('2001:db8::/32', 'Documentation', 'RFC 3849', 'example'),
  r('2002::/16', '6to4', 'RFC 3056'),
  r('3fff::/20', 'Documentation', 'RFC 9637', 'example'),
  r('5f00::/16', 'Segment Routing (SRv6) SIDs', 'RFC 9602'),
  r('fc00::/7', 'Unique-Local', 'RFC 4193', 'local'),
  r('fe80::/10', 'Link-Local Unicast', 'RFC 4291', 'local'),
  r('ff00::/8', 'Multicast', 'RFC 4291', 'multicast'),
];

function blockList(ranges: readonly ReservedRange[]): BlockList {
  const list = new BlockList();
  for (const x of ranges) {
    const [net, bits] = x.cidr.split('/');
    list.addSubnet(net!, Number(bits), isIP(net!) === 4 ? 'ipv4' : 'ipv6');
  }
  return list;
}

const ALL = blockList(RESERVED_RANGES);
const REAL = blockList(RESERVED_RANGES.filter((x) => x.kind !== 'example'));

/**
 * Whether an address (IPv4 or IPv6; an IPv4-mapped IPv6 address is judged by the IPv4 rules) lies in
 * a reserved range. Not an address at all counts as reserved, so a guard fails closed.
 * `examples: false` leaves the documentation and benchmarking networks out: internal analysis (IOC
 * matching at ingest, campaign linking) treats them as public, because real traffic never carries
 * them and the demo network and the simulator use them as attacker addresses; what leaves the product
 * (exports, webhooks) uses the whole list.
 */
export function isReserved(ip: string, options: { examples?: boolean } = {}): boolean {
  const address = ip.startsWith('[') && ip.endsWith(']') ? ip.slice(1, -1) : ip;
  const family = isIP(address);
  if (family === 0) return true;
  return (options.examples === false ? REAL : ALL).check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/** The CIDR strings of the list, optionally without the example (documentation, benchmarking) ranges. */
export function reservedCidrs(options: { examples?: boolean } = {}): string[] {
  return RESERVED_RANGES.filter((x) => options.examples !== false || x.kind !== 'example').map((x) => x.cidr);
}
