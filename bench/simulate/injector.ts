import { setTimeout as sleep } from 'node:timers/promises';
import type { CampaignDetail, CampaignSummary } from '@lachan/contracts';
import type { Injection, InjectedRecord } from './campaigns.ts';
import type { Batch } from './sender.ts';
import type { AdminClient, Connector } from './setup.ts';
import type { InjectionReport, OrgAssets } from './types.ts';

/**
 * Sends the planned campaign and surge records into the live traffic when their time comes, each by a
 * Lachan connector of its victim organisation, then asks the server which campaigns it linked.
 */
export class Injector {
  #queue: (InjectedRecord & { connector: Connector })[];
  #plan: Injection;
  /** Campaigns and discarded campaign proposals on the server before the run (churn counts only the run's). */
  #before: { campaigns: Set<string>; discarded: Set<string> } = { campaigns: new Set(), discarded: new Set() };

  private constructor(plan: Injection, queue: (InjectedRecord & { connector: Connector })[]) {
    this.#plan = plan;
    this.#queue = queue.sort((a, b) => a.at - b.at);
  }

  /** Prepares the keys of every victim (Lachan JSON connectors). */
  static async prepare(plan: Injection, directory: readonly OrgAssets[], connectorFor: (org: OrgAssets, format: 'lachan') => Promise<Connector>): Promise<Injector> {
    const byId = new Map(directory.map((o) => [o.orgId, o]));
    const keys = new Map<string, Connector>();
    const all = [...plan.campaigns.flatMap((c) => c.records), ...(plan.surge?.records ?? [])];
    for (const orgId of new Set(all.map((r) => r.orgId))) keys.set(orgId, await connectorFor(byId.get(orgId)!, 'lachan'));
    return new Injector(plan, all.map((r) => ({ ...r, connector: keys.get(r.orgId)! })));
  }

  /** Notes what the server held before the run, so churn counts only what the run made. */
  async baseline(admin: AdminClient): Promise<void> {
    this.#before = { campaigns: new Set((await allCampaigns(admin)).map((c) => c.id)), discarded: new Set((await discardedProposals(admin)).map((w) => w.id)) };
  }

  get left(): number {
    return this.#queue.length;
  }

  /** Batches (one per connector) of the records whose time has come; everything when `wallMs` is Infinity. */
  due(wallMs: number): Batch[] {
    let n = 0;
    while (n < this.#queue.length && this.#queue[n]!.at <= wallMs) n++;
    const byConnector = new Map<Connector, Batch>();
    for (const r of this.#queue.splice(0, n)) {
      const b = byConnector.get(r.connector) ?? byConnector.set(r.connector, { connector: r.connector, records: [], kinds: [] }).get(r.connector)!;
      b.records.push(r.record);
      b.kinds.push('valid');
    }
    return [...byConnector.values()];
  }

  /** The labels, and which campaigns the server linked (waits up to `waitMs` for the last ones). */
  async report(admin: AdminClient, directory: readonly OrgAssets[], waitMs: number): Promise<InjectionReport> {
    const names = new Map(directory.map((o) => [o.orgId, o.name]));
    const found = new Map<string, string>();
    const matched = new Map<string, Set<string>>(this.#plan.campaigns.map((c) => [c.label, new Set<string>()]));
    let active: string[] = [];
    const deadline = Date.now() + waitMs;
    const seen = new Set<string>();
    for (;;) {
      const list = await admin.request<{ items: CampaignSummary[] }>('GET', '/campaigns?status=active&limit=500');
      active = list.status === 200 ? list.body.items.map((x) => x.id) : [];
      for (const set of matched.values()) for (const id of set) if (!active.includes(id)) set.delete(id);
      for (const s of list.status === 200 ? list.body.items : []) {
        if (seen.has(`${s.id}:${s.lastActivity}`)) continue;
        seen.add(`${s.id}:${s.lastActivity}`);
        const d = await admin.request<CampaignDetail>('GET', `/campaigns/${s.id}`);
        if (d.status !== 200) continue;
        for (const c of this.#plan.campaigns) {
          if (!d.body.evidence.some((e) => e.value === c.network || e.value === `domain:${c.domain}`)) continue;
          found.set(c.label, s.id);
          matched.get(c.label)!.add(s.id);
        }
      }
      if (found.size === this.#plan.campaigns.length || Date.now() >= deadline) break;
      await sleep(1000);
    }
    // One proposal per campaign: the proposed or issued warnings of campaign origin, by campaign.
    const warnings = await admin.request<{ items: { campaignId: string | null; origin: string; status: string }[] }>('GET', '/warnings?limit=500');
    const proposals = (warnings.status === 200 ? warnings.body.items : []).filter((w) => w.origin === 'campaign' && (w.status === 'proposed' || w.status === 'issued'));
    const proposalsOf = (ids: Set<string>) => proposals.filter((w) => w.campaignId !== null && ids.has(w.campaignId)).length;
    // Churn: every campaign the run made (published), how many were retracted or merged away, and proposals discarded with them.
    const made = (await allCampaigns(admin)).filter((c) => !this.#before.campaigns.has(c.id));
    const churn = { created: made.length, retracted: made.filter((c) => c.status === 'retracted').length, merged: made.filter((c) => c.status === 'merged').length,
      proposalsDiscarded: (await discardedProposals(admin)).filter((w) => !this.#before.discarded.has(w.id)).length };
    const s = this.#plan.surge;
    return {
      churn,
      activeCampaigns: active.length,
      campaignProposals: proposals.length,
      campaigns: this.#plan.campaigns.map((c) => ({ label: c.label, group: c.group, orgs: c.orgIds.map((o) => names.get(o) ?? o), network: c.network, domain: c.domain, techniques: c.techniques,
        alerts: c.records.length, detected: found.has(c.label), serverCampaignId: found.get(c.label) ?? null, serverCampaigns: matched.get(c.label)!.size, proposals: proposalsOf(matched.get(c.label)!) })),
      surge: s ? { label: s.label, sector: s.sector, orgs: s.orgIds.length, alerts: s.records.length } : null,
      recall: this.#plan.campaigns.length ? found.size / this.#plan.campaigns.length : null,
    };
  }
}

async function allCampaigns(admin: AdminClient): Promise<CampaignSummary[]> {
  const r = await admin.request<{ items: CampaignSummary[] }>('GET', '/campaigns?limit=500');
  return r.status === 200 ? r.body.items : [];
}

async function discardedProposals(admin: AdminClient): Promise<{ id: string; origin: string }[]> {
  const r = await admin.request<{ items: { id: string; origin: string }[] }>('GET', '/warnings?status=discarded&limit=500');
  return r.status === 200 ? r.body.items.filter((w) => w.origin === 'campaign') : [];
}
