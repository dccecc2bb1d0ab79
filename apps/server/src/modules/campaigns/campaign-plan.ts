import type { ClusterTracker, Cluster, Round } from './cluster-tracker.ts';
import type { LinkAlert } from './link-features.ts';

/** A campaign to write after a batch: its cluster and the batch's alerts that belong to it. */
export interface PlannedCampaign<M> { cluster: Cluster; members: M[]; severity: number }

/** What one batch means for campaigns: the clusters to write, those retracted, the mass scanners seen, and provisional churn nobody saw. */
export interface CampaignPlan<M> { campaigns: PlannedCampaign<M>[]; retracted: Round['retracted']; scanners: Round['scanners']; provisional: number; dropped: number }

const HELD_MAX = 50_000;

/**
 * The recent alerts, with their feature keys, for as long as a cluster may stay provisional: a cluster
 * published after it waited takes the alerts that made it, not only the batch that published it.
 * Bounded by age (the longest wait) and by count.
 */
export class HeldAlerts<M, H extends { orgId: string }> {
  #items: { at: number; alert: H; keys: string[] }[] = [];
  #head = 0;
  readonly #maxAgeMs: number;
  readonly #keep: (alert: M) => H;
  /** `keep`: what of an alert is held (what a campaign's members need; a whole alert row is about 1.3 KB). */
  constructor(maxAgeMs: number, keep: (alert: M) => H) {
    this.#maxAgeMs = maxAgeMs;
    this.#keep = keep;
  }

  /** The most alerts held (past it, the oldest go). */
  get bound(): number {
    return HELD_MAX;
  }

  /** Items the array keeps (those past the bound included until the next compaction). */
  get retained(): number {
    return this.#items.length;
  }

  add(now: number, alert: M, keys: string[]): void {
    if (this.#maxAgeMs <= 0) return;
    this.#items.push({ at: now, alert: this.#keep(alert), keys });
    while (this.#head < this.#items.length && (this.#items[this.#head]!.at < now - this.#maxAgeMs || this.#items.length - this.#head > HELD_MAX)) this.#head++;
    // Dropped items leave the array every 4,096: it holds at most HELD_MAX + 4,096 (a copy of the rest each time, about 12 moves an add).
    if (this.#head >= 4096) { this.#items = this.#items.slice(this.#head); this.#head = 0; }
  }

  /** Held alerts of rounds since `since` carrying any of these values. */
  *carrying(values: ReadonlySet<string>, since: number): Iterable<H> {
    for (let i = this.#head; i < this.#items.length; i++) {
      const h = this.#items[i]!;
      if (h.at >= since && h.keys.some((k) => values.has(k))) yield h.alert;
    }
  }
}

/**
 * The engine's decision for one batch, in memory: observe the alerts, re-derive the clusters, and
 * give each changed campaign the batch's alerts whose values it holds (a newly published one also
 * the held alerts that made it). The server's engine writes the result; the benchmark scores the
 * same result (one code path).
 */
export function planRound<M extends LinkAlert & { severity: number }, H extends { orgId: string; severity: number } = M>(
  tracker: ClusterTracker, alerts: readonly M[], now: number, held?: HeldAlerts<M, H>,
): CampaignPlan<M | H> {
  const keysOf = alerts.map((a) => tracker.observe(a));
  const round = tracker.round(now);
  const byKey = new Map(round.clusters.map((c) => [c.key, { cluster: c, members: [] as (M | H)[], severity: 0 }]));
  if (held) {
    for (const p of byKey.values()) {
      // A campaign that waited as provisional takes the alerts of the rounds it waited through (as if published when found);
      // a campaign found in this round takes the recent alerts that made it too: its first victim's alert came in an
      // earlier round, before a second organisation's made its values a link.
      const since = p.cluster.waitedSince ?? (p.cluster.created && !p.cluster.splitFrom ? Number.NEGATIVE_INFINITY : null);
      if (since === null) continue;
      for (const a of held.carrying(new Set(p.cluster.values), since)) {
        // Held alerts are of earlier rounds: this batch's are added below, after the lookup.
        if (!p.cluster.orgs.has(a.orgId)) continue;
        p.members.push(a);
        p.severity = Math.max(p.severity, a.severity);
      }
    }
    alerts.forEach((a, i) => held.add(now, a, keysOf[i]!));
  }
  alerts.forEach((a, i) => {
    const owners = new Set(keysOf[i]!.map((k) => tracker.ownerOf(k)).filter((k): k is string => k !== undefined));
    for (const key of owners) {
      // Every campaign holding a value of this batch changed in this round.
      const planned = byKey.get(key);
      if (!planned) continue;
      planned.members.push(a);
      planned.severity = Math.max(planned.severity, a.severity);
    }
  });
  return { campaigns: [...byKey.values()].map((p) => ({ ...p, severity: p.severity || 2 })), retracted: round.retracted, scanners: round.scanners, provisional: round.provisional, dropped: round.dropped };
}
