import { parseAlert } from '@lachan/parsers';
import type { AlertFormat } from '@lachan/contracts';
import { ClusterTracker, DEFAULT_DETECTOR, type DetectorOptions } from '../../apps/server/src/modules/campaigns/cluster-tracker.ts';
import { planRound } from '../../apps/server/src/modules/campaigns/campaign-plan.ts';
import type { LinkAlert } from '../../apps/server/src/modules/campaigns/link-features.ts';
import type { OrgTraits } from '../../apps/server/src/modules/campaigns/noise-model.ts';

/** One record as a connector sends it: the victim organisation, who sends it, its format and text. */
export interface SentRecord { orgId: string; reporterOrgId: string; format: AlertFormat; raw: string; receivedAt: number }

/** A campaign as the server would hold it at the end: its members (as `campaign_orgs`), and whether it is still active. */
export interface HeldCampaign { key: string; values: string[]; orgs: Map<string, number>; confidence: string; retracted: boolean; mergedInto: string | null }

/**
 * Replays records through the server's own path: each parsed by `@lachan/parsers`, turned into the
 * engine's input as a committed alert would be, and fed in batches to `planRound` (the function the
 * campaign engine runs per batch). The plans are applied as `campaignsRepository` applies them:
 * members of the cluster (members seen before the window edge stay), merges fold the absorbed campaign
 * into the survivor, retractions withdraw.
 */
/** Churn during a replay: campaigns published, retracted and merged away, and provisional clusters that ended unpublished (unseen). */
export interface Churn { created: number; retracted: number; merged: number; dropped: number }

export function replay(records: readonly SentRecord[], traits: (orgId: string) => OrgTraits | null, o: { batch: number; opts?: DetectorOptions }): { campaigns: Map<string, HeldCampaign>; scanners: Set<string>; parsed: number; churn: Churn } {
  const opts = o.opts ?? DEFAULT_DETECTOR;
  const tracker = new ClusterTracker(traits, opts);
  const held = new Map<string, HeldCampaign>();
  const scanners = new Set<string>();
  let parsed = 0;
  let prunedAt = 0;
  const churn: Churn = { created: 0, retracted: 0, merged: 0, dropped: 0 };
  let last = 0;
  const apply = (plan: ReturnType<typeof planRound>, now: number) => {
    const edge = now - opts.windowMs;
    churn.dropped += plan.dropped;
    for (const p of plan.campaigns) {
      const c = p.cluster;
      if (c.created) churn.created++;
      const prior = held.get(c.key);
      const orgs = new Map([...c.orgs].map(([org, s]) => [org, s.last]));
      for (const [org, last] of prior?.orgs ?? []) if (!orgs.has(org) && last < edge) orgs.set(org, last);
      held.set(c.key, { key: c.key, values: c.values, orgs, confidence: c.explanation.level, retracted: prior?.retracted ?? false, mergedInto: null });
      for (const a of c.absorbed) {
        const gone = held.get(a.key);
        if (!gone) continue;
        for (const [org, last] of gone.orgs) if (!orgs.has(org)) orgs.set(org, last);
        gone.mergedInto = c.key;
        churn.merged++;
      }
    }
    for (const r of plan.retracted) {
      const c = held.get(r.key);
      if (c && !c.retracted) { c.retracted = true; churn.retracted++; }
    }
    for (const s of plan.scanners) scanners.add(s.key);
  };
  for (let i = 0; i < records.length; i += o.batch) {
    const alerts: (LinkAlert & { severity: number })[] = [];
    let now = 0;
    for (const r of records.slice(i, i + o.batch)) {
      const out = parseAlert(r.format, r.raw, { receivedAt: new Date(r.receivedAt) });
      now = Math.max(now, r.receivedAt);
      if (!out.ok) continue;
      parsed++;
      const a = out.alert;
      const event = a.eventTime ? Date.parse(a.eventTime) : r.receivedAt;
      alerts.push({ orgId: r.orgId, reporterOrgId: r.reporterOrgId, at: Math.min(event, r.receivedAt), severity: a.severity, rsitClass: a.rsitClass, ruleId: a.ruleId, title: a.title,
        srcIp: a.srcIp, dstIp: a.dstIp, attack: a.attackTechniques, observables: a.observables, tags: a.tags });
    }
    if (now - prunedAt > 3_600_000) {
      tracker.index.prune(now - opts.windowMs);
      prunedAt = now;
    }
    apply(planRound(tracker, alerts, now), now);
    last = Math.max(last, now);
  }
  // After the last alert time passes (the engine judges provisional clusters again every second): the longest wait ends.
  const end = last + opts.publish.maxHoldMs;
  apply(planRound(tracker, [], end), end);
  return { campaigns: held, scanners, parsed, churn };
}

/** The campaigns a user would see at the end: neither merged away nor retracted. */
export const activeCampaigns = (held: Map<string, HeldCampaign>) => [...held.values()].filter((c) => !c.retracted && c.mergedInto === null);
