/** IPv4 dotted quad to an unsigned 32-bit number, or -1 when it is not one (no allocation). */
export function parseIPv4(s: string, start = 0, end = s.length): number {
  let value = 0;
  let octet = -1;
  let dots = 0;
  let digits = 0;
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      octet = octet < 0 ? c - 48 : octet * 10 + (c - 48);
      if (octet > 255 || ++digits > 3) return -1;
    } else if (c === 46) {
      if (octet < 0 || ++dots > 3) return -1;
      value = value * 256 + octet;
      octet = -1;
      digits = 0;
    } else return -1;
  }
  if (dots !== 3 || octet < 0) return -1;
  return value * 256 + octet;
}

/**
 * IPv6 text (RFC 4291 forms, including `::` and a trailing dotted quad) into four 32-bit words at
 * `out[at..at+3]`; false when it is not an address. A zone (`%eth0`) or brackets are not accepted.
 */
export function parseIPv6(s: string, out: Uint32Array, at = 0): boolean {
  const groups = GROUPS;
  let n = 0;
  let gap = -1;
  let i = 0;
  const len = s.length;
  if (len < 2) return false;
  if (s.charCodeAt(0) === 58) {
    if (s.charCodeAt(1) !== 58) return false;
    gap = 0;
    i = 2;
    if (i === len) return fill(groups, 0, 0, out, at);
  }
  while (i < len) {
    if (n === 8) return false;
    const dot = s.indexOf('.', i);
    const colon = s.indexOf(':', i);
    if (dot >= 0 && (colon < 0 || dot < colon)) {
      const v4 = parseIPv4(s, i, len);
      if (v4 < 0 || n > 6) return false;
      groups[n++] = v4 >>> 16;
      groups[n++] = v4 & 0xffff;
      i = len;
      break;
    }
    let v = 0;
    let digits = 0;
    while (i < len) {
      const c = s.charCodeAt(i);
      const d = c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 102 ? c - 87 : c >= 65 && c <= 70 ? c - 55 : -1;
      if (d < 0) break;
      v = v * 16 + d;
      if (++digits > 4) return false;
      i++;
    }
    if (digits === 0) return false;
    groups[n++] = v;
    if (i === len) break;
    if (s.charCodeAt(i) !== 58) return false;
    i++;
    if (i < len && s.charCodeAt(i) === 58) {
      if (gap >= 0) return false;
      gap = n;
      i++;
    } else if (i === len) return false;
  }
  if (gap < 0 ? n !== 8 : n > 7) return false;
  return fill(groups, n, gap, out, at);
}

// Scratch space reused across calls: parsing runs on the matcher's hot path and must not allocate.
const GROUPS = new Uint32Array(8);
const FULL = new Uint32Array(8);

function fill(groups: Uint32Array, n: number, gap: number, out: Uint32Array, at: number): boolean {
  const full = FULL.fill(0);
  if (gap < 0) for (let k = 0; k < 8; k++) full[k] = groups[k]!;
  else {
    for (let k = 0; k < gap; k++) full[k] = groups[k]!;
    const tail = n - gap;
    for (let k = 0; k < tail; k++) full[8 - tail + k] = groups[gap + k]!;
  }
  for (let w = 0; w < 4; w++) out[at + w] = ((full[2 * w]! << 16) | full[2 * w + 1]!) >>> 0;
  return true;
}

/** A CIDR block as first and last address, in words (1 for IPv4, 4 for IPv6). */
export interface Cidr {
  family: 4 | 6;
  first: Uint32Array;
  last: Uint32Array;
}

/** Parse `a.b.c.d/n` or `x::/n` (host bits are cleared); a bare address is a /32 or /128. */
export function parseCidr(text: string): Cidr | null {
  const slash = text.indexOf('/');
  const addr = slash < 0 ? text : text.slice(0, slash);
  const bitsText = slash < 0 ? null : text.slice(slash + 1);
  if (bitsText !== null && !/^\d{1,3}$/.test(bitsText)) return null;
  const v4 = parseIPv4(addr);
  const family = v4 >= 0 ? 4 : 6;
  const words = family === 4 ? 1 : 4;
  const bits = bitsText === null ? words * 32 : Number(bitsText);
  if (bits > words * 32) return null;
  const first = new Uint32Array(words);
  if (family === 4) first[0] = v4;
  else if (!parseIPv6(addr.toLowerCase(), first)) return null;
  const last = new Uint32Array(words);
  for (let w = 0; w < words; w++) {
    const keep = Math.max(0, Math.min(32, bits - 32 * w));
    const mask = keep === 0 ? 0 : (0xffffffff << (32 - keep)) >>> 0;
    first[w] = (first[w]! & mask) >>> 0;
    last[w] = (first[w]! | (~mask >>> 0)) >>> 0;
  }
  return { family, first, last };
}
