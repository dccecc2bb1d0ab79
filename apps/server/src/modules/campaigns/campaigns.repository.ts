import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/index.ts';
import { outboxRepository } from '../events/index.ts';
import type { Cluster } from './cluster-tracker.ts';
import { evidenceOf, type LinkAlert } from './link-features.ts';
import type { Reason } from './noise-model.ts';

/** What the engine writes for one campaign after a batch. */
export interface CampaignWrite {
  linkKey: string;
  confidence: 'low' | 'medium' | 'high';
  techniques: string[];
  severity: number;
  cluster: Cluster;
  members: { id: string; day: string; orgId: string }[];
  /** Members last seen before this left the window; those seen since and no longer in the cluster are dropped. */
  windowEdge: Date;
}

const json = (v: unknown) => JSON.stringify(v);
type Evidence = { kind: string; value: string; orgIds: string[]; first: Date; last: Date };

/** The evidence rows of a cluster: one per shown value (a /24 linked under several signatures is one row). */
function evidenceRows(c: Cluster, values: (key: string) => ReadonlyMap<string, { first: number; last: number; falsePositive: boolean }> | undefined): Evidence[] {
  const rows = new Map<string, Evidence>();
  for (const key of c.values) {
    const e = evidenceOf(key);
    const seen = [...(values(key) ?? new Map())].filter(([, s]) => !s.falsePositive);
    if (!seen.length) continue;
    const row = rows.get(`${e.kind}|${e.value}`) ?? rows.set(`${e.kind}|${e.value}`, { ...e, orgIds: [], first: new Date(8.64e15), last: new Date(0) }).get(`${e.kind}|${e.value}`)!;
    for (const [o, s] of seen) {
      if (!row.orgIds.includes(o)) row.orgIds.push(o);
      if (s.first < row.first.getTime()) row.first = new Date(s.first);
      if (s.last > row.last.getTime()) row.last = new Date(s.last);
    }
  }
  return [...rows.values()];
}

async function history(tx: Kysely<DB>, id: string, action: string, other: string | null, reasons: Reason[]): Promise<void> {
  await sql`insert into campaign_history (campaign_id, action, other_campaign_id, reasons) values (${id}, ${action}, ${other}, ${json(reasons)}::jsonb)`.execute(tx);
}

/** How the engine titles a campaign: a code and its parameter, worded by each reader; `title` keeps the English wording. */
const sharedTitle = (value: string) => ({ title: `Shared infrastructure ${value}`, code: 'shared_infrastructure', params: json({ value }) });

/** SQL of campaigns as the engine keeps them: upserts of clusters, merges, splits, retractions, mass scanners. */
export const campaignsRepository = {
  /** Campaigns the engine followed (not retracted, dismissed or merged), with their link features, to seed it on start. */
  async known(db: Kysely<DB>): Promise<{ link_key: string; created_at: Date; features: string[] }[]> {
    return (await sql<{ link_key: string; created_at: Date; features: string[] }>`select c.link_key, c.created_at,
        array(select feature_key from campaign_links l where l.campaign_id = c.id order by feature_key) as features
      from campaigns c where c.status in ('detected', 'confirmed') and exists (select 1 from campaign_links l where l.campaign_id = c.id)`.execute(db)).rows;
  },

  async idsOf(tx: Kysely<DB>, keys: string[]): Promise<Map<string, string>> {
    // Most rounds absorb and retract nothing: no statement then (each is a turn of the embedded engine's one connection).
    if (!keys.length) return new Map();
    const r = await sql<{ id: string; link_key: string }>`select id, link_key from campaigns where link_key = any(${keys}::text[])`.execute(tx);
    return new Map(r.rows.map((x) => [x.link_key, x.id]));
  },

  /** Creates or refreshes a campaign from its cluster: members, alerts, evidence, links, explanation; announces it. */
  async upsert(tx: Kysely<DB>, w: CampaignWrite, values: Parameters<typeof evidenceRows>[1]): Promise<{ id: string; created: boolean; status: string }> {
    const orgs = [...w.cluster.orgs];
    const first = new Date(Math.min(...orgs.map(([, s]) => s.first)));
    const last = new Date(Math.max(...orgs.map(([, s]) => s.last)));
    const evidence = evidenceRows(w.cluster, values);
    const shown = evidence.filter((e) => e.kind === 'observable' || e.kind === 'network').sort((a, b) => b.orgIds.length - a.orgIds.length || (a.value < b.value ? -1 : 1));
    const label = (shown[0] ?? evidence[0])?.value ?? w.linkKey;
    // Every viewer reads the title, members outside their scope included: it names the shared value, never a count.
    const { title, code, params } = sharedTitle(label);
    const explanation = json(w.cluster.explanation);
    const c = await sql<{ id: string; created: boolean; status: string }>`insert into campaigns (link_key, title, title_code, title_params, confidence, severity, techniques, org_count, first_activity, last_activity, explanation)
      values (${w.linkKey}, ${title}, ${code}, ${params}::jsonb, ${w.confidence}, ${w.severity}, ${w.techniques}::text[], ${orgs.length}, ${first}, ${last}, ${explanation}::jsonb)
      on conflict (link_key) do update set title = excluded.title, title_code = excluded.title_code, title_params = excluded.title_params, confidence = excluded.confidence, severity = greatest(campaigns.severity, excluded.severity),
        techniques = excluded.techniques, first_activity = least(campaigns.first_activity, excluded.first_activity),
        last_activity = greatest(campaigns.last_activity, excluded.last_activity), explanation = excluded.explanation, updated_at = now()
      returning id, (xmax = 0) as created, status`.execute(tx);
    const { id, created, status } = c.rows[0]!;
    const orgIds = orgs.map(([o]) => o);
    const rows = [...evidence, ...w.techniques.map((t) => ({ kind: 'technique', value: t, orgIds: orgs.filter(([, x]) => x.techniques.has(t)).map(([o]) => o), first, last }))];
    // Members, alerts, links and evidence in one statement (each statement is a turn of the embedded engine's
    // one connection, and a busy round writes hundreds of campaigns). What goes and what comes are disjoint
    // in each table, so the parts never touch the same row; counts are worked out from what each part did:
    // members that left the cluster while still in the window go (aged ones stay), alerts newly linked add
    // to the count (no recount of a campaign that may hold thousands).
    await sql`with gone_orgs as (delete from campaign_orgs where campaign_id = ${id} and org_id <> all(${orgIds}::uuid[]) and last_seen >= ${w.windowEdge} returning 1),
      members as (insert into campaign_orgs (campaign_id, org_id, first_seen, last_seen)
        select ${id}::uuid, o, f, l from unnest(${orgIds}::uuid[], ${orgs.map(([, s]) => new Date(s.first))}::timestamptz[], ${orgs.map(([, s]) => new Date(s.last))}::timestamptz[]) as t(o, f, l)
        where exists (select 1 from organizations where id = o)
        on conflict (campaign_id, org_id) do update set first_seen = least(campaign_orgs.first_seen, excluded.first_seen), last_seen = greatest(campaign_orgs.last_seen, excluded.last_seen)
        returning (xmax = 0) as added),
      linked as (insert into campaign_alerts (campaign_id, alert_day, alert_id, org_id)
        select ${id}::uuid, d, a, o from unnest(${w.members.map((m) => m.day)}::date[], ${w.members.map((m) => m.id)}::bigint[], ${w.members.map((m) => m.orgId)}::uuid[]) as t(d, a, o)
        on conflict do nothing returning 1),
      gone_links as (delete from campaign_links where campaign_id = ${id} and feature_key <> all(${w.cluster.values}::text[]) returning 1),
      links as (insert into campaign_links (feature_key, campaign_id) select k, ${id}::uuid from unnest(${w.cluster.values}::text[]) as t(k) on conflict do nothing returning 1),
      gone_evidence as (delete from campaign_evidence e where campaign_id = ${id} and last_seen >= ${w.windowEdge}
        and not exists (select 1 from unnest(${rows.map((e) => e.kind)}::text[], ${rows.map((e) => e.value)}::text[]) as t(k, v) where t.k = e.kind and t.v = e.value) returning 1),
      shown as (insert into campaign_evidence (campaign_id, kind, value, org_ids, first_seen, last_seen)
        select ${id}::uuid, k, v, array(select jsonb_array_elements_text(o::jsonb))::uuid[], f, l
        from unnest(${rows.map((e) => e.kind)}::text[], ${rows.map((e) => e.value)}::text[], ${rows.map((e) => json(e.orgIds))}::text[],
          ${rows.map((e) => e.first)}::timestamptz[], ${rows.map((e) => e.last)}::timestamptz[]) as t(k, v, o, f, l)
        on conflict (campaign_id, kind, value) do update set org_ids = excluded.org_ids, first_seen = least(campaign_evidence.first_seen, excluded.first_seen), last_seen = excluded.last_seen
        returning 1)
      update campaigns set org_count = (select count(*) from campaign_orgs where campaign_id = ${id}) - (select count(*) from gone_orgs) + (select count(*) from members where added),
        alert_count = alert_count + (select count(*) from linked)
      where id = ${id}`.execute(tx);
    if (created) await history(tx, id, 'detected', null, w.cluster.explanation.factors);
    if (status !== 'dismissed' && status !== 'merged' && status !== 'retracted') {
      // Members hear of it; the payload names no organisation and counts none (each reads the campaign as it may see it).
      await outboxRepository.insert(tx, created ? 'campaign.detected' : 'campaign.updated', { orgIds },
        { id, title, confidence: w.confidence, severity: w.severity, techniques: w.techniques });
    }
    return { id, created, status };
  },

  /** Folds an absorbed campaign into the survivor (a new link joined them): members, alerts, evidence and links move. */
  async merge(tx: Kysely<DB>, absorbedId: string, intoId: string, reasons: Reason[]): Promise<void> {
    await sql`insert into campaign_orgs select ${intoId}::uuid, org_id, first_seen, last_seen from campaign_orgs where campaign_id = ${absorbedId} on conflict do nothing`.execute(tx);
    await sql`insert into campaign_alerts select ${intoId}::uuid, alert_day, alert_id, org_id from campaign_alerts where campaign_id = ${absorbedId} on conflict do nothing`.execute(tx);
    await sql`insert into campaign_evidence select ${intoId}::uuid, kind, value, org_ids, first_seen, last_seen from campaign_evidence where campaign_id = ${absorbedId} on conflict do nothing`.execute(tx);
    await sql`delete from campaign_links where campaign_id = ${absorbedId}`.execute(tx);
    await sql`update campaigns set org_count = (select count(*) from campaign_orgs where campaign_id = ${intoId}), alert_count = (select count(*) from campaign_alerts where campaign_id = ${intoId}),
      first_activity = least(first_activity, (select first_activity from campaigns where id = ${absorbedId})), updated_at = now() where id = ${intoId}`.execute(tx);
    const was = (await sql<{ status: string }>`update campaigns set status = 'merged', merged_into_id = ${intoId}, updated_at = now() where id = ${absorbedId} returning status`.execute(tx)).rows[0];
    if (!was) return;
    await history(tx, absorbedId, 'merged_into', intoId, reasons);
    await history(tx, intoId, 'absorbed', absorbedId, reasons);
    const audience = (await sql<{ org_id: string }>`select org_id from campaign_orgs where campaign_id = ${intoId}`.execute(tx)).rows.map((r) => r.org_id);
    await outboxRepository.insert(tx, 'campaign.updated', { orgIds: audience }, { id: absorbedId, action: 'merged', intoId });
  },

  /** Records that a campaign was split off another (a link between them turned out to be noise). */
  async split(tx: Kysely<DB>, id: string, fromId: string, reasons: Reason[]): Promise<void> {
    await history(tx, id, 'split_from', fromId, reasons);
    await history(tx, fromId, 'split_off', id, reasons);
  },

  /** The alerts a campaign holds since `sinceDay`, as the detector reads them (to tell which part of a split they belong to). */
  async alertsOf(tx: Kysely<DB>, id: string, sinceDay: string): Promise<(LinkAlert & { id: string; day: string })[]> {
    return (await sql<LinkAlert & { id: string; day: string }>`select a.id::text as id, a.day::text as day, a.org_id as "orgId", a.reporter_org_id as "reporterOrgId", 0 as at, a.severity,
        a.rsit_class as "rsitClass", a.rule_id as "ruleId", a.title, a.attack, host(a.src_ip) as "srcIp", host(a.dst_ip) as "dstIp", a.observables, a.tags
      from campaign_alerts l join alerts a on a.day = l.alert_day and a.id = l.alert_id
      where l.campaign_id = ${id} and l.alert_day >= ${sinceDay}::date`.execute(tx)).rows;
  },

  /**
   * Moves alerts of a campaign to the part split off it: they go with their incidents (which a campaign
   * reaches through its alerts); members left with no alert in the old part and no longer in its cluster
   * go, and both counts are recounted.
   */
  async moveAlerts(tx: Kysely<DB>, fromId: string, toId: string, alerts: { id: string; day: string }[], keepOrgs: string[]): Promise<void> {
    if (!alerts.length) return;
    await sql`insert into campaign_alerts (campaign_id, alert_day, alert_id, org_id)
      select ${toId}::uuid, l.alert_day, l.alert_id, l.org_id from campaign_alerts l
      join unnest(${alerts.map((a) => a.day)}::date[], ${alerts.map((a) => a.id)}::bigint[]) as t(d, a) on l.alert_day = t.d and l.alert_id = t.a
      where l.campaign_id = ${fromId} on conflict do nothing`.execute(tx);
    await sql`delete from campaign_alerts l using unnest(${alerts.map((a) => a.day)}::date[], ${alerts.map((a) => a.id)}::bigint[]) as t(d, a)
      where l.campaign_id = ${fromId} and l.alert_day = t.d and l.alert_id = t.a`.execute(tx);
    await sql`insert into campaign_orgs (campaign_id, org_id, first_seen, last_seen)
        select ${toId}::uuid, o.org_id, o.first_seen, o.last_seen from campaign_orgs o
        where o.campaign_id = ${fromId} and exists (select 1 from campaign_alerts l where l.campaign_id = ${toId} and l.org_id = o.org_id)
        on conflict (campaign_id, org_id) do update set first_seen = least(campaign_orgs.first_seen, excluded.first_seen), last_seen = greatest(campaign_orgs.last_seen, excluded.last_seen)`.execute(tx);
    await sql`delete from campaign_orgs o where o.campaign_id = ${fromId} and o.org_id <> all(${keepOrgs}::uuid[])
      and not exists (select 1 from campaign_alerts l where l.campaign_id = ${fromId} and l.org_id = o.org_id)`.execute(tx);
    for (const id of [fromId, toId]) {
      await sql`update campaigns set org_count = (select count(*) from campaign_orgs where campaign_id = ${id}), alert_count = (select count(*) from campaign_alerts where campaign_id = ${id}), updated_at = now() where id = ${id}`.execute(tx);
    }
  },

  /**
   * Retracts a campaign the engine had detected whose links turned out to be background (the reasons
   * say which and why); one the centre confirmed stays, with the reasons in its history.
   */
  async retract(tx: Kysely<DB>, id: string, reasons: Reason[]): Promise<boolean> {
    const r = await sql<{ id: string }>`update campaigns set status = 'retracted', retracted_reason = ${json(reasons)}::jsonb, updated_at = now()
      where id = ${id} and status = 'detected' returning id`.execute(tx);
    await history(tx, id, 'retracted', null, reasons);
    await sql`delete from campaign_links where campaign_id = ${id}`.execute(tx);
    if (!r.rows.length) return false;
    const audience = (await sql<{ org_id: string }>`select org_id from campaign_orgs where campaign_id = ${id}`.execute(tx)).rows.map((x) => x.org_id);
    await outboxRepository.insert(tx, 'campaign.updated', { orgIds: audience }, { id, action: 'retracted' });
    return true;
  },

  /** Keeps the mass-scanning list: an address judged internet-wide scanning, how widely seen and why. */
  async scanners(tx: Kysely<DB>, rows: { value: string; type: string; orgCount: number; sectors: string[]; reasons: Reason[]; first: Date; last: Date }[]): Promise<void> {
    if (!rows.length) return;
    await sql`insert into mass_scanners (value, type, org_count, sectors, reasons, first_seen, last_seen)
      select v, t, n, array(select jsonb_array_elements_text(s::jsonb)), r::jsonb, f, l
      from unnest(${rows.map((r) => r.value)}::text[], ${rows.map((r) => r.type)}::text[], ${rows.map((r) => r.orgCount)}::int[], ${rows.map((r) => json(r.sectors))}::text[],
        ${rows.map((r) => json(r.reasons))}::text[], ${rows.map((r) => r.first)}::timestamptz[], ${rows.map((r) => r.last)}::timestamptz[]) as x(v, t, n, s, r, f, l)
      on conflict (value) do update set org_count = greatest(mass_scanners.org_count, excluded.org_count), sectors = excluded.sectors, reasons = excluded.reasons,
        first_seen = least(mass_scanners.first_seen, excluded.first_seen), last_seen = greatest(mass_scanners.last_seen, excluded.last_seen), updated_at = now()`.execute(tx);
  },
};
