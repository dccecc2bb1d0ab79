import { linkFeatures, type LinkAlert } from './link-features.ts';
import { DEFAULT_NOISE, judge, type NoiseOptions, type OrgTraits, type Reason, type Sighting, type Verdict } from './noise-model.ts';
import { ValueIndex } from './value-index.ts';
import { explain, type Explanation } from './explanation.ts';

/** Tuning of detection (all from configuration). */
export interface DetectorOptions {
  /** How far back links count (days, default 14). */
  windowMs: number;
  /** Sightings lose half their weight in confidence every this long. */
  halfLifeMs: number;
  /** Distinct organisations a gated feature (signature, CVE, family) needs, besides concentration. */
  gatedMinOrgs: number;
  noise: NoiseOptions;
  /** Extra warninglists (e.g. the intel module's MISP lists): a listed value links nothing. */
  warninglisted?: (type: string, value: string) => boolean;
}
const DAY = 86_400_000;
export const DEFAULT_DETECTOR: DetectorOptions = { windowMs: 14 * DAY, halfLifeMs: 3 * DAY, gatedMinOrgs: 4, noise: DEFAULT_NOISE };

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
}

/** What changed in one round: campaigns to write, campaigns whose links turned out to be background. */
export interface Round {
  clusters: Cluster[];
  retracted: { key: string; reasons: Reason[] }[];
  /** Values judged mass scanning (their key and verdict), as changed in this round. */
  scanners: { key: string; verdict: Verdict; first: number; last: number }[];
}

const merge = (into: Map<string, Sighting>, from: ReadonlyMap<string, Sighting>) => {
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

/**
 * Campaigns as clusters, not keys: values shared by organisations link them when the noise model says
 * they are not background; values seen in one alert join their clusters, so a campaign is the union of
 * its links (directly or through a chain). Each round re-derives the clusters from the window and
 * matches them to the campaigns it knew: a cluster joining two campaigns merges them into the older,
 * one falling apart splits, one whose links turned out to be background is retracted with the reason.
 */
export class ClusterTracker {
  readonly index: ValueIndex;
  readonly opts: DetectorOptions;
  #verdicts = new Map<string, Verdict>();
  /** Value -> campaign key, and campaign key -> its values, as of the last round. */
  #owner = new Map<string, string>();
  #members = new Map<string, Set<string>>();
  #orgsOf = new Map<string, string>();
  #born = new Map<string, number>();
  #touched = new Set<string>();
  #seq = 0;

  constructor(traits: (orgId: string) => OrgTraits | null, opts: DetectorOptions = DEFAULT_DETECTOR) {
    this.opts = opts;
    this.index = new ValueIndex(traits, opts.warninglisted);
  }

  /** Records an alert; returns its feature keys. */
  observe(a: LinkAlert): string[] {
    const keys = this.index.observe(a);
    for (const k of keys) this.#touched.add(k);
    return keys;
  }

  /** Seeds a known campaign (on start): its key, when it was born, and the feature values it was linked by. */
  seed(key: string, born: number, values: readonly string[]): void {
    this.#born.set(key, born);
    this.#members.set(key, new Set(values));
    for (const v of values) this.#owner.set(v, key);
  }

  /** The feature keys an organisation saw for these observables (their networks under any signature too): what a false-positive mark covers. */
  keysOfObservables(orgId: string, observables: LinkAlert['observables']): string[] {
    const alert: LinkAlert = { orgId, at: 0, severity: 2, rsitClass: null, ruleId: null, title: '', srcIp: null, dstIp: null, attack: [], observables };
    const keys = linkFeatures(alert, this.opts.warninglisted).map((f) => f.key).filter((k) => !k.startsWith('title:'));
    const nets = keys.filter((k) => k.startsWith('net:')).map((k) => k.slice(0, k.indexOf('|') + 1));
    const out = keys.filter((k) => !k.startsWith('net:'));
    for (const [k, v] of this.index.values) if (v.sightings.has(orgId) && nets.some((n) => k.startsWith(n))) out.push(k);
    return out;
  }

  /** The campaign a value belongs to as of the last round. */
  ownerOf(value: string): string | undefined {
    return this.#owner.get(value);
  }

  /** The verdict on a value as of the last round (null when it is seen by one organisation only). */
  verdictOf(value: string): Verdict | null {
    return this.#verdicts.get(value) ?? null;
  }

  /**
   * Whether a value links. A shared network counts only with a signature that is not commodity (seen
   * everywhere); an address or domain seen by two organisations only, doing nothing but commodity
   * signatures, is opportunistic noise rather than a campaign.
   */
  #links(key: string, v: Verdict): boolean {
    const state = this.index.values.get(key);
    if (!state || v.background || v.orgs.length < 2 || key.startsWith('title:')) return false;
    if (state.kind === 'gated') return v.orgs.length >= this.opts.gatedMinOrgs && v.concentrated && !this.#amongScanners(key);
    return !this.#commodity(key, v);
  }

  /** A network under a commodity signature, or an address of two organisations doing only commodity things. */
  #commodity(key: string, v: Verdict): boolean {
    const commodity = (sig: string) => this.#verdicts.get(sig)?.background === true || this.#amongScanners(sig);
    if (key.startsWith('net:') && this.#amongScanners(key)) return true;
    const sig = key.slice(key.indexOf('|') + 1);
    if (key.startsWith('net:')) return commodity(`sig:${sig}`) || commodity(`title:${sig}`);
    // Hashes, domains, senders and fingerprints are specific; an address at two organisations may be opportunistic.
    if (!/^ipv[46]:/.test(key) || v.orgs.length > 2 || v.concentrated) return false;
    const sigs = [...(this.index.values.get(key)?.edges ?? [])].filter((e) => e.startsWith('sig:') || e.startsWith('title:'));
    return sigs.length > 0 && sigs.every(commodity);
  }

  /**
   * Whether a value keeps company with background addresses: most of the addresses seen with it (those
   * seen by several organisations) are scanners or commodity. A signature that internet-wide scanners
   * fire everywhere, or a /24 of a scanning farm, is background too, however few victims it has yet.
   */
  #amongScanners(key: string): boolean {
    let judged = 0;
    let background = 0;
    for (const e of this.index.values.get(key)?.edges ?? []) {
      if (!e.startsWith('ipv4:') && !e.startsWith('ipv6:')) continue;
      const v = this.#verdicts.get(e);
      if (!v) continue;
      judged++;
      if (v.background) background++;
    }
    return background >= 2 && background * 2 >= judged;
  }

  /** Re-derives the clusters and matches them to the campaigns known; `now` ages the evidence. */
  round(now: number): Round {
    const all = this.index.populationChanged;
    const pop = this.index.population();
    const scanners: Round['scanners'] = [];
    for (const [k, v] of this.index.values) {
      if (!v.dirty && !all) continue;
      v.dirty = false;
      if (v.sightings.size < 2) {
        this.#verdicts.delete(k);
        continue;
      }
      const before = this.#verdicts.get(k);
      const verdict = judge(v.sightings, pop, this.opts.noise);
      this.#verdicts.set(k, verdict);
      if (verdict.scanner && /^(ipv4|ipv6):/.test(k) && (!before?.scanner || before.orgs.length !== verdict.orgs.length)) {
        const seen = [...v.sightings.values()];
        scanners.push({ key: k, verdict, first: Math.min(...seen.map((s) => s.first)), last: Math.max(...seen.map((s) => s.last)) });
      }
    }
    for (const k of this.#verdicts.keys()) if (!this.index.values.has(k)) this.#verdicts.delete(k);
    const linking = new Set([...this.#verdicts].filter(([k, v]) => this.#links(k, v)).map(([k]) => k));
    // A signature nobody else uses (not commodity) that comes with two links of infrastructure is the same tooling: it joins them.
    for (const [k, v] of this.#verdicts) {
      if (!k.startsWith('sig:') || linking.has(k) || v.background || this.#amongScanners(k)) continue;
      let links = 0;
      for (const e of this.index.values.get(k)?.edges ?? []) if (linking.has(e) && ++links >= 2) break;
      if (links >= 2) linking.add(k);
    }
    const components = this.#components(linking);
    const result = this.#match(components, now);
    this.#touched.clear();
    return { ...result, scanners };
  }

  #components(linking: Set<string>): string[][] {
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
        for (const e of this.index.values.get(k)?.edges ?? []) if (linking.has(e) && !seen.has(e)) { seen.add(e); stack.push(e); }
      }
      out.push(comp.sort());
    }
    return out.sort((a, b) => b.length - a.length || (a[0]! < b[0]! ? -1 : 1));
  }

  #match(components: string[][], now: number): Omit<Round, 'scanners'> {
    const survivors = new Map<string, string[]>();
    const absorbedBy = new Map<string, string>();
    const assigned: { key: string; comp: string[]; created: boolean; splitFrom: string | null }[] = [];
    for (const comp of components) {
      const prior = new Map<string, number>();
      for (const v of comp) { const p = this.#owner.get(v); if (p) prior.set(p, (prior.get(p) ?? 0) + 1); }
      const candidates = [...prior.keys()].sort((a, b) => (this.#born.get(a) ?? 0) - (this.#born.get(b) ?? 0) || (a < b ? -1 : 1));
      const free = candidates.filter((c) => !survivors.has(c) && !absorbedBy.has(c));
      if (free.length) {
        const key = free[0]!;
        survivors.set(key, comp);
        for (const other of free.slice(1)) absorbedBy.set(other, key);
        assigned.push({ key, comp, created: false, splitFrom: null });
      } else {
        const key = `cluster:${now.toString(36)}:${(this.#seq++).toString(36)}`;
        this.#born.set(key, now + this.#seq / 1e6);
        survivors.set(key, comp);
        assigned.push({ key, comp, created: true, splitFrom: candidates[0] ?? null });
      }
    }
    const clusters: Cluster[] = [];
    for (const a of assigned) {
      const before = this.#members.get(a.key);
      const absorbed = [...absorbedBy].filter(([, into]) => into === a.key).map(([key]) => ({ key, via: a.comp.filter((v) => this.#owner.get(v) === key) }));
      const orgs = new Map<string, Sighting>();
      for (const v of a.comp) merge(orgs, this.index.values.get(v)!.sightings);
      const orgKey = [...orgs.keys()].sort().join(',');
      const changed = a.created || absorbed.length > 0 || !before || before.size !== a.comp.length || a.comp.some((v) => !before.has(v) || this.#touched.has(v)) || this.#orgsOf.get(a.key) !== orgKey;
      this.#orgsOf.set(a.key, orgKey);
      if (!changed) continue;
      const splitFrom = a.splitFrom ? { key: a.splitFrom, reasons: this.#why(this.#members.get(a.splitFrom) ?? new Set(), new Set(a.comp)) } : null;
      clusters.push({ key: a.key, values: a.comp, orgs, explanation: explain(a.comp, orgs, (v) => this.#verdicts.get(v)!, this.index.population(), now, this.opts.halfLifeMs),
        absorbed, splitFrom, created: a.created });
    }
    const retracted: Round['retracted'] = [];
    for (const [key, values] of this.#members) {
      if (survivors.has(key) || absorbedBy.has(key)) continue;
      const reasons = this.#why(values, new Set());
      // Links that simply aged out of the window end a campaign quietly; background or false positives retract it.
      if (reasons.length) retracted.push({ key, reasons });
      this.#members.delete(key);
      this.#orgsOf.delete(key);
    }
    for (const key of absorbedBy.keys()) { this.#members.delete(key); this.#orgsOf.delete(key); }
    this.#owner.clear();
    for (const [key, comp] of survivors) {
      this.#members.set(key, new Set(comp));
      for (const v of comp) this.#owner.set(v, key);
    }
    return { clusters, retracted };
  }

  /** Why values a campaign was linked by no longer link: the noise model's reasons for those still in the window. */
  #why(values: ReadonlySet<string>, still: ReadonlySet<string>): Reason[] {
    const out: Reason[] = [];
    for (const v of values) {
      if (still.has(v)) continue;
      const verdict = this.#verdicts.get(v);
      const state = this.index.values.get(v);
      if (verdict?.background) for (const r of verdict.reasons) out.push({ code: r.code, params: { ...r.params, value: v } });
      else if (verdict && state && verdict.orgs.length < 2 && state.sightings.size !== verdict.orgs.length) out.push({ code: 'false_positive', params: { value: v } });
      // Still in the window but no longer a link: what came with it turned out to be commodity activity, seen everywhere.
      else if (verdict && state && this.#commodity(v, verdict)) out.push({ code: 'commodity', params: { value: v } });
    }
    return out.slice(0, 20);
  }
}
