import type { Members } from './small-collections.ts';

/**
 * The noise model: whether a shared value is a campaign's link or background (internet-wide scanning,
 * commodity tooling, a SOC's own sensor, what analysts marked false positive). No fixed cap on victims:
 * a value is background when its victims are spread like the organisations that send alerts at all
 * (no sector, province or kind beyond chance), when it behaves like scanning (reconnaissance classes,
 * low severity, many hosts per victim), or when analysts said so. A wave that hits most banks is
 * concentrated, however many banks, and stays a campaign.
 */

/** An organisation as the model weighs it. */
export interface OrgTraits { sectors: string[]; provinceCode: string | null; kind: string | null }

/** One organisation's sightings of a value within the window. */
export interface Sighting {
  first: number;
  last: number;
  alerts: number;
  recon: number;
  low: number;
  hosts: Members;
  techniques: Members;
  reporters: Members;
  /**
   * How many hosts and reporters it holds, and the reporter when it holds one: kept beside the sets, so
   * that judging a value reads its sightings and nothing they point to (a round judges every value whose
   * sightings changed, a common one with dozens of them; walking into each sighting's sets was most of
   * `judge`'s time, 24 µs of the round's 57 per alert in the simulator's mix, 9.7 µs this way).
   */
  hostCount: number;
  reporterCount: number;
  soleReporter: string | undefined;
  /** An analyst of this organisation marked an alert carrying the value false positive. */
  falsePositive: boolean;
}

/** Who sends alerts (the organisations active in the window), as base rates. */
export interface Population {
  size: number;
  /** How many active organisations fall in a category (`sector:BANKING`, `province:48`, `kind:bank`). */
  count(category: string): number;
  traits(orgId: string): OrgTraits | null;
  /** The categories an organisation counts in (`categoriesOf` its traits; none when unknown). */
  categories(orgId: string): readonly string[];
  /** Alerts a reporter sent in the window (to tell a SOC's own sensor from its clients' attackers). */
  reporterAlerts(reporterOrgId: string): number;
  /** Active organisations that reported any value of a feature type (`sender`, `domain`…): who could have seen a value of it. */
  observers(type: string): number;
}

export interface Concentration { category: string; hits: number; of: number; base: number; p: number }
export interface Reason { code: string; params: Record<string, string | number> }
export interface Verdict {
  /** Organisations that count (those whose analysts did not mark it false positive). */
  orgs: string[];
  background: boolean;
  /** Background that scans: kept on the mass-scanning list. */
  scanner: boolean;
  concentration: Concentration | null;
  concentrated: boolean;
  reasons: Reason[];
}

export interface NoiseOptions {
  /** Adjusted probability under which victims count as concentrated beyond chance. */
  concentratedP: number;
  /** A value seen by at least this many organisations and this share of the active ones, in several sectors and none beyond chance, is background. */
  broadMinOrgs: number;
  broadShare: number;
  /** Behaviour score (0..1) from which a value is scanning. */
  scanningScore: number;
  /**
   * Commodity vocabulary: a value seen by this share of the organisations that report its type at all
   * (at least `broadMinOrgs` of them report it, five see it), not concentrated beyond chance, among at least two other such values of its type seen by the same organisations and never
   * with it, is background: the few sender domains or C2 names of commodity activity that every
   * organisation whose gateway reports them sees, in turn.
   */
  observerShare: number;
}
export const DEFAULT_NOISE: NoiseOptions = { concentratedP: 1e-3, broadMinOrgs: 8, broadShare: 0.15, scanningScore: 0.5, observerShare: 0.5 };

const RECON_CLASSES = new Set(['information-gathering', 'scanner', 'reconnaissance']);
const RECON_TECHNIQUES = /^T(1595|1046|1590|1592|1589|1110)(\.|$)/;
const RECON_TITLE = /\b(scan|scanner|sweep|probe|nmap|masscan|zmap|brute[- ]?force|enumeration|recon)/i;

/** Whether one alert is reconnaissance (class, technique or signature name). */
export function isRecon(a: { rsitClass: string | null; attack: string[]; title: string }): boolean {
  return (a.rsitClass !== null && RECON_CLASSES.has(a.rsitClass)) || (a.attack.length > 0 && a.attack.every((t) => RECON_TECHNIQUES.test(t))) || RECON_TITLE.test(a.title);
}

const logFact: number[] = [0];
function lf(n: number): number {
  for (let i = logFact.length; i <= n; i++) logFact.push(logFact[i - 1]! + Math.log(i));
  return logFact[n]!;
}
const logChoose = (n: number, k: number) => (k < 0 || k > n ? -Infinity : lf(n) - lf(k) - lf(n - k));

/** P(X >= k) for X hypergeometric: `n` victims drawn from `N` organisations of which `K` are in the category. */
export function hypergeometricTail(N: number, K: number, n: number, k: number): number {
  let p = 0;
  const denom = logChoose(N, n);
  for (let x = k; x <= Math.min(n, K); x++) p += Math.exp(logChoose(K, x) + logChoose(N - K, n - x) - denom);
  return Math.min(1, p);
}

/** The categories of an organisation's traits: its sectors, its province and its kind. */
export function categoriesOf(t: OrgTraits): string[] {
  return [...t.sectors.map((s) => `sector:${s}`), ...(t.provinceCode ? [`province:${t.provinceCode}`] : []), ...(t.kind ? [`kind:${t.kind}`] : [])];
}

/** The category the victims are most concentrated in beyond chance, Bonferroni-adjusted over the categories tried. */
export function concentrationOf(orgs: readonly string[], pop: Population): Concentration | null {
  const hits = new Map<string, number>();
  for (const o of orgs) for (const c of pop.categories(o)) hits.set(c, (hits.get(c) ?? 0) + 1);
  let best: Concentration | null = null;
  const N = Math.max(pop.size, orgs.length);
  for (const [category, k] of hits) {
    if (k < 2) continue;
    const K = Math.max(k, pop.count(category));
    const p = Math.min(1, hypergeometricTail(N, K, orgs.length, k) * hits.size);
    if (!best || p < best.p) best = { category, hits: k, of: orgs.length, base: K, p };
  }
  return best;
}

/** The sectors the victims belong to. */
function sectorsOf(orgs: readonly string[], pop: Population): Set<string> {
  const sectors = new Set<string>();
  for (const o of orgs) for (const c of pop.categories(o)) if (c.startsWith('sector:')) sectors.add(c);
  return sectors;
}

/**
 * Judges one shared value from its sightings, against the population of senders. `earlier`: the value's
 * verdict against the same population, whose concentration still holds if the same organisations count.
 */
export function judge(sightings: ReadonlyMap<string, Sighting>, pop: Population, opts: NoiseOptions = DEFAULT_NOISE, earlier?: Verdict): Verdict {
  // One pass over the sightings (a round judges every value whose sightings changed).
  const orgs: string[] = [];
  let fp = 0;
  let m = 0;
  let reconAlerts = 0;
  let lowAlerts = 0;
  let hosts = 0;
  // The reporters seen through (beyond the organisations themselves): the one, or several.
  let reporter: string | undefined;
  let reporterCount = 0;
  sightings.forEach((s, o) => {
    if (s.falsePositive) fp++;
    else orgs.push(o);
    m += s.alerts;
    reconAlerts += s.recon;
    lowAlerts += s.low;
    hosts += s.hostCount;
    if (reporterCount > 1 || s.reporterCount === 0) return;
    // Members of a set differ: two of them are two reporters.
    if (s.reporterCount > 1) reporterCount = 2;
    else if (reporterCount === 0) [reporter, reporterCount] = [s.soleReporter, 1];
    else if (s.soleReporter !== reporter) reporterCount = 2;
  });
  const reasons: Reason[] = [];
  const n = orgs.length;
  const same = earlier !== undefined && earlier.orgs.length === n && earlier.orgs.every((o, i) => o === orgs[i]);
  const concentration = n < 2 ? null : same ? earlier.concentration : concentrationOf(orgs, pop);
  const concentrated = n >= 3 && concentration !== null && concentration.p <= opts.concentratedP;
  if (fp > 0 && fp >= n) reasons.push({ code: 'false_positive', params: { marked: fp } });
  // A SOC's own sensor or collector: every sighting through one outside reporter, in most of what it sends.
  if (reporterCount === 1 && sightings.size >= 2 && !sightings.has(reporter!) && m >= 0.5 * pop.reporterAlerts(reporter!)) {
    reasons.push({ code: 'reporter_artifact', params: { alerts: m } });
  }
  const recon = reconAlerts / Math.max(1, m);
  const low = lowAlerts / Math.max(1, m);
  const hostsPerOrg = hosts / Math.max(1, sightings.size);
  const score = 0.5 * recon + 0.25 * low + (hostsPerOrg >= 3 ? 0.25 : 0);
  // Concentrated victims outweigh behaviour: a brute-force wave on one sector is still a campaign.
  const scanning = score >= opts.scanningScore && !concentrated;
  if (scanning) reasons.push({ code: 'scanning', params: { recon: Math.round(recon * 100), low: Math.round(low * 100), hostsPerOrg: Math.round(hostsPerOrg * 10) / 10 } });
  // Breadth: most organisations, or many with some scanning in its behaviour, in several sectors and none beyond chance.
  const wide = n >= Math.max(opts.broadMinOrgs, opts.broadShare * pop.size);
  const many = wide || (n >= Math.max(5, 0.15 * pop.size) && score >= 0.25);
  const sectors = !concentrated && many ? sectorsOf(orgs, pop).size : 0;
  const broad = !concentrated && many && sectors >= 3;
  if (broad) reasons.push({ code: 'broad', params: { orgs: n, sectors, active: pop.size } });
  const background = reasons.length > 0;
  return { orgs, background, scanner: background && (scanning || broad) && sightings.size >= 3, concentration, concentrated, reasons };
}
