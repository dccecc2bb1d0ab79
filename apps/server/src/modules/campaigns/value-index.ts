import { linkFeatures, type FeatureKind, type LinkAlert } from './link-features.ts';
import { isRecon, type OrgTraits, type Population, type Sighting } from './noise-model.ts';

/** The type of a feature key: `sender` of `sender:evil.example`, `net` of a network key. */
export const featureType = (key: string): string => key.slice(0, key.indexOf(':'));

/** One shared value within the window: who saw it, how, and which values came with it in one alert. */
export interface ValueState {
  kind: FeatureKind;
  sightings: Map<string, Sighting>;
  edges: Set<string>;
  dirty: boolean;
}

/**
 * Bounds, whatever the window holds (14 days of national traffic would not fit in memory): at most
 * MAX_VALUES values (about 1 KB each with their sightings), and MAX_EDGES values kept as company of one
 * value. Past MAX_VALUES, about a tenth of the values go at once: first those only one organisation saw
 * (they link nothing yet), longest unseen first, then the others by the same age.
 */
const MAX_VALUES = 200_000;
const MAX_EDGES = 1_000;
const EVICT_FRACTION = 0.1;
const SAMPLE = 2_000;

/**
 * The empty set a sighting starts with for its hosts, techniques and reporters, shared until its first
 * member (most sightings never get a reporter other than the victim): a set costs about 100 bytes even
 * empty, and the index holds a couple of hundred thousand sightings. Never added to.
 */
class SharedEmptySet extends Set<string> {
  override add(): this {
    throw new Error('the shared empty set is never added to');
  }
}
const NONE: Set<string> = new SharedEmptySet();
/** The sighting's own set in place of the shared empty one, to add to. */
const own = (set: Set<string>): Set<string> => (set === NONE ? new Set<string>() : set);

/** Eviction order: single-organisation values first, then by when last seen (lower goes first). */
function evictionScore(v: ValueState): number {
  let last = 0;
  for (const s of v.sightings.values()) if (s.last > last) last = s.last;
  return (v.sightings.size > 1 ? 1e15 : 0) + last;
}

/**
 * Sliding-window index of link features: value -> organisations that saw it (first/last, alerts,
 * behaviour, reporters), the values seen together in one alert (the edges clusters grow along), and
 * the population of organisations that send alerts at all (the noise model's base rates). A cache:
 * rebuilt from recent alerts on start, fed from every committed batch.
 */
export class ValueIndex {
  readonly values = new Map<string, ValueState>();
  #active = new Map<string, number>();
  #reporters = new Map<string, { alerts: number; last: number }>();
  /** Feature type (`sender`, `domain`, `ipv4`…) -> organisations that reported a value of it, and when last. */
  #observers = new Map<string, Map<string, number>>();
  #counts: Map<string, number> | null = null;
  #traits: (orgId: string) => OrgTraits | null;
  #warninglisted: ((type: string, value: string) => boolean) | undefined;
  #maxValues: number;
  #since = Infinity;

  constructor(traits: (orgId: string) => OrgTraits | null, warninglisted?: (type: string, value: string) => boolean, maxValues = MAX_VALUES) {
    this.#traits = traits;
    this.#warninglisted = warninglisted;
    this.#maxValues = maxValues;
  }

  /** Records an alert; returns its link features' keys. */
  observe(a: LinkAlert): string[] {
    if (a.at < this.#since) this.#since = a.at;
    if (!this.#active.has(a.orgId)) this.#counts = null;
    this.#active.set(a.orgId, Math.max(this.#active.get(a.orgId) ?? 0, a.at));
    const reporter = a.reporterOrgId ?? a.orgId;
    const r = this.#reporters.get(reporter) ?? this.#reporters.set(reporter, { alerts: 0, last: 0 }).get(reporter)!;
    r.alerts++;
    r.last = Math.max(r.last, a.at);
    const features = linkFeatures(a, this.#warninglisted);
    const recon = isRecon(a);
    for (const f of features) {
      const type = featureType(f.key);
      const seen = this.#observers.get(type) ?? this.#observers.set(type, new Map()).get(type)!;
      seen.set(a.orgId, Math.max(seen.get(a.orgId) ?? 0, a.at));
      const v = this.values.get(f.key) ?? this.values.set(f.key, { kind: f.kind, sightings: new Map(), edges: new Set(), dirty: true }).get(f.key)!;
      v.dirty = true;
      let s = v.sightings.get(a.orgId);
      if (!s) {
        s = { first: a.at, last: a.at, alerts: 0, recon: 0, low: 0, hosts: NONE, techniques: NONE, reporters: NONE, falsePositive: false };
        v.sightings.set(a.orgId, s);
      }
      s.first = Math.min(s.first, a.at);
      s.last = Math.max(s.last, a.at);
      s.alerts++;
      if (recon) s.recon++;
      if (a.severity <= 1) s.low++;
      if (a.dstIp && s.hosts.size < 64) (s.hosts = own(s.hosts)).add(a.dstIp);
      if (a.attack.length) {
        s.techniques = own(s.techniques);
        for (const t of a.attack) s.techniques.add(t);
      }
      if (reporter !== a.orgId) (s.reporters = own(s.reporters)).add(reporter);
      if (v.edges.size < MAX_EDGES) for (const g of features) if (g.key !== f.key) v.edges.add(g.key);
    }
    if (this.values.size > this.#maxValues) this.#evict();
    return features.map((f) => f.key);
  }

  /** Drops about a tenth of the values, lowest eviction score first (the threshold from a sample: no sort of them all). */
  #evict(): void {
    const scores: number[] = [];
    const step = Math.max(1, Math.floor(this.values.size / SAMPLE));
    let i = 0;
    for (const v of this.values.values()) if (i++ % step === 0) scores.push(evictionScore(v));
    scores.sort((a, b) => a - b);
    const threshold = scores[Math.floor(scores.length * EVICT_FRACTION)]!;
    let budget = Math.ceil(this.values.size * EVICT_FRACTION);
    for (const [k, v] of this.values) {
      if (budget <= 0) break;
      if (evictionScore(v) <= threshold) {
        this.values.delete(k);
        budget--;
      }
    }
    for (const v of this.values.values()) for (const e of v.edges) if (!this.values.has(e)) v.edges.delete(e);
  }

  /** An analyst marked alerts of this organisation false positive: its sightings of their values stop counting. */
  markFalsePositive(orgId: string, keys: readonly string[]): void {
    for (const k of keys) {
      const s = this.values.get(k)?.sightings.get(orgId);
      if (s) {
        s.falsePositive = true;
        this.values.get(k)!.dirty = true;
      }
    }
  }

  /** Drops sightings older than `edge` (values nobody saw since, and organisations that fell silent). */
  prune(edge: number): void {
    if (this.#since < edge) this.#since = edge;
    for (const [k, v] of this.values) {
      for (const [o, s] of v.sightings) if (s.last < edge) { v.sightings.delete(o); v.dirty = true; }
      if (v.sightings.size === 0) this.values.delete(k);
    }
    for (const v of this.values.values()) for (const e of v.edges) if (!this.values.has(e)) v.edges.delete(e);
    for (const [o, t] of this.#active) if (t < edge) { this.#active.delete(o); this.#counts = null; }
    for (const [r, s] of this.#reporters) if (s.last < edge) this.#reporters.delete(r);
    for (const seen of this.#observers.values()) for (const [o, t] of seen) if (t < edge) seen.delete(o);
  }

  /** When the window's data begins: the earliest alert held (Infinity while empty); how long the base rates have been learnt. */
  get since(): number {
    return this.#since;
  }

  /** Whether the population changed since the base rates were last counted. */
  get populationChanged(): boolean {
    return this.#counts === null;
  }

  /** The organisations sending alerts in the window, as the noise model's base rates. */
  population(): Population {
    const counts = this.#counts ?? this.#countCategories();
    this.#counts = counts;
    return {
      size: this.#active.size,
      count: (c) => counts.get(c) ?? 0,
      traits: (o) => this.#traits(o),
      reporterAlerts: (r) => this.#reporters.get(r)?.alerts ?? 0,
      observers: (type) => this.#observers.get(type)?.size ?? 0,
    };
  }

  #countCategories(): Map<string, number> {
    const m = new Map<string, number>();
    const inc = (c: string) => m.set(c, (m.get(c) ?? 0) + 1);
    for (const o of this.#active.keys()) {
      const t = this.#traits(o);
      if (!t) continue;
      for (const s of t.sectors) inc(`sector:${s}`);
      if (t.provinceCode) inc(`province:${t.provinceCode}`);
      if (t.kind) inc(`kind:${t.kind}`);
    }
    return m;
  }
}
