/**
 * IP address validation and canonical text forms: IPv4 as a plain dotted quad, IPv6 as RFC 5952
 * (lower case, no leading zeros, longest zero run compressed, IPv4-mapped tail kept dotted).
 * The unspecified addresses (0.0.0.0, ::) are rejected, as IntelMQ does.
 */

/** The four octets of a dotted-quad IPv4 address, or null. Zero-padded octets are read as decimal. */
export function ipv4Octets(s: string): number[] | null {
  const out: number[] = [];
  let n = 0;
  let digits = 0;
  for (let i = 0; i <= s.length; i++) {
    const c = i === s.length ? 46 : s.charCodeAt(i);
    if (c === 46 /* . */) {
      if (digits === 0 || digits > 3 || n > 255 || out.length === 4) return null;
      out.push(n);
      n = 0;
      digits = 0;
    } else if (c >= 48 && c <= 57) {
      n = n * 10 + (c - 48);
      digits++;
    } else return null;
  }
  return out.length === 4 ? out : null;
}

export function normaliseIPv4(s: string): string | null {
  const o = ipv4Octets(s.trim());
  if (o === null) return null;
  const text = o.join('.');
  return text === '0.0.0.0' ? null : text;
}

/** The eight 16-bit groups of an IPv6 address (zone id ignored), or null. */
export function ipv6Groups(input: string): number[] | null {
  let s = input;
  const zone = s.indexOf('%');
  if (zone >= 0) s = s.slice(0, zone);
  if (s.length < 2 || s.length > 45) return null;
  const lastColon = s.lastIndexOf(':');
  if (lastColon < 0) return null;
  let tail: number[] = [];
  if (s.indexOf('.', lastColon) >= 0) {
    const v4 = ipv4Octets(s.slice(lastColon + 1));
    if (v4 === null) return null;
    tail = [(v4[0]! << 8) | v4[1]!, (v4[2]! << 8) | v4[3]!];
    s = s.slice(0, lastColon + 1);
    if (!s.endsWith('::')) s = s.slice(0, -1);
  }
  const want = 8 - tail.length;
  const dbl = s.indexOf('::');
  if (dbl >= 0 && s.indexOf('::', dbl + 1) >= 0) return null;
  const head = hextets(dbl >= 0 ? s.slice(0, dbl) : s);
  const rest = hextets(dbl >= 0 ? s.slice(dbl + 2) : '');
  if (head === null || rest === null) return null;
  if (dbl < 0) return head.length === want ? [...head, ...tail] : null;
  const zeros = want - head.length - rest.length;
  return zeros < 1 ? null : [...head, ...new Array<number>(zeros).fill(0), ...rest, ...tail];
}

function hextets(s: string): number[] | null {
  if (s === '') return [];
  const out: number[] = [];
  for (const g of s.split(':')) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return null;
    out.push(Number.parseInt(g, 16));
  }
  return out;
}

export function normaliseIPv6(input: string): string | null {
  let s = input.trim();
  if (s.startsWith('[') && s.endsWith(']')) s = s.slice(1, -1);
  const g = ipv6Groups(s);
  if (g === null || g.every((x) => x === 0)) return null;
  if (g[0] === 0 && g[1] === 0 && g[2] === 0 && g[3] === 0 && g[4] === 0 && g[5] === 0xffff) {
    return `::ffff:${g[6]! >> 8}.${g[6]! & 255}.${g[7]! >> 8}.${g[7]! & 255}`;
  }
  let bestStart = -1;
  let bestLen = 1;
  for (let i = 0; i < 8; ) {
    if (g[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && g[j] === 0) j++;
    if (j - i > bestLen) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = g.map((x) => x.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLen).join(':')}`;
}

/** An IPv4 or IPv6 address in canonical form with its observable type, or null. */
export function normaliseIp(raw: string): { type: 'ipv4' | 'ipv6'; value: string } | null {
  const s = raw.trim();
  if (s.includes(':')) {
    const v = normaliseIPv6(s);
    return v === null ? null : { type: 'ipv6', value: v };
  }
  const v = normaliseIPv4(s);
  return v === null ? null : { type: 'ipv4', value: v };
}
