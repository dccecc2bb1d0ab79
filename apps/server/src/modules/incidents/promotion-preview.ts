import { sql, type Kysely } from 'kysely';
import type { PromotionConditions, PromotionRulePreview } from '@lachan/contracts';
import type { DB } from '../../db/index.ts';
import { groupKey, groupLabel, groupWindowMinutes, matchesConditions, type AlertFacts } from './promotion-match.ts';

/** How far back a preview looks, and how many alerts it reads at most (the newest). */
export const PREVIEW_DAYS = 7;
export const PREVIEW_LIMIT = 50_000;
const GROUPS_SHOWN = 20;

/** A stored alert as the preview replays it. */
export type PreviewAlert = AlertFacts & { lastSeen: Date; occurrences: number };

/**
 * Replays stored alerts through a rule, as the engine would have: each group of matching alerts opens
 * an incident when it starts (a count rule: when its occurrences within the window reach the threshold)
 * and again after staying quiet longer than the group's window. Alerts are rows with their repeats
 * folded, so the count is read from the row's occurrences at its last sighting: an estimate, not a replay
 * of every sighting.
 */
export function simulateOpenings(c: PromotionConditions, alerts: PreviewAlert[]): Omit<PromotionRulePreview, 'days' | 'alertsScanned' | 'truncated'> {
  const groups = new Map<string, PreviewAlert[]>();
  for (const a of alerts) {
    if (!matchesConditions(c, a)) continue;
    const key = groupKey(c, a);
    (groups.get(key) ?? groups.set(key, []).get(key)!).push(a);
  }
  const quietMs = groupWindowMinutes(c) * 60_000;
  const summaries = [...groups.values()].map((members) => {
    members.sort((x, y) => x.lastSeen.getTime() - y.lastSeen.getTime());
    let incidents = 0;
    let openUntil = -Infinity;
    let from = 0;
    let inWindow = 0;
    for (let i = 0; i < members.length; i++) {
      const at = members[i]!.lastSeen.getTime();
      inWindow += members[i]!.occurrences;
      if (c.count) {
        const windowMs = c.count.windowMinutes * 60_000;
        while (members[from]!.lastSeen.getTime() < at - windowMs) inWindow -= members[from++]!.occurrences;
      }
      const reached = !c.count || inWindow >= c.count.threshold;
      if (at > openUntil && reached) incidents++;
      if (at <= openUntil || reached) openUntil = at + quietMs;
    }
    const first = members[0]!;
    return {
      orgId: first.orgId, label: groupLabel(c, first), alerts: members.length, incidents,
      firstSeen: first.lastSeen.toISOString(), lastSeen: members[members.length - 1]!.lastSeen.toISOString(),
    };
  });
  summaries.sort((x, y) => y.incidents - x.incidents || y.alerts - x.alerts);
  return {
    alertsMatched: summaries.reduce((n, g) => n + g.alerts, 0),
    incidents: summaries.reduce((n, g) => n + g.incidents, 0),
    groups: summaries.filter((g) => g.incidents > 0).slice(0, GROUPS_SHOWN),
  };
}

type Row = {
  org_id: string; severity: number; rsit_class: string | null; format: string; rule_id: string | null; title: string; attack: string[];
  asset_hostname: string | null; src_ip: string | null; dst_ip: string | null; observables: { type?: string; value: string }[]; last_seen: Date; occurrences: number;
};

/**
 * The newest alerts of the organisations (null: all) seen since `since`, at or above a severity; only
 * partitions of the week before `since` and after are read (an older row still repeating is left out).
 */
export async function previewAlerts(db: Kysely<DB>, orgIds: string[] | null, since: Date, minSeverity: number, limit: number): Promise<PreviewAlert[]> {
  const r = await sql<Row>`select org_id, severity, rsit_class, format, rule_id, title, attack, asset_hostname, src_ip, dst_ip, observables, last_seen, occurrences
    from alerts where day >= ${since.toISOString().slice(0, 10)}::date - 7 and last_seen >= ${since} and severity >= ${minSeverity}
      and ${orgIds ? sql`org_id = any(${orgIds}::uuid[])` : sql`true`}
    order by last_seen desc limit ${limit}`.execute(db);
  return r.rows.map((a) => ({
    orgId: a.org_id, severity: a.severity, rsitClass: a.rsit_class, format: a.format, ruleId: a.rule_id, title: a.title, attack: a.attack ?? [],
    assetHostname: a.asset_hostname, srcIp: a.src_ip, dstIp: a.dst_ip, observables: Array.isArray(a.observables) ? a.observables : [],
    lastSeen: new Date(a.last_seen), occurrences: a.occurrences,
  }));
}
