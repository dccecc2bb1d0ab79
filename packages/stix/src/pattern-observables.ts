import { parsePattern, type Comparison, type ComparisonExpr, type ObservationExpr, type PatternLiteral } from './pattern.ts';

/** Value kinds an indicator can be matched on (the IOC matcher's vocabulary). */
export const INDICATOR_VALUE_TYPES = ['ipv4', 'ipv6', 'cidr', 'domain', 'url', 'md5', 'sha1', 'sha256', 'email'] as const;
/** One value kind of {@link INDICATOR_VALUE_TYPES}. */
export type IndicatorValueType = (typeof INDICATOR_VALUE_TYPES)[number];

/** A concrete value taken out of a pattern. */
export interface PatternObservable {
  type: IndicatorValueType;
  value: string;
}

/** Observables of a pattern, plus the comparisons that could not become one (said in words). */
export type PatternObservables = { ok: true; observables: PatternObservable[]; skipped: string[] } | { ok: false; error: string };

const HASH_KINDS: Record<string, { type: IndicatorValueType; length: number }> = {
  MD5: { type: 'md5', length: 32 },
  'SHA-1': { type: 'sha1', length: 40 },
  SHA1: { type: 'sha1', length: 40 },
  'SHA-256': { type: 'sha256', length: 64 },
  SHA256: { type: 'sha256', length: 64 },
};

const IPV4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;
const IPV6 = /^[0-9a-f:.]+$/;
const DOMAIN = /^(?=.{1,253}$)([a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * The matchable values of a STIX pattern: every `=` (and `IN`) comparison on a supported path, in
 * every observation. Comparisons with other operators or paths are listed in `skipped`, because an
 * indicator like `[file:name = 'x']` is valid but cannot be matched by value.
 */
export function patternObservables(pattern: string): PatternObservables {
  try {
    return observablesOf(pattern);
  } catch (e) {
    return { ok: false, error: `unreadable STIX pattern: ${e instanceof Error ? e.message : String(e)}` };
  }
}

function observablesOf(pattern: string): PatternObservables {
  const parsed = parsePattern(pattern);
  if (!parsed.ok) return parsed;
  const observables: PatternObservable[] = [];
  const skipped: string[] = [];
  const seen = new Set<string>();
  for (const c of comparisons(parsed.tree)) {
    const values = literalStrings(c);
    const path = `${c.objectType}:${c.path.join('.')}`;
    if (values === null) { skipped.push(`${path} ${c.negated ? 'NOT ' : ''}${c.operator}`); continue; }
    for (const raw of values) {
      const o = toObservable(c, raw);
      if (o === null) { skipped.push(`${path} = '${raw}'`); continue; }
      const key = `${o.type}\u0000${o.value}`;
      if (!seen.has(key)) { seen.add(key); observables.push(o); }
    }
  }
  return { ok: true, observables, skipped };
}

/** Every comparison of the tree, left to right; iterative, since a long AND chain makes a deep tree. */
function comparisons(root: ObservationExpr | ComparisonExpr): Comparison[] {
  const out: Comparison[] = [];
  const stack: Array<ObservationExpr | ComparisonExpr> = [root];
  while (stack.length > 0) {
    const e = stack.pop()!;
    if (e.kind === 'comparison') out.push(e);
    else if (e.kind === 'observation') stack.push(e.comparison);
    else stack.push(e.right, e.left);
  }
  return out;
}

/** String values a comparison pins the property to, or null when it does not pin it to values. */
function literalStrings(c: Comparison): string[] | null {
  if (c.negated || c.literal === null) return null;
  const lit: PatternLiteral = c.literal;
  if (c.operator === '=' && lit.kind === 'string') return [lit.value];
  if (c.operator === 'IN' && lit.kind === 'set' && lit.items.every((i) => i.kind === 'string')) return lit.items.map((i) => (i as { value: string }).value);
  if (c.operator === 'ISSUBSET' && lit.kind === 'string' && (c.objectType === 'ipv4-addr' || c.objectType === 'ipv6-addr')) return [lit.value];
  return null;
}

function toObservable(c: Comparison, raw: string): PatternObservable | null {
  const v = raw.trim();
  const [first, second] = c.path;
  if (c.path.length === 1 && first === 'value') {
    switch (c.objectType) {
      case 'ipv4-addr': return ipv4(v);
      case 'ipv6-addr': return ipv6(v);
      case 'domain-name': return DOMAIN.test(v.toLowerCase()) ? { type: 'domain', value: v.toLowerCase().replace(/\.$/, '') } : null;
      case 'url': return /^[a-z][a-z0-9+.-]*:\/\/\S+$/i.test(v) ? { type: 'url', value: v } : null;
      case 'email-addr': return EMAIL.test(v) ? { type: 'email', value: v.toLowerCase() } : null;
    }
  }
  if (c.objectType === 'file' && first === 'hashes' && typeof second === 'string' && c.path.length === 2) {
    const kind = HASH_KINDS[second.toUpperCase()];
    const hex = v.toLowerCase();
    return kind && hex.length === kind.length && /^[0-9a-f]+$/.test(hex) ? { type: kind.type, value: hex } : null;
  }
  if (c.objectType === 'email-message' && c.path.join('.') === 'from_ref.value') return EMAIL.test(v) ? { type: 'email', value: v.toLowerCase() } : null;
  // The ends of a connection and the addresses a domain resolves to (MISP's `ip-dst|port`, `hostname|port`, `domain|ip`).
  const joined = c.path.join('.');
  if ((c.objectType === 'network-traffic' && (joined === 'dst_ref.value' || joined === 'src_ref.value')) || (c.objectType === 'domain-name' && joined === 'resolves_to_refs.*.value')) {
    return ipv4(v) ?? ipv6(v) ?? (c.objectType === 'network-traffic' && DOMAIN.test(v.toLowerCase()) ? { type: 'domain', value: v.toLowerCase().replace(/\.$/, '') } : null);
  }
  return null;
}

function ipv4(v: string): PatternObservable | null {
  const [addr, bits, extra] = v.split('/');
  if (extra !== undefined || !addr || !IPV4.test(addr)) return null;
  if (bits === undefined || bits === '32') return { type: 'ipv4', value: addr };
  return /^\d+$/.test(bits) && Number(bits) <= 32 ? { type: 'cidr', value: `${addr}/${Number(bits)}` } : null;
}

function ipv6(v: string): PatternObservable | null {
  const [addr, bits, extra] = v.toLowerCase().split('/');
  if (extra !== undefined || !addr || !IPV6.test(addr) || !addr.includes(':')) return null;
  if (bits === undefined || bits === '128') return { type: 'ipv6', value: addr };
  return /^\d+$/.test(bits) && Number(bits) <= 128 ? { type: 'cidr', value: `${addr}/${Number(bits)}` } : null;
}
