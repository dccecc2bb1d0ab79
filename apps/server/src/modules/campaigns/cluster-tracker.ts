import { linkFeatures, type LinkAlert } from './link-features.ts';
import { concentrationOf, judge, type Population, type OrgTraits, type Reason, type Verdict } from './noise-model.ts';
import { featureType, ValueIndex } from './value-index.ts';
import { explain } from './explanation.ts';
import { DEFAULT_DETECTOR, type DetectorOptions } from './detector-options.ts';
import { connectedComponents, EVIDENCE_KIND, mergeSightings, networkOf, strongEvidence, type Cluster, type MergedSighting, type Round } from './cluster-model.ts';

export { DEFAULT_DETECTOR, DEFAULT_PUBLISH, PUBLISH_AT_ONCE, type DetectorOptions, type PublishOptions } from './detector-options.ts';
export type { Cluster, Round } from './cluster-model.ts';

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
  /** Values that link but whose cluster was too small and too thin to be more than chance, this round. */
  #weak = new Set<string>();
  /** Networks most of whose addresses seen by several organisations are background, as of the last round. */
  #backgroundNets = new Set<string>();
  /** Feature types with commodity vocabulary in the window (`sender`, `domain`…), as of the last round. */
  #noisyTypes = new Set<string>();
  /** Addresses that are background by their network's company (why), as of the last round. */
  #neighbourhood = new Map<string, Reason>();
  #seq = 0;
  /** Campaigns published (written); the others are provisional, with when and how many rounds they have held. */
  #published = new Set<string>();
  #pending = new Map<string, { since: number; rounds: number }>();

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
    this.#published.add(key);
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

  /** Clusters found but not published yet (waiting for their evidence to hold). */
  get provisional(): number {
    return this.#pending.size;
  }

  /** The values a campaign holds as of the last round (empty when it no longer links). */
  valuesOf(key: string): ReadonlySet<string> {
    return this.#members.get(key) ?? new Set();
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
    if (!state || v.background || v.orgs.length < 2 || key.startsWith('title:') || this.#neighbourhood.has(key)) return false;
    if (state.kind === 'gated') return v.orgs.length >= this.opts.gatedMinOrgs && v.concentrated && !this.#amongScanners(key);
    return !this.#commodity(key, v);
  }

  /** A network under a commodity signature, or an address of two organisations doing only commodity things. */
  #commodity(key: string, v: Verdict): boolean {
    const commodity = (sig: string) => this.#verdicts.get(sig)?.background === true || this.#amongScanners(sig);
    if (key.startsWith('net:') && (this.#amongScanners(key) || (!v.concentrated && this.#backgroundNets.has(key.slice(4, key.indexOf('|')))))) return true;
    const sig = key.slice(key.indexOf('|') + 1);
    if (key.startsWith('net:')) return commodity(`sig:${sig}`) || commodity(`title:${sig}`);
    // Hashes, domains, senders and fingerprints are specific; an address at two organisations may be opportunistic.
    if (!/^ipv[46]:/.test(key) || v.concentrated) return false;
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
    const { changed, dropped } = this.index.takeChanges();
    for (const k of dropped) this.#verdicts.delete(k);
    // Every value is judged again when the population changed (its base rates did); otherwise those whose sightings did.
    for (const v of all ? this.index.values.values() : changed) {
      const k = v.key;
      if (v.sightings.size < 2) {
        this.#verdicts.delete(k);
        continue;
      }
      const before = this.#verdicts.get(k);
      // Its earlier verdict was against this same population unless that changed (then every value is judged again).
      const verdict = judge(v.sightings, pop, this.opts.noise, all ? undefined : before);
      this.#verdicts.set(k, verdict);
      if (verdict.scanner && /^(ipv4|ipv6):/.test(k) && (!before?.scanner || before.orgs.length !== verdict.orgs.length)) {
        const seen = [...v.sightings.values()];
        scanners.push({ key: k, verdict, first: Math.min(...seen.map((s) => s.first)), last: Math.max(...seen.map((s) => s.last)) });
      }
    }
    this.#judgeNeighbourhoods();
    this.#judgeVocabulary(pop);
    const linking = new Set([...this.#verdicts].filter(([k, v]) => this.#links(k, v)).map(([k]) => k));
    // A signature nobody else uses (not commodity) that comes with two links of infrastructure is the same tooling: it joins them.
    for (const [k, v] of this.#verdicts) {
      if (!k.startsWith('sig:') || linking.has(k) || v.background || this.#amongScanners(k)) continue;
      let links = 0;
      for (const e of this.index.values.get(k)?.edges ?? []) if (linking.has(e) && ++links >= 2) break;
      if (links >= 2) linking.add(k);
    }
    this.#weak.clear();
    // A cluster must be more than chance; a campaign already followed that shrank as its evidence aged stays until it ages out,
    // unless its one kind of evidence turned out to be of a type where commodity values circulate.
    const components = connectedComponents(linking, (k) => this.index.values.get(k)?.edges ?? []).filter((comp) => {
      if (this.#beyondChance(comp, pop)) return true;
      if (comp.some((v) => this.#published.has(this.#owner.get(v) ?? '')) && !comp.every((v) => this.#noisyTypes.has(featureType(v)))) return true;
      for (const v of comp) this.#weak.add(v);
      return false;
    });
    const result = this.#match(components, now, pop);
    this.#touched.clear();
    return { ...result, scanners, provisional: this.#pending.size };
  }

  /**
   * Addresses judged by their network: one whose /24 (IPv6 /64) holds other addresses seen by several
   * organisations, most of them background (scanners, brute-forcers hitting organisations spread over
   * sectors), is the same background farm, however few victims it has yet. Victims concentrated beyond
   * chance still make a campaign.
   */
  #judgeNeighbourhoods(): void {
    const byNet = new Map<string, { key: string; v: Verdict }[]>();
    for (const [k, v] of this.#verdicts) {
      const net = networkOf(k);
      if (net) (byNet.get(net) ?? byNet.set(net, []).get(net)!).push({ key: k, v });
    }
    this.#neighbourhood.clear();
    this.#backgroundNets.clear();
    for (const [net, members] of byNet) {
      const background = members.filter((m) => m.v.background).length;
      if (background < 2 || background * 2 < members.length) continue;
      this.#backgroundNets.add(net);
      for (const m of members) {
        if (!m.v.background && !m.v.concentrated) this.#neighbourhood.set(m.key, { code: 'neighbourhood', params: { network: net, background, addresses: members.length } });
      }
    }
  }

  /**
   * Commodity vocabulary: a value that most organisations reporting its type see (five at least, not
   * concentrated beyond chance), alongside two or more other such values of its type that the
   * same organisations see and that never come with it, is one of the few names commodity activity
   * draws from in turn (the sender domains of a tax-refund spam run, the C2 names of a botnet), not
   * a campaign's infrastructure. A campaign's rotating names come with its other infrastructure or
   * its victims' concentration.
   */
  #judgeVocabulary(pop: Population): void {
    const o = this.opts.noise;
    this.#noisyTypes.clear();
    const byType = new Map<string, { key: string; orgs: Set<string> }[]>();
    // Types of which three or more values are background by breadth circulate commodity values too.
    const broad = new Map<string, number>();
    for (const [k, v] of this.#verdicts) {
      if (!v.background || networkOf(k) || k.startsWith('net:') || this.index.values.get(k)?.kind !== 'strong') continue;
      const type = featureType(k);
      if (broad.set(type, (broad.get(type) ?? 0) + 1).get(type)! >= 3) this.#noisyTypes.add(type);
    }
    for (const [k, v] of this.#verdicts) {
      if (v.background || v.concentrated || this.index.values.get(k)?.kind !== 'strong' || networkOf(k) || k.startsWith('net:')) continue;
      const type = featureType(k);
      const observers = pop.observers(type);
      if (observers < o.broadMinOrgs || v.orgs.length < Math.max(5, o.observerShare * observers)) continue;
      (byType.get(type) ?? byType.set(type, []).get(type)!).push({ key: k, orgs: new Set(v.orgs) });
    }
    const vocabulary = new Map<string, { key: string; orgs: Set<string> }[]>();
    for (const [type, values] of byType) {
      if (values.length < 3) continue;
      for (const a of values) {
        const edges = this.index.values.get(a.key)?.edges;
        const alike = values.filter((b) => b !== a && !edges?.has(b.key) && [...a.orgs].filter((x) => b.orgs.has(x)).length * 2 >= a.orgs.size).length;
        if (alike < 2) continue;
        this.#neighbourhood.set(a.key, { code: 'vocabulary', params: { orgs: a.orgs.size, observers: pop.observers(type), alike } });
        this.#noisyTypes.add(type);
        (vocabulary.get(type) ?? vocabulary.set(type, []).get(type)!).push(a);
      }
    }
    // A value of that type seen by fewer so far, each of whose organisations sees two or more of the vocabulary and which never comes with it, is drawn from it too.
    for (const [k, v] of this.#verdicts) {
      const words = vocabulary.get(featureType(k));
      if (!words || words.length < 3 || this.#neighbourhood.has(k) || v.background || v.concentrated || this.index.values.get(k)?.kind !== 'strong') continue;
      const edges = this.index.values.get(k)?.edges;
      if (words.some((w) => edges?.has(w.key))) continue;
      if (v.orgs.every((o) => words.filter((w) => w.orgs.has(o)).length >= 2)) this.#neighbourhood.set(k, { code: 'vocabulary', params: { orgs: v.orgs.length, observers: pop.observers(featureType(k)), alike: words.length } });
    }
  }

  /**
   * Whether a new cluster of two organisations (`smallCluster`) is more than a coincidence: a second
   * kind of shared evidence (an address and a domain, a network under one signature, the same rule on
   * the shared value), a specific artefact (a file hash, a TLS fingerprint), or victims concentrated
   * beyond chance. One shared value alone between two organisations is what background traffic
   * produces by chance; three organisations sharing an exact value are not, unless the value is
   * background (breadth, neighbourhood, vocabulary), which the noise model judges first.
   */
  #beyondChance(comp: readonly string[], pop: Population): boolean {
    const orgs = new Set<string>();
    const kinds = new Set<string>();
    for (const v of comp) {
      const seen = [...(this.index.values.get(v)?.sightings ?? [])].filter(([, s]) => !s.falsePositive);
      for (const [o] of seen) orgs.add(o);
      if (seen.length < 2) continue;
      kinds.add(EVIDENCE_KIND[featureType(v)] ?? 'signature');
      // A network is shared under one signature: two kinds of evidence in one key.
      if (v.startsWith('net:')) kinds.add('signature');
    }
    // Where commodity values of the evidence's type circulate (a vocabulary), three organisations sharing one of them are within chance too.
    const noisy = comp.every((v) => this.#noisyTypes.has(featureType(v)));
    if (orgs.size > this.opts.smallCluster + (noisy ? 1 : 0)) return true;
    if (kinds.size >= 2 || kinds.has('file') || kinds.has('tls')) return true;
    // The same rule fired at each of them on the shared value, and not one that fires everywhere.
    const sameRule = comp.some((v) => [...(this.index.values.get(v)?.edges ?? [])].some((e) => e.startsWith('sig:') && this.#verdicts.get(e)?.background !== true && !this.#amongScanners(e)
      && [...orgs].every((o) => this.index.values.get(e)?.sightings.has(o))));
    if (sameRule) return true;
    const c = concentrationOf([...orgs], pop);
    return c !== null && c.hits === orgs.size && c.p <= this.opts.smallClusterP;
  }

  /** Whether a provisional cluster's evidence holds (see `PublishOptions`). */
  #publishable(key: string, comp: readonly string[], now: number, pop: Population): boolean {
    const o = this.opts.publish;
    const p = this.#pending.get(key)!;
    const held = now - p.since;
    if (held >= o.maxHoldMs) return true;
    const warm = pop.size >= o.warmOrgs && now - this.index.since >= o.warmMs
      && comp.every((v) => pop.observers(featureType(v)) >= o.warmObservers);
    if (!warm) return false;
    if (p.rounds >= o.holdRounds && held >= o.holdMs) return true;
    return strongEvidence(comp, (v) => this.index.values.get(v)?.sightings, o, pop);
  }

  #match(components: string[][], now: number, pop: Population): Omit<Round, 'scanners' | 'provisional'> {
    const survivors = new Map<string, string[]>();
    const absorbedBy = new Map<string, string>();
    const assigned: { key: string; comp: string[]; created: boolean; splitFrom: string | null }[] = [];
    for (const comp of components) {
      const prior = new Map<string, number>();
      for (const v of comp) { const p = this.#owner.get(v); if (p) prior.set(p, (prior.get(p) ?? 0) + 1); }
      // A published campaign survives over a provisional cluster (which is folded in silently), then the oldest.
      const pub = (k: string) => (this.#published.has(k) ? 0 : 1);
      const candidates = [...prior.keys()].sort((a, b) => pub(a) - pub(b) || (this.#born.get(a) ?? 0) - (this.#born.get(b) ?? 0) || (a < b ? -1 : 1));
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
        // A part split off a published campaign is published with the split (its alerts move); else it starts provisional.
        const from = candidates[0] ?? null;
        if (from !== null && this.#published.has(from)) this.#published.add(key);
        else this.#pending.set(key, { since: now, rounds: 0 });
        assigned.push({ key, comp, created: true, splitFrom: from !== null && this.#published.has(from) ? from : null });
      }
    }
    const clusters: Cluster[] = [];
    for (const a of assigned) {
      const pending = this.#pending.get(a.key);
      let waitedSince: number | null = null;
      if (pending) {
        if (pending.rounds > 0) waitedSince = pending.since;
        pending.rounds++;
        if (!this.#publishable(a.key, a.comp, now, pop)) continue;
        // Published now: announced as new, with everything it holds.
        this.#pending.delete(a.key);
        this.#published.add(a.key);
        a.created = true;
      }
      const before = this.#members.get(a.key);
      const absorbed = [...absorbedBy].filter(([key, into]) => into === a.key && this.#published.has(key)).map(([key]) => ({ key, via: a.comp.filter((v) => this.#owner.get(v) === key) }));
      const orgs = new Map<string, MergedSighting>();
      for (const v of a.comp) mergeSightings(orgs, this.index.values.get(v)!.sightings);
      const orgKey = [...orgs.keys()].sort().join(',');
      const changed = a.created || absorbed.length > 0 || !before || before.size !== a.comp.length || a.comp.some((v) => !before.has(v) || this.#touched.has(v)) || this.#orgsOf.get(a.key) !== orgKey;
      this.#orgsOf.set(a.key, orgKey);
      if (!changed) continue;
      const splitFrom = a.splitFrom ? { key: a.splitFrom, reasons: this.#why(this.#members.get(a.splitFrom) ?? new Set(), new Set(a.comp)) } : null;
      clusters.push({ key: a.key, values: a.comp, orgs, explanation: explain(a.comp, orgs, (v) => this.#verdicts.get(v)!, this.index.population(), now, this.opts.halfLifeMs),
        absorbed, splitFrom, created: a.created, waitedSince });
    }
    const retracted: Round['retracted'] = [];
    let dropped = 0;
    for (const [key, values] of this.#members) {
      if (survivors.has(key) || absorbedBy.has(key)) continue;
      if (this.#pending.delete(key)) {
        // Never published: it ends unseen.
        dropped++;
        this.#members.delete(key);
        this.#orgsOf.delete(key);
        continue;
      }
      this.#published.delete(key);
      const reasons = this.#why(values, new Set());
      // Links that simply aged out of the window end a campaign quietly; background or false positives retract it.
      if (reasons.length) retracted.push({ key, reasons });
      this.#members.delete(key);
      this.#orgsOf.delete(key);
    }
    for (const key of absorbedBy.keys()) {
      if (this.#pending.delete(key)) dropped++;
      this.#published.delete(key);
      this.#members.delete(key);
      this.#orgsOf.delete(key);
    }
    this.#owner.clear();
    for (const [key, comp] of survivors) {
      this.#members.set(key, new Set(comp));
      for (const v of comp) this.#owner.set(v, key);
    }
    return { clusters, retracted, dropped };
  }

  /** Why values a campaign was linked by no longer link: the noise model's reasons for those still in the window. */
  #why(values: ReadonlySet<string>, still: ReadonlySet<string>): Reason[] {
    const out: Reason[] = [];
    for (const v of values) {
      if (still.has(v)) continue;
      const verdict = this.#verdicts.get(v);
      const state = this.index.values.get(v);
      const near = this.#neighbourhood.get(v);
      if (verdict?.background) for (const r of verdict.reasons) out.push({ code: r.code, params: { ...r.params, value: v } });
      else if (near) out.push({ code: near.code, params: { ...near.params, value: v } });
      else if (verdict && state && verdict.orgs.length < 2 && state.sightings.size !== verdict.orgs.length) out.push({ code: 'false_positive', params: { value: v } });
      // Still in the window but no longer a link: what came with it turned out to be commodity activity, seen everywhere.
      else if (verdict && state && this.#commodity(v, verdict)) out.push({ code: 'commodity', params: { value: v } });
      // Still a link, but between too few organisations with nothing else in common to be more than chance.
      else if (this.#weak.has(v)) out.push({ code: 'chance', params: { value: v, orgs: verdict?.orgs.length ?? 0 } });
      // A signature, CVE or family links only where its victims are concentrated: more of them came, and they no longer are (fewer is aging, quiet).
      else if (verdict && state?.kind === 'gated' && !verdict.concentrated && verdict.orgs.length >= this.opts.gatedMinOrgs) out.push({ code: 'not_concentrated', params: { value: v, orgs: verdict.orgs.length } });
    }
    return out.slice(0, 20);
  }
}
