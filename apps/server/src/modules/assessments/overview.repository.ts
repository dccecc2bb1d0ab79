import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../../db/index.ts';

export type OrgTallyRow = {
  org_id: string | null; security_level: number | null; tasks: number; submitted: number; applicable: number; answered: number;
  met: number; partly: number; not_met: number; not_applicable: number;
};
export type ReqCountRow = { req_id: string; met: number; partly: number; not_met: number; not_applicable: number };
export type WorstRow = { id: string; system_id: string; system_name: string; org_id: string; org_name: string; security_level: number | null; not_met: number; partly: number };
export type GapRow = { system_id: string; system_name: string; org_id: string; org_name: string; security_level: number | null; no_provider: boolean; no_connection: boolean };
export type TrendRow = {
  campaign_id: string; title: string; catalogue_id: string; due_date: string; tasks: number; submitted: number; met: number; applicable: number; answered: number; not_applicable: number;
};

export type FoldedRow = Omit<OrgTallyRow, 'org_id' | 'security_level'> & { dim: 'total' | 'province' | 'ministry' | 'sector'; key: string | null; no_provider: number; no_connection: number };
const SUMS = sql`coalesce(sum(tasks), 0)::int as tasks, coalesce(sum(submitted), 0)::int as submitted, coalesce(sum(applicable), 0)::int as applicable,
  coalesce(sum(answered), 0)::int as answered, coalesce(sum(met), 0)::int as met, coalesce(sum(partly), 0)::int as partly, coalesce(sum(not_met), 0)::int as not_met,
  coalesce(sum(not_applicable), 0)::int as not_applicable`;

/**
 * The rows of a per-organisation table (keyed by campaign, then organisation) for the subtree `orgIds`
 * (null: all), as `alias`: the subtree drives index look-ups instead of a filter over every organisation's rows.
 */
const subtreeRows = (table: RawBuilder<unknown>, alias: string, campaignId: string, orgIds: string[] | null) => orgIds
  ? sql`unnest(${orgIds}::uuid[]) as scope_org(id) join ${table} ${sql.raw(alias)} on ${sql.ref(`${alias}.campaign_id`)} = ${campaignId} and ${sql.ref(`${alias}.org_id`)} = scope_org.id`
  : sql`${table} ${sql.raw(alias)}`;

/** SQL of a campaign's overview: tallies by organisation and level, counts by requirement, the worst systems, the gaps. */
export const overviewRepository = {
  /**
   * The roll-up folded in SQL, one round trip of a few hundred rows: the total (with the tasks of owners
   * lacking a provider or a live connector), by province, by sector, and by `ministry key` (the owner
   * itself when a ministry, else its parent: the caller maps a key to its nearest ministry).
   */
  async folded(db: Kysely<DB>, campaignId: string, orgIds: string[] | null, providers: string[], live: string[]): Promise<FoldedRow[]> {
    return (await sql<FoldedRow>`with x as materialized (select r.*, o.province_code, case when o.kind = 'ministry' then o.id else o.parent_id end as mkey
        from ${subtreeRows(sql`assessment_org_tallies`, 'r', campaignId, orgIds)} join organizations o on o.id = r.org_id where r.campaign_id = ${campaignId} and r.tasks > 0)
      select 'total' as dim, null as key, ${SUMS}, coalesce(sum(tasks) filter (where p.id is null), 0)::int as no_provider,
        coalesce(sum(tasks) filter (where l.id is null), 0)::int as no_connection
        from x left join unnest(${providers}::uuid[]) as p(id) on p.id = x.org_id left join unnest(${live}::uuid[]) as l(id) on l.id = x.org_id
      union all select 'province', province_code, ${SUMS}, 0, 0 from x group by province_code
      union all select 'ministry', mkey::text, ${SUMS}, 0, 0 from x group by mkey
      union all select 'sector', s.sector_code, ${SUMS}, 0, 0 from x join org_sectors s on s.org_id = x.org_id group by s.sector_code`.execute(db)).rows;
  },

  /** Tallies per security level: the national roll-up, or a subtree's tasks (a few thousand at most, by the owner index). */
  async levels(db: Kysely<DB>, campaignId: string, orgIds: string[] | null): Promise<OrgTallyRow[]> {
    if (!orgIds) {
      return (await sql<OrgTallyRow>`select null::uuid as org_id, nullif(r.security_level, 0)::int as security_level, r.tasks, r.submitted, r.applicable, r.answered,
          r.met, r.partly, r.not_met, r.not_applicable
        from assessment_level_tallies r where r.campaign_id = ${campaignId} and r.tasks > 0`.execute(db)).rows;
    }
    return (await sql<OrgTallyRow>`select null::uuid as org_id, t.security_level, count(*)::int as tasks, count(*) filter (where t.version > 0)::int as submitted,
        sum(t.applicable)::int as applicable, sum(t.answered)::int as answered, sum(t.met)::int as met, sum(t.partly)::int as partly,
        sum(t.not_met)::int as not_met, sum(t.not_applicable)::int as not_applicable
      from assessment_tasks t where t.org_id = any(${orgIds}::uuid[]) and t.campaign_id = ${campaignId} group by t.security_level`.execute(db)).rows;
  },

  async byRequirement(db: Kysely<DB>, campaignId: string, orgIds: string[] | null): Promise<ReqCountRow[]> {
    const q = orgIds
      ? sql<ReqCountRow>`select c.req_id, sum(c.met)::int as met, sum(c.partly)::int as partly, sum(c.not_met)::int as not_met, sum(c.not_applicable)::int as not_applicable
          from ${subtreeRows(sql`assessment_org_requirement_counts`, 'c', campaignId, orgIds)} group by c.req_id`
      : sql<ReqCountRow>`select req_id, sum(met)::int as met, sum(partly)::int as partly, sum(not_met)::int as not_met, sum(not_applicable)::int as not_applicable
          from assessment_requirement_counts where campaign_id = ${campaignId} group by req_id`;
    return (await q.execute(db)).rows;
  },

  /** Level 4-5 systems with the most unmet requirements. */
  async worst(db: Kysely<DB>, campaignId: string, orgIds: string[] | null, limit: number): Promise<WorstRow[]> {
    return (await sql<WorstRow>`select t.id, t.system_id, s.name as system_name, t.org_id, o.name as org_name, t.security_level, t.not_met, t.partly
      from (select t.* from ${subtreeRows(sql`assessment_tasks`, 't', campaignId, orgIds)} where t.campaign_id = ${campaignId} and t.security_level >= 4
        order by t.not_met desc, t.partly desc limit ${limit}) t
      join information_systems s on s.id = t.system_id join organizations o on o.id = t.org_id order by t.not_met desc, t.partly desc`.execute(db)).rows;
  },

  /** Owners monitored by a SOC provider, and owners with a connector that sent alerts lately (layers 2 and 4). */
  async coveredOrgs(db: Kysely<DB>, liveSince: Date): Promise<{ providers: Set<string>; live: Set<string> }> {
    const [p, l] = await Promise.all([
      sql<{ id: string }>`select distinct client_id as id from soc_links`.execute(db),
      sql<{ id: string }>`select distinct org_id as id from alert_sources where last_seen_at >= ${liveSince}`.execute(db),
    ]);
    return { providers: new Set(p.rows.map((r) => r.id)), live: new Set(l.rows.map((r) => r.id)) };
  },

  /** Targeted systems whose owner lacks a provider or a live connector, highest level first. */
  async gapSystems(db: Kysely<DB>, campaignId: string, orgIds: string[] | null, providers: string[], live: string[], limit: number): Promise<GapRow[]> {
    // Sets joined, not `= any(array)` per row: the live connectors may number thousands.
    return (await sql<GapRow>`select t.system_id, s.name as system_name, t.org_id, o.name as org_name, t.security_level,
        p.id is null as no_provider, l.id is null as no_connection
      from ${subtreeRows(sql`assessment_tasks`, 't', campaignId, orgIds)} join information_systems s on s.id = t.system_id join organizations o on o.id = t.org_id
        left join (select distinct unnest(${providers}::uuid[]) as id) p on p.id = t.org_id left join (select distinct unnest(${live}::uuid[]) as id) l on l.id = t.org_id
      where t.campaign_id = ${campaignId} and (p.id is null or l.id is null)
      order by t.security_level desc nulls last limit ${limit}`.execute(db)).rows;
  },

  /** The latest 24 campaigns' totals, oldest first (national from the level roll-up, a subtree from its organisations' roll-up rows). */
  async trends(db: Kysely<DB>, orgIds: string[] | null): Promise<TrendRow[]> {
    const rollup = orgIds
      ? sql`select r.campaign_id, sum(r.tasks)::int as tasks, sum(r.submitted)::int as submitted, sum(r.met)::int as met, sum(r.applicable)::int as applicable,
          sum(r.answered)::int as answered, sum(r.not_applicable)::int as not_applicable
        from assessment_org_tallies r where r.org_id = any(${orgIds}::uuid[]) group by r.campaign_id`
      : sql`select r.campaign_id, sum(r.tasks)::int as tasks, sum(r.submitted)::int as submitted, sum(r.met)::int as met, sum(r.applicable)::int as applicable,
          sum(r.answered)::int as answered, sum(r.not_applicable)::int as not_applicable
        from assessment_level_tallies r group by r.campaign_id`;
    return (await sql<TrendRow>`select c.id as campaign_id, c.title, c.catalogue_id, to_char(c.due_date, 'YYYY-MM-DD') as due_date, x.tasks, x.submitted, x.met, x.applicable,
        x.answered, x.not_applicable
      from (${rollup}) x join assessment_campaigns c on c.id = x.campaign_id where x.tasks > 0 order by c.due_date desc, c.created_at desc limit 24`.execute(db)).rows.reverse();
  },

  /** The campaign on the same catalogue that came before this one (by due date, then launch). */
  async previous(db: Kysely<DB>, c: { id: string; catalogue_id: string; due_date: string; created_at: Date }): Promise<{ id: string; title: string; due_date: string } | null> {
    return (await sql<{ id: string; title: string; due_date: string }>`select id, title, to_char(due_date, 'YYYY-MM-DD') as due_date from assessment_campaigns
      where catalogue_id = ${c.catalogue_id} and id <> ${c.id} and (due_date, created_at) < (${c.due_date}::date, ${c.created_at})
      order by due_date desc, created_at desc limit 1`.execute(db)).rows[0] ?? null;
  },

  async orgNames(db: Kysely<DB>, ids: string[]): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    const r = await sql<{ id: string; name: string }>`select id, name from organizations where id = any(${ids}::uuid[])`.execute(db);
    return new Map(r.rows.map((o) => [o.id, o.name]));
  },
};
