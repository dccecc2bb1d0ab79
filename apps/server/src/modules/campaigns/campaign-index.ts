import { isNoise, network24 } from './noise.ts';

/** Observable types that name attacker infrastructure or tooling (account names, ports and the like do not). */
const LINKING = new Set(['ipv4', 'ipv6', 'domain', 'hostname', 'url', 'email', 'md5', 'sha1', 'sha256']);

/** What the detector needs of one alert. */
export interface LinkAlert {
  orgId: string;
  at: number;
  srcIp: string | null;
  attack: string[];
  observables: { type: string; value: string }[];
}

/** Tuning of detection (all from configuration). */
export interface DetectorOptions {
  windowMs: number;
  /** Distinct organisations a link needs at all (low confidence). */
  minOrgs: number;
  /** Distinct organisations for medium confidence. */
  mediumOrgs: number;
  /** A value seen by more than this share of the active organisations is commodity noise. */
  maxOrgShare: number;
  maxOrgCap: number;
  /** Extra warninglists (e.g. the intel module's MISP lists): a listed value links nothing. */
  warninglisted?: (type: string, value: string) => boolean;
}

export const DEFAULT_DETECTOR: DetectorOptions = { windowMs: 24 * 3_600_000, minOrgs: 2, mediumOrgs: 3, maxOrgShare: 0.25, maxOrgCap: 50 };

/** The domain a URL or e-mail address lives under: widely seen, it makes them commodity noise too. */
function parentDomain(key: string): string {
  const m = /^observable:(?:url:[a-z]+:\/\/([^/:?#]+)|email:[^@]*@(.+))/.exec(key);
  return m ? `observable:domain:${m[1] ?? m[2]}` : '';
}

type Seen = { first: number; last: number; techniques: Set<string> };
/** A link that qualifies: its campaign key, the evidence values and who saw them. */
export interface Link {
  campaignKey: string;
  evidence: { kind: 'observable' | 'network'; value: string; orgs: Map<string, Seen> }[];
  orgs: Map<string, Seen>;
}

/**
 * Sliding-window index: linking value -> organisations that saw it (first/last, techniques). A cache:
 * rebuilt from recent alerts on start, fed from every committed batch.
 */
export class CampaignIndex {
  #opts: DetectorOptions;
  #values = new Map<string, Map<string, Seen>>();
  #active = new Map<string, number>();

  constructor(opts: DetectorOptions = DEFAULT_DETECTOR) {
    this.#opts = opts;
  }

  /** The linking values of an alert: exact observables (`observable:type:value`) and IPv4 /24s (`network:...`). */
  static keysOf(a: LinkAlert, warninglisted?: (type: string, value: string) => boolean): string[] {
    const out = new Set<string>();
    const obs = [...a.observables];
    if (a.srcIp) obs.push({ type: a.srcIp.includes(':') ? 'ipv6' : 'ipv4', value: a.srcIp });
    for (const o of obs) {
      if (!LINKING.has(o.type) || isNoise(o.type, o.value) || warninglisted?.(o.type, o.value)) continue;
      out.add(`observable:${o.type}:${o.value.toLowerCase()}`);
      if (o.type === 'ipv4') out.add(`network:${network24(o.value)}`);
    }
    return [...out];
  }

  /** Records an alert; returns its linking values. */
  observe(a: LinkAlert): string[] {
    this.#active.set(a.orgId, Math.max(this.#active.get(a.orgId) ?? 0, a.at));
    const keys = CampaignIndex.keysOf(a, this.#opts.warninglisted);
    for (const k of keys) {
      const orgs = this.#values.get(k) ?? this.#values.set(k, new Map()).get(k)!;
      const s = orgs.get(a.orgId);
      if (s) {
        s.first = Math.min(s.first, a.at);
        s.last = Math.max(s.last, a.at);
        for (const t of a.attack) s.techniques.add(t);
      } else orgs.set(a.orgId, { first: a.at, last: a.at, techniques: new Set(a.attack) });
    }
    return keys;
  }

  /** Drops what fell out of the window (call now and then). */
  prune(now: number): void {
    const edge = now - this.#opts.windowMs;
    for (const [k, orgs] of this.#values) {
      for (const [o, s] of orgs) if (s.last < edge) orgs.delete(o);
      if (orgs.size === 0) this.#values.delete(k);
    }
    for (const [o, t] of this.#active) if (t < edge) this.#active.delete(o);
  }

  /** Too many organisations saw it: a scanner or shared service, not a campaign. */
  #noisy(key: string): boolean {
    const n = this.#values.get(key)?.size ?? 0;
    return n > this.#opts.maxOrgCap || n > Math.max(this.#opts.mediumOrgs, this.#opts.maxOrgShare * this.#active.size);
  }

  /**
   * The link a value makes, or null: enough distinct organisations, not noise, and (for an address)
   * its /24 not commodity noise either. Addresses link through their /24, so one campaign holds both.
   */
  link(key: string): Link | null {
    let campaignKey = key;
    if (key.startsWith('observable:ipv4:')) campaignKey = `network:${network24(key.slice('observable:ipv4:'.length))}`;
    if (this.#noisy(key) || this.#noisy(campaignKey) || this.#noisy(parentDomain(key))) return null;
    const evidence: Link['evidence'] = [];
    const orgs = new Map<string, Seen>();
    const add = (k: string) => {
      const seen = this.#values.get(k);
      if (!seen || seen.size < this.#opts.minOrgs) return;
      evidence.push({ kind: k.startsWith('network:') ? 'network' : 'observable', value: k.slice(k.indexOf(':') + 1), orgs: seen });
      for (const [o, s] of seen) orgs.set(o, s);
    };
    add(campaignKey);
    if (campaignKey !== key) add(key);
    return orgs.size >= this.#opts.minOrgs ? { campaignKey, evidence, orgs } : null;
  }

  /** Confidence of a link: organisations involved and techniques they share. */
  confidence(link: Link): { level: 'low' | 'medium' | 'high'; shared: string[] } {
    const count = new Map<string, number>();
    for (const s of link.orgs.values()) for (const t of s.techniques) count.set(t, (count.get(t) ?? 0) + 1);
    const shared = [...count].filter(([, n]) => n >= 2).map(([t]) => t).sort();
    const n = link.orgs.size;
    if (n < this.#opts.mediumOrgs) return { level: 'low', shared };
    const everyone = [...count.values()].some((c) => c >= this.#opts.mediumOrgs);
    return { level: everyone && (n > this.#opts.mediumOrgs || link.evidence.length > 1) ? 'high' : 'medium', shared };
  }
}
