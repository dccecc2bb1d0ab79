import type { ClusterTracker, Cluster, Round } from './cluster-tracker.ts';
import type { LinkAlert } from './link-features.ts';

/** A campaign to write after a batch: its cluster and the batch's alerts that belong to it. */
export interface PlannedCampaign<M> { cluster: Cluster; members: M[]; severity: number }

/** What one batch means for campaigns: the clusters to write, those retracted, the mass scanners seen. */
export interface CampaignPlan<M> { campaigns: PlannedCampaign<M>[]; retracted: Round['retracted']; scanners: Round['scanners'] }

/**
 * The engine's decision for one batch, in memory: observe the alerts, re-derive the clusters, and
 * give each changed campaign the batch's alerts whose values it holds. The server's engine writes the
 * result; the benchmark scores the same result (one code path).
 */
export function planRound<M extends LinkAlert & { severity: number }>(tracker: ClusterTracker, alerts: readonly M[], now: number): CampaignPlan<M> {
  const keysOf = alerts.map((a) => tracker.observe(a));
  const round = tracker.round(now);
  const byKey = new Map(round.clusters.map((c) => [c.key, { cluster: c, members: [] as M[], severity: 0 }]));
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
  return { campaigns: [...byKey.values()].map((p) => ({ ...p, severity: p.severity || 2 })), retracted: round.retracted, scanners: round.scanners };
}
