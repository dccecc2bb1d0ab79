import { setTimeout as sleep } from 'node:timers/promises';
import type { AlertSummary, IncidentSummary, PromotionRule } from '@lachan/contracts';
import { ATTACKERS } from './generators/common.ts';
import type { AdminClient } from './setup.ts';
import type { IncidentFigure } from './types.ts';

const POOL = new Set(ATTACKERS);

/** The outside party of an alert as the simulator knows it: an address of its attacker pool or of the injected campaigns' range (198.18.0.0/15). */
export function attackerOf(a: Pick<AlertSummary, 'srcIp' | 'dstIp'>): string {
  const ours = (ip: string | null) => ip !== null && (POOL.has(ip) || /^198\.1[89]\./.test(ip));
  return ours(a.srcIp) ? a.srcIp! : ours(a.dstIp) ? a.dstIp! : '-';
}

/** The distinct (organisation, signature, attacker) groups of a set of alerts; the signature is the rule id, else the title. */
export function groupsOf(alerts: readonly Pick<AlertSummary, 'orgId' | 'ruleId' | 'title' | 'srcIp' | 'dstIp'>[]): number {
  return new Set(alerts.map((a) => `${a.orgId}|${a.ruleId ?? a.title}|${attackerOf(a)}`)).size;
}

/** Incidents promotion opened since `since`, newest first until older ones. */
async function incidentsSince(admin: AdminClient, since: number): Promise<IncidentSummary[]> {
  const out: IncidentSummary[] = [];
  for (let cursor: string | null = null, page = 0; page < 200; page++) {
    const res: { status: number; body: { items: IncidentSummary[]; nextCursor: string | null } } = await admin.request('GET', `/incidents?limit=200${cursor ? `&cursor=${cursor}` : ''}`);
    if (res.status !== 200) throw new Error(`GET /incidents answered ${res.status}`);
    const fresh = res.body.items.filter((i) => Date.parse(i.createdAt) >= since);
    out.push(...fresh.filter((i) => i.source === 'alerts'));
    if (fresh.length < res.body.items.length || !res.body.nextCursor) break;
    cursor = res.body.nextCursor;
  }
  return out;
}

/** Every alert last seen since `since` (as the server stored the traffic: attributed, repeats folded). */
async function alertsSince(admin: AdminClient, since: number): Promise<AlertSummary[]> {
  const out: AlertSummary[] = [];
  const from = encodeURIComponent(new Date(since).toISOString());
  for (let before: string | null = null, page = 0; page < 2000; page++) {
    const res: { status: number; body: { items: AlertSummary[]; nextCursor: string | null } } = await admin.request('GET', `/alerts?limit=500&since=${from}${before ? `&before=${before}` : ''}`);
    if (res.status !== 200) throw new Error(`GET /alerts answered ${res.status}`);
    out.push(...res.body.items);
    if (!res.body.nextCursor) break;
    before = res.body.nextCursor;
  }
  return out;
}

/**
 * What promotion made of the run: the incidents it opened, waited for until their number holds still
 * for three seconds (at most `waitMs`), against the distinct (organisation, signature, attacker) groups
 * of the alerts sent, all of them and the critical ones the national rule promotes.
 */
export async function measureIncidents(admin: AdminClient, since: number, waitMs: number): Promise<IncidentFigure> {
  let incidents = await incidentsSince(admin, since);
  for (let still = 0, deadline = Date.now() + waitMs; still < 3 && Date.now() < deadline; ) {
    await sleep(1000);
    const again = await incidentsSince(admin, since);
    still = again.length === incidents.length && again.every((i, k) => i.alertCount === incidents[k]?.alertCount) ? still + 1 : 0;
    incidents = again;
  }
  const alerts = await alertsSince(admin, since);
  const critical = alerts.filter((a) => a.severity === 4);
  const rules = await admin.request<PromotionRule[]>('GET', '/promotion-rules');
  const names = new Map((rules.status === 200 ? rules.body : []).map((r) => [r.id, r.name]));
  const byRule: Record<string, number> = {};
  for (const i of incidents) {
    const name = i.ruleId ? (names.get(i.ruleId) ?? i.ruleId) : '(no rule)';
    byRule[name] = (byRule[name] ?? 0) + 1;
  }
  const groups = groupsOf(critical);
  return {
    incidents: incidents.length, byRule, alerts: alerts.length, criticalAlerts: critical.length, groups, allGroups: groupsOf(alerts),
    distinctTitles: new Set(incidents.map((i) => i.title)).size, ratio: groups ? Math.round((incidents.length / groups) * 100) / 100 : null,
  };
}
