import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/index.ts';
import { outboxRepository } from '../events/index.ts';
import type { Link, LinkAlert } from './campaign-index.ts';

/** What the engine writes for one campaign after a batch. */
export interface CampaignWrite {
  linkKey: string;
  confidence: 'low' | 'medium' | 'high';
  techniques: string[];
  severity: number;
  link: Link;
  members: (LinkAlert & { id: string; day: string })[];
}

const json = (v: unknown) => JSON.stringify(v);

/** How the engine titles a campaign (`Shared infrastructure 203.0.113.0/24`); the presenter turns it back into a code. */
export const SHARED_TITLE_PREFIX = 'Shared infrastructure ';

/** SQL of campaigns: the engine's upsert, the service's reads and status changes. */
export const campaignsRepository = {
  /** Creates or refreshes a campaign, links its organisations, alerts and evidence, and announces it. */
  async upsert(tx: Kysely<DB>, w: CampaignWrite): Promise<{ id: string; created: boolean }> {
    const orgs = [...w.link.orgs];
    const first = new Date(Math.min(...orgs.map(([, s]) => s.first)));
    const last = new Date(Math.max(...orgs.map(([, s]) => s.last)));
    const label = w.link.evidence[0]?.value ?? w.linkKey;
    // Every viewer reads the title, members outside their scope included: it names the shared value, never a count.
    const title = `${SHARED_TITLE_PREFIX}${label}`;
    const c = await sql<{ id: string; created: boolean; status: string }>`insert into campaigns (link_key, title, confidence, severity, techniques, org_count, first_activity, last_activity)
      values (${w.linkKey}, ${title}, ${w.confidence}, ${w.severity}, ${w.techniques}::text[], ${orgs.length}, ${first}, ${last})
      on conflict (link_key) do update set title = excluded.title, confidence = excluded.confidence, severity = greatest(campaigns.severity, excluded.severity),
        techniques = excluded.techniques, org_count = excluded.org_count, first_activity = least(campaigns.first_activity, excluded.first_activity),
        last_activity = greatest(campaigns.last_activity, excluded.last_activity), updated_at = now()
      returning id, (xmax = 0) as created, status`.execute(tx);
    const { id, created, status } = c.rows[0]!;
    await sql`insert into campaign_orgs (campaign_id, org_id, first_seen, last_seen)
      select ${id}::uuid, o, f, l from unnest(${orgs.map(([o]) => o)}::uuid[], ${orgs.map(([, s]) => new Date(s.first))}::timestamptz[], ${orgs.map(([, s]) => new Date(s.last))}::timestamptz[]) as t(o, f, l)
      where exists (select 1 from organizations where id = o)
      on conflict (campaign_id, org_id) do update set first_seen = least(campaign_orgs.first_seen, excluded.first_seen), last_seen = greatest(campaign_orgs.last_seen, excluded.last_seen)`.execute(tx);
    // The count grows by the alerts newly linked: no recount of a campaign that may hold thousands.
    await sql`with linked as (
        insert into campaign_alerts (campaign_id, alert_day, alert_id, org_id)
        select ${id}::uuid, d, a, o from unnest(${w.members.map((m) => m.day)}::date[], ${w.members.map((m) => m.id)}::bigint[], ${w.members.map((m) => m.orgId)}::uuid[]) as t(d, a, o)
        on conflict do nothing returning 1)
      update campaigns set alert_count = alert_count + (select count(*) from linked) where id = ${id}`.execute(tx);
    const evidence = [
      ...w.link.evidence.map((e) => {
        const seen = [...e.orgs.values()];
        return { kind: e.kind, value: e.value, orgIds: [...e.orgs.keys()], first: new Date(Math.min(...seen.map((x) => x.first))), last: new Date(Math.max(...seen.map((x) => x.last))) };
      }),
      ...w.techniques.map((t) => ({ kind: 'technique', value: t, orgIds: orgs.filter(([, x]) => x.techniques.has(t)).map(([o]) => o), first, last })),
    ];
    if (evidence.length) {
      await sql`insert into campaign_evidence (campaign_id, kind, value, org_ids, first_seen, last_seen)
        select ${id}::uuid, k, v, array(select jsonb_array_elements_text(o::jsonb))::uuid[], f, l
        from unnest(${evidence.map((e) => e.kind)}::text[], ${evidence.map((e) => e.value)}::text[], ${evidence.map((e) => json(e.orgIds))}::text[],
          ${evidence.map((e) => e.first)}::timestamptz[], ${evidence.map((e) => e.last)}::timestamptz[]) as t(k, v, o, f, l)
        on conflict (campaign_id, kind, value) do update set org_ids = excluded.org_ids, last_seen = excluded.last_seen`.execute(tx);
    }
    if (status === 'dismissed' || status === 'merged') return { id, created: false };
    // Members hear of it; the payload names no organisation and counts none (each reads the campaign as it may see it).
    await outboxRepository.insert(tx, created ? 'campaign.detected' : 'campaign.updated', { orgIds: orgs.map(([o]) => o) },
      { id, title, confidence: w.confidence, severity: w.severity, techniques: w.techniques });
    return { id, created };
  },
};
