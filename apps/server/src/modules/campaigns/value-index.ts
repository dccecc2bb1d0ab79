import { linkFeatures, type FeatureKind, type LinkAlert } from './link-features.ts';
import { categoriesOf, isRecon, type OrgTraits, type Population, type Sighting } from './noise-model.ts';
import { SmallMap, SmallSet } from './small-collections.ts';

/** The type of a feature key: `sender` of `sender:evil.example`, `net` of a network key. */
export const featureType = (key: string): string => key.slice(0, key.indexOf(':'));

/** A sighting as the index keeps it: its hosts, techniques and reporters small sets it adds to. */
interface IndexedSighting extends Sighting {
  hosts: SmallSet;
  techniques: SmallSet;
  reporters: SmallSet;
}

/**
 * One shared value within the window: who saw it, how, and which values came with it in one alert.
 * Most values are seen by one organisation with one to three companions, so the sightings and edges are
 * small collections (one member inline, a few in an array), and organisation and technique ids are one
 * string each: 1,240 -> 691 bytes a value (the index and what it keeps of the alerts, heap after `gc()`,
 * 170,461 alerts of the campaign generator making 202,718 values; Sets, Maps and per-alert strings before).
 */
export interface ValueState {
  /** The value's key as the index holds it: edges and the keys `observe` answers share this one string. */
  key: string;
  kind: FeatureKind;
  sightings: SmallMap<IndexedSighting>;
  edges: SmallSet;
}

/**
 * Bounds, whatever the window holds (14 days of national traffic would not fit in memory): at most
 * MAX_VALUES values (about 700 bytes each with their sightings, so about 140 MB), and MAX_EDGES values kept as company of one
 * value. Past MAX_VALUES, about a tenth of the values go at once: first those only one organisation saw
 * (they link nothing yet), longest unseen first, then the others by the same age.
 */
const MAX_VALUES = 200_000;
const MAX_EDGES = 1_000;
const EVICT_FRACTION = 0.1;
const SAMPLE = 2_000;
/** Organisation ids and technique ids kept as one string each (every alert carries its own copies). */
const MAX_NAMES = 20_000;

/**
 * The empty set a sighting starts with for its hosts, techniques and reporters, shared until its first
 * member (most sightings never get a reporter other than the victim), and the index holds a couple of
 * hundred thousand sightings. Never added to.
 */
class SharedEmptySet extends SmallSet {
  override add(): this {
    throw new Error('the shared empty set is never added to');
  }
}
const NONE: SmallSet = new SharedEmptySet();
/** The sighting's own set in place of the shared empty one, to add to. */
const own = (set: SmallSet): SmallSet => (set === NONE ? new SmallSet() : set);

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
  #names = new Map<string, string>();
  /** Values whose sightings changed, and keys of values dropped, since the tracker last took them. */
  #changed = new Set<ValueState>();
  #dropped: string[] = [];

  constructor(traits: (orgId: string) => OrgTraits | null, warninglisted?: (type: string, value: string) => boolean, maxValues = MAX_VALUES) {
    this.#traits = traits;
    this.#warninglisted = warninglisted;
    this.#maxValues = maxValues;
  }

  /**
   * The index's one copy of an organisation or technique id: sightings, reporters and techniques of a few
   * hundred thousand values would otherwise each keep the copy of the alert that made them (about 50 bytes).
   * Bounded: past MAX_NAMES distinct names (organisations and ATT&CK ids are far fewer) a name is kept as given.
   */
  #name(s: string): string {
    const known = this.#names.get(s);
    if (known !== undefined) return known;
    if (this.#names.size < MAX_NAMES) this.#names.set(s, s);
    return s;
  }

  /** Records an alert; returns its link features' keys. */
  observe(a: LinkAlert): string[] {
    if (a.at < this.#since) this.#since = a.at;
    const orgId = this.#name(a.orgId);
    if (!this.#active.has(orgId)) this.#counts = null;
    this.#active.set(orgId, Math.max(this.#active.get(orgId) ?? 0, a.at));
    const reporter = a.reporterOrgId != null ? this.#name(a.reporterOrgId) : orgId;
    const r = this.#reporters.get(reporter) ?? this.#reporters.set(reporter, { alerts: 0, last: 0 }).get(reporter)!;
    r.alerts++;
    r.last = Math.max(r.last, a.at);
    const features = linkFeatures(a, this.#warninglisted);
    const recon = isRecon(a);
    // Each value's state first, so edges name their companions by the index's own key strings (not a copy per alert).
    const states = features.map((f) => this.values.get(f.key) ?? this.values.set(f.key, { key: f.key, kind: f.kind, sightings: new SmallMap(), edges: new SmallSet() }).get(f.key)!);
    for (const v of states) {
      const type = featureType(v.key);
      const seen = this.#observers.get(type) ?? this.#observers.set(type, new Map()).get(type)!;
      seen.set(orgId, Math.max(seen.get(orgId) ?? 0, a.at));
      this.#changed.add(v);
      let s = v.sightings.get(orgId);
      if (!s) {
        s = { first: a.at, last: a.at, alerts: 0, recon: 0, low: 0, hosts: NONE, techniques: NONE, reporters: NONE, hostCount: 0, reporterCount: 0, soleReporter: undefined, falsePositive: false };
        v.sightings.set(orgId, s);
      }
      s.first = Math.min(s.first, a.at);
      s.last = Math.max(s.last, a.at);
      s.alerts++;
      if (recon) s.recon++;
      if (a.severity <= 1) s.low++;
      if (a.dstIp && s.hostCount < 64) s.hostCount = (s.hosts = own(s.hosts)).add(a.dstIp).size;
      if (a.attack.length) {
        s.techniques = own(s.techniques);
        for (const t of a.attack) s.techniques.add(this.#name(t));
      }
      if (reporter !== orgId) {
        s.reporterCount = (s.reporters = own(s.reporters)).add(reporter).size;
        s.soleReporter = s.reporterCount === 1 ? reporter : undefined;
      }
      if (v.edges.size < MAX_EDGES) for (const g of states) if (g !== v) v.edges.add(g.key);
    }
    if (this.values.size > this.#maxValues) this.#evict();
    return states.map((v) => v.key);
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
    const gone: ValueState[] = [];
    for (const [k, v] of this.values) {
      if (budget <= 0) break;
      if (evictionScore(v) <= threshold) {
        this.values.delete(k);
        this.#dropped.push(k);
        gone.push(v);
        budget--;
      }
    }
    // Values seen together name each other, so the company of those dropped is where they are named: walking every
    // value's company instead took 150 ms to 1 s an eviction at the bound, which traffic of many one-off addresses
    // reaches every few seconds. A value already full of company when another came along is named one way only;
    // the minute's prune walks them all.
    for (const v of gone) for (const e of v.edges) this.values.get(e)?.edges.delete(v.key);
  }

  /** An analyst marked alerts of this organisation false positive: its sightings of their values stop counting. */
  markFalsePositive(orgId: string, keys: readonly string[]): void {
    for (const k of keys) {
      const s = this.values.get(k)?.sightings.get(orgId);
      if (s) {
        s.falsePositive = true;
        this.#changed.add(this.values.get(k)!);
      }
    }
  }

  /** Drops sightings older than `edge` (values nobody saw since, and organisations that fell silent). */
  prune(edge: number): void {
    if (this.#since < edge) this.#since = edge;
    for (const [k, v] of this.values) {
      for (const [o, s] of v.sightings) if (s.last < edge) { v.sightings.delete(o); this.#changed.add(v); }
      if (v.sightings.size === 0) {
        this.values.delete(k);
        this.#dropped.push(k);
      }
    }
    for (const v of this.values.values()) for (const e of v.edges) if (!this.values.has(e)) v.edges.delete(e);
    for (const [o, t] of this.#active) if (t < edge) { this.#active.delete(o); this.#counts = null; }
    for (const [r, s] of this.#reporters) if (s.last < edge) this.#reporters.delete(r);
    for (const seen of this.#observers.values()) for (const [o, t] of seen) if (t < edge) seen.delete(o);
  }

  /**
   * What changed since the last call: the values whose sightings changed (still held) and the keys of
   * values dropped, so that a round judges only those instead of walking every value it holds.
   */
  takeChanges(): { changed: ValueState[]; dropped: string[] } {
    const changed = [...this.#changed].filter((v) => this.values.get(v.key) === v);
    const dropped = this.#dropped.filter((k) => !this.values.has(k));
    this.#changed.clear();
    this.#dropped = [];
    return { changed, dropped };
  }

  /** The most values the index holds (past it, a tenth go). */
  get bound(): number {
    return this.#maxValues;
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
    // Each organisation's traits and categories looked up once per population (a round), not once per value judged.
    const traits = new Map<string, OrgTraits | null>();
    const traitsOf = (o: string) => (traits.has(o) ? traits.get(o)! : traits.set(o, this.#traits(o)).get(o)!);
    const categories = new Map<string, readonly string[]>();
    return {
      size: this.#active.size,
      count: (c) => counts.get(c) ?? 0,
      traits: traitsOf,
      categories: (o) => categories.get(o) ?? categories.set(o, ((t) => (t ? categoriesOf(t) : []))(traitsOf(o))).get(o)!,
      reporterAlerts: (r) => this.#reporters.get(r)?.alerts ?? 0,
      observers: (type) => this.#observers.get(type)?.size ?? 0,
    };
  }

  #countCategories(): Map<string, number> {
    const m = new Map<string, number>();
    const inc = (c: string) => m.set(c, (m.get(c) ?? 0) + 1);
    for (const o of this.#active.keys()) {
      const t = this.#traits(o);
      if (t) for (const c of categoriesOf(t)) inc(c);
    }
    return m;
  }
}
