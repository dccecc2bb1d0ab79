import { ipv6Prefixes } from './link-features.ts';
import { network24 } from './noise.ts';
import { concentrationOf, type Population, type Reason, type Sighting, type Verdict } from './noise-model.ts';
import { featureType } from './value-index.ts';
import type { Explanation } from './explanation.ts';
import type { PublishOptions } from './detector-options.ts';

/** The network an address key belongs to: its /24, or its /64 for IPv6 (null for other keys). */
export function networkOf(key: string): string | null {
  if (key.startsWith('ipv4:')) return network24(key.slice(5));
  if (key.startsWith('ipv6:')) return ipv6Prefixes(key.slice(5))?.p64 ?? null;
  return null;
}

/**
 * The connected parts of the graph of `linking` values (edges from `edgesOf`, kept within `linking`),
 * each sorted, largest first (ties by first value), so that rounds see clusters in a stable order.
 */
export function connectedComponents(linking: ReadonlySet<string>, edgesOf: (value: string) => Iterable<string>): string[][] {
  const seen = new Set<string>();
  const out: string[][] = [];
  for (const start of linking) {
    if (seen.has(start)) continue;
    const comp: string[] = [];
    const stack = [start];
    seen.add(start);
    while (stack.length) {
      const k = stack.pop()!;
      comp.push(k);
      for (const e of edgesOf(k)) if (linking.has(e) && !seen.has(e)) { seen.add(e); stack.push(e); }
    }
    out.push(comp.sort());
  }
  return out.sort((a, b) => b.length - a.length || (a[0]! < b[0]! ? -1 : 1));
}

/** Kinds of evidence, for a small cluster's second feature: an address and its network are one kind. */
export const EVIDENCE_KIND: Record<string, string> = {
  ipv4: 'address', ipv6: 'address', net: 'address', domain: 'domain', sender: 'sender', md5: 'file', sha1: 'file', sha256: 'file', tls: 'tls', cert: 'tls',
};

/** A campaign as the tracker sees it now: a connected cluster of linking values across organisations. */
export interface Cluster {
  key: string;
  values: string[];
  orgs: Map<string, Sighting>;
  explanation: Explanation;
  /** Campaigns this one absorbed in this round, with the values that joined them. */
  absorbed: { key: string; via: string[] }[];
  /** Set when this campaign was split off another in this round. */
  splitFrom: { key: string; reasons: Reason[] } | null;
  created: boolean;
  /** When this campaign, published in this round, was found (it waited as provisional since); null when published as found. */
  waitedSince: number | null;
}

/** What changed in one round: campaigns to write, campaigns whose links turned out to be background. */
export interface Round {
  clusters: Cluster[];
  retracted: { key: string; reasons: Reason[] }[];
  /** Values judged mass scanning (their key and verdict), as changed in this round. */
  scanners: { key: string; verdict: Verdict; first: number; last: number }[];
  /** Provisional clusters (not published) after this round, and those that ended unpublished in it (churn nobody saw). */
  provisional: number;
  dropped: number;
}

/** A cluster's sighting by one organisation, folded from its values' sightings (its own sets, added to while folding). */
export type MergedSighting = Omit<Sighting, 'hosts' | 'techniques' | 'reporters'> & { hosts: Set<string>; techniques: Set<string>; reporters: Set<string> };

/** Folds one cluster's sightings into another's (false positives left out). */
export const mergeSightings = (into: Map<string, MergedSighting>, from: ReadonlyMap<string, Sighting>) => {
  for (const [o, s] of from) {
    if (s.falsePositive) continue;
    const t = into.get(o);
    if (!t) into.set(o, { ...s, hosts: new Set(s.hosts), techniques: new Set(s.techniques), reporters: new Set(s.reporters) });
    else {
      t.first = Math.min(t.first, s.first);
      t.last = Math.max(t.last, s.last);
      t.alerts += s.alerts;
      for (const x of s.techniques) t.techniques.add(x);
    }
  }
};

/** Strong evidence to publish a cluster at once: `strongOrgs` organisations with two kinds of evidence, or victims concentrated at p <= `strongP`. */
export function strongEvidence(comp: readonly string[], sightingsOf: (value: string) => ReadonlyMap<string, Sighting> | undefined, o: PublishOptions, pop: Population): boolean {
  const orgs = new Set<string>();
  const kinds = new Set<string>();
  for (const v of comp) {
    const seen = [...(sightingsOf(v) ?? [])].filter(([, s]) => !s.falsePositive);
    for (const [org] of seen) orgs.add(org);
    if (seen.length < 2) continue;
    kinds.add(EVIDENCE_KIND[featureType(v)] ?? 'signature');
    if (v.startsWith('net:')) kinds.add('signature');
  }
  if (orgs.size < o.strongOrgs) return false;
  if (kinds.size >= 2) return true;
  const c = concentrationOf([...orgs], pop);
  return c !== null && c.p <= o.strongP;
}
