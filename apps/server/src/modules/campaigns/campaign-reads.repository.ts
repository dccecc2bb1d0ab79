import { sql, type Kysely } from 'kysely';
import type { CampaignListQuery } from '@lachan/contracts';
import type { DB } from '../../db/index.ts';
import { visibleIncidentSql, type IncidentVisibility } from '../incidents/index.ts';
import type { CampaignRow } from './campaigns.presenter.ts';

/** Organisations whose campaigns, alerts and names the caller reaches; null for the national centre. */
export type CampaignScope = string[] | null;

type ListRow = CampaignRow & { orgs: string[] | null };
type EvidenceRow = { kind: 'observable' | 'network' | 'technique'; value: string; org_ids: string[]; first_seen: Date; last_seen: Date };

/** The alerts of a campaign the caller counts: all for the centre, else only those of organisations in scope. */
const visibleAlerts = (scope: CampaignScope) => (scope === null ? sql`c.alert_count`
  : sql`(select count(*)::int from campaign_alerts l where l.campaign_id = c.id and l.org_id = any(${scope}::uuid[]))`);

/** The campaign's shared techniques the caller may know: those an organisation in scope saw (all for the centre). */
const visibleTechniques = (scope: CampaignScope) => (scope === null ? sql`c.techniques`
  : sql`array(select t from unnest(c.techniques) as t where exists (select 1 from campaign_evidence e
      where e.campaign_id = c.id and e.kind = 'technique' and e.value = t and e.org_ids && ${scope}::uuid[]) order by t)`);

/** SQL reading campaigns for a caller: every query takes the caller's scope. */
export const campaignReads = {
  /**
   * Campaigns touching the caller's organisations, newest activity first. `orgId` must already be one
   * the caller may see (the service answers 403 otherwise); `sector` matches any member, as the
   * per-sector counts the caller is shown do.
   */
  async list(db: Kysely<DB>, scope: CampaignScope, q: CampaignListQuery): Promise<ListRow[]> {
    const status = q.status ?? null;
    const r = await sql<ListRow>`select c.*, ${visibleAlerts(scope)} as visible_alerts, ${visibleTechniques(scope)} as visible_techniques,
        array(select org_id::text from campaign_orgs where campaign_id = c.id order by org_id) as orgs
      from campaigns c
      where (${scope === null} or exists (select 1 from campaign_orgs m where m.campaign_id = c.id and m.org_id = any(${scope ?? []}::uuid[])))
        and (${status}::text is null or c.status = ${status} or (${status} = 'active' and c.status in ('detected', 'confirmed')))
        and (${q.confidence ?? null}::text is null or c.confidence = ${q.confidence ?? null})
        and (${q.orgId ?? null}::uuid is null or exists (select 1 from campaign_orgs m where m.campaign_id = c.id and m.org_id = ${q.orgId ?? null}))
        and (${q.sector ?? null}::text is null or exists (select 1 from campaign_orgs m join org_sectors s on s.org_id = m.org_id
          where m.campaign_id = c.id and s.sector_code = ${q.sector ?? null}))
      order by c.last_activity desc, c.id limit ${q.limit ?? 100}`.execute(db);
    return r.rows;
  },

  async byId(db: Kysely<DB>, scope: CampaignScope, id: string): Promise<CampaignRow | undefined> {
    return (await sql<CampaignRow>`select c.*, ${visibleAlerts(scope)} as visible_alerts, ${visibleTechniques(scope)} as visible_techniques
      from campaigns c where c.id = ${id}`.execute(db)).rows[0];
  },

  /** Every member (the service names only those in scope and counts the others). */
  async members(db: Kysely<DB>, id: string): Promise<{ org_id: string; name: string; first_seen: Date; last_seen: Date }[]> {
    return (await sql<{ org_id: string; name: string; first_seen: Date; last_seen: Date }>`select m.org_id, o.name, m.first_seen, m.last_seen
      from campaign_orgs m join organizations o on o.id = m.org_id where m.campaign_id = ${id} order by m.first_seen, m.org_id`.execute(db)).rows;
  },

  /** Evidence seen by at least one organisation in scope (values only others saw stay out). */
  async evidence(db: Kysely<DB>, scope: CampaignScope, id: string): Promise<EvidenceRow[]> {
    return (await sql<EvidenceRow>`select kind, value, org_ids::text[] as org_ids, first_seen, last_seen from campaign_evidence
      where campaign_id = ${id} and (${scope === null} or org_ids && ${scope ?? []}::uuid[]) order by kind, value`.execute(db)).rows;
  },

  /** Where a merged campaign went: the survivor at the end of its chain of merges (itself when not merged). */
  async survivorOf(db: Kysely<DB>, id: string): Promise<string> {
    let at = id;
    for (let i = 0; i < 16; i++) {
      const next = (await sql<{ merged_into_id: string | null }>`select merged_into_id from campaigns where id = ${at} and status = 'merged'`.execute(db)).rows[0]?.merged_into_id;
      if (!next) return at;
      at = next;
    }
    return at;
  },
  /** What happened to the campaign and why, oldest first. */
  async history(db: Kysely<DB>, id: string): Promise<{ at: Date; action: string; other_campaign_id: string | null; reasons: unknown }[]> {
    return (await sql<{ at: Date; action: string; other_campaign_id: string | null; reasons: unknown }>`select at, action, other_campaign_id, reasons
      from campaign_history where campaign_id = ${id} order by at, id`.execute(db)).rows;
  },
  /** Addresses judged internet-wide scanning, seen since `since`, most widely seen first. */
  async massScanners(db: Kysely<DB>, since: Date, limit: number): Promise<{ value: string; type: string; org_count: number; sectors: string[]; reasons: unknown; first_seen: Date; last_seen: Date }[]> {
    return (await sql<{ value: string; type: string; org_count: number; sectors: string[]; reasons: unknown; first_seen: Date; last_seen: Date }>`select value, type, org_count, sectors, reasons, first_seen, last_seen
      from mass_scanners where last_seen >= ${since} order by org_count desc, value limit ${limit}`.execute(db)).rows;
  },
  /** The latest alerts of the named members. */
  async alerts(db: Kysely<DB>, id: string, named: string[]): Promise<{ id: string; org_id: string; title: string; severity: number; last_seen: Date }[]> {
    return (await sql<{ id: string; org_id: string; title: string; severity: number; last_seen: Date }>`select to_char(a.day, 'YYYYMMDD') || '-' || a.id as id,
        a.org_id, a.title, a.severity, a.last_seen
      from campaign_alerts l join alerts a on a.day = l.alert_day and a.id = l.alert_id
      where l.campaign_id = ${id} and l.org_id = any(${named}::uuid[]) order by a.last_seen desc limit 500`.execute(db)).rows;
  },

  /** Incidents holding the named members' campaign alerts, only those the caller may open (the incidents policy in SQL). */
  async incidents(db: Kysely<DB>, id: string, named: string[], vis: IncidentVisibility): Promise<{ id: string; org_id: string; title: string; title_code: string | null; title_params: Record<string, string> | null; status: string }[]> {
    return (await sql<{ id: string; org_id: string; title: string; title_code: string | null; title_params: Record<string, string> | null; status: string }>`select distinct i.id, i.org_id, i.title, i.title_code, i.title_params, i.status from campaign_alerts l
      join incident_alerts ia on ia.alert_day = l.alert_day and ia.alert_id = l.alert_id join incidents i on i.id = ia.incident_id
      where l.campaign_id = ${id} and l.org_id = any(${named}::uuid[]) and i.org_id = any(${named}::uuid[]) and ${visibleIncidentSql(vis, 'i')}
      order by i.title, i.id`.execute(db)).rows;
  },
};
