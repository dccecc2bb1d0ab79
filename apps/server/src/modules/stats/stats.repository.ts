import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../../db/index.ts';
import { visibleIncidentSql, type IncidentVisibility } from '../incidents/index.ts';

/** A statistics question: a period, the caller's organisations (null = all) and optional filters. */
export interface StatsFilter {
  from: string;
  to: string;
  orgIds: string[] | null;
  sector?: string;
  province?: string;
  orgId?: string;
  rsitClass?: string;
  minSeverity?: number;
}

export type CountRow = { key: string; alerts: number; occurrences: number };
type Grouped = CountRow & { dim: string };

function where(f: StatsFilter, alias = 's'): RawBuilder<unknown> {
  const c = (col: string) => sql.ref(`${alias}.${col}`);
  const w: RawBuilder<unknown>[] = [sql`${c('day')} between ${f.from}::date and ${f.to}::date`];
  if (f.orgIds) w.push(sql`${c('org_id')} = any(${f.orgIds}::uuid[])`);
  if (f.orgId) w.push(sql`${c('org_id')} = ${f.orgId}`);
  if (f.sector) w.push(sql`${c('sectors')} @> array[${f.sector}]::text[]`);
  if (f.province) w.push(sql`${c('province_code')} = ${f.province}`);
  if (f.rsitClass) w.push(sql`${c('rsit_class')} = ${f.rsitClass}`);
  if (f.minSeverity) w.push(sql`${c('severity')} >= ${f.minSeverity}`);
  return sql.join(w, sql` and `);
}

const sums = sql`sum(alerts)::bigint::int as alerts, sum(occurrences)::bigint::int as occurrences`;

/** SQL of the statistics roll-ups: written by the roll-up consumer, read by the dashboard. */
export const statsRepository = {
  /** Every single-dimension breakdown and the total, in one pass over the period's roll-up rows. */
  async breakdowns(db: Kysely<DB>, f: StatsFilter): Promise<Map<string, CountRow[]>> {
    const r = await sql<Grouped & { orgs: number; late: number; clamped: number }>`select
        case when grouping(day) = 0 then 'day' when grouping(province_code) = 0 then 'province' when grouping(rsit_class) = 0 then 'class'
          when grouping(severity) = 0 then 'severity' when grouping(format) = 0 then 'format' when grouping(org_id) = 0 then 'org' else 'total' end as dim,
        coalesce(day::text, province_code, rsit_class, severity::text, format, org_id::text, '') as key, ${sums}, count(distinct org_id)::int as orgs,
        sum(late)::bigint::int as late, sum(clamped)::bigint::int as clamped
      from stats_alerts_daily s where ${where(f)}
      group by grouping sets ((day), (province_code), (rsit_class), (severity), (format), (org_id), ())`.execute(db);
    const out = new Map<string, CountRow[]>();
    for (const row of r.rows) {
      const key = row.dim === 'total' ? String(row.orgs) : row.key;
      (out.get(row.dim) ?? out.set(row.dim, []).get(row.dim)!).push({ key, alerts: row.alerts, occurrences: row.occurrences });
      if (row.dim === 'total') out.set('arrival', [{ key: 'late', alerts: row.late, occurrences: 0 }, { key: 'clamped', alerts: row.clamped, occurrences: 0 }]);
    }
    return out;
  },

  /**
   * The same breakdowns for the whole country, one sector or one province, from the national roll-up
   * (a few thousand rows a month); the `total` entry's key is the number of organisations with alerts.
   */
  async nationalBreakdowns(db: Kysely<DB>, scope: string, from: string, to: string): Promise<Map<string, CountRow[]>> {
    const r = await sql<Grouped>`select dim, key, ${sums} from stats_national_daily where scope = ${scope} and day between ${from}::date and ${to}::date and dim <> 'total' group by dim, key
      union all select 'day', day::text, ${sums} from stats_national_daily where scope = ${scope} and day between ${from}::date and ${to}::date and dim = 'total' group by day`.execute(db);
    const out = new Map<string, CountRow[]>();
    for (const row of r.rows) (out.get(row.dim) ?? out.set(row.dim, []).get(row.dim)!).push({ key: row.key, alerts: row.alerts, occurrences: row.occurrences });
    out.set('org', await statsRepository.orgTotals(db, scope, from, to));
    const days = out.get('day') ?? [];
    const total = days.reduce((t, d) => ({ alerts: t.alerts + d.alerts, occurrences: t.occurrences + d.occurrences }), { alerts: 0, occurrences: 0 });
    out.set('total', [{ key: String(out.get('org')?.length ?? 0), ...total }]);
    return out;
  },

  /** Each organisation's alerts in the period within a scope, from its running totals (two lookups each). */
  async orgTotals(db: Kysely<DB>, scope: string, from: string, to: string): Promise<CountRow[]> {
    const r = await sql<CountRow>`select s.org_id::text as key, (coalesce(b.alerts, 0) - coalesce(a.alerts, 0))::int as alerts, (coalesce(b.occurrences, 0) - coalesce(a.occurrences, 0))::int as occurrences
      from stats_org_scopes s
        left join lateral (select alerts, occurrences from stats_org_running r where r.scope = s.scope and r.org_id = s.org_id and r.day <= ${to}::date order by r.day desc limit 1) b on true
        left join lateral (select alerts, occurrences from stats_org_running r where r.scope = s.scope and r.org_id = s.org_id and r.day < ${from}::date order by r.day desc limit 1) a on true
      where s.scope = ${scope} and coalesce(b.occurrences, 0) > coalesce(a.occurrences, 0)`.execute(db);
    return r.rows;
  },

  /**
   * The first day with any alert for the question (its filters and organisations, any period), or
   * null: forecasts start there, so days before data began are not taken for quiet days.
   */
  async firstDay(db: Kysely<DB>, f: Omit<StatsFilter, 'from' | 'to'>, nationalScope: string | null): Promise<string | null> {
    const r = nationalScope !== null
      ? await sql<{ day: string | null }>`select min(day)::text as day from stats_national_daily where scope = ${nationalScope} and alerts > 0`.execute(db)
      : await sql<{ day: string | null }>`select min(day)::text as day from stats_alerts_daily s where ${where({ ...f, from: '0001-01-01', to: '9999-12-31' })} and alerts > 0`.execute(db);
    return r.rows[0]?.day ?? null;
  },

  /** Daily counts per value of one dimension for the country, a sector or a province, from the national roll-up. */
  async nationalSeries(db: Kysely<DB>, scope: string, from: string, to: string, dim: string): Promise<(CountRow & { day: string })[]> {
    const r = await sql<CountRow & { day: string }>`select day::text as day, key, alerts::int as alerts, occurrences::int as occurrences from stats_national_daily
      where scope = ${scope} and day between ${from}::date and ${to}::date and dim = ${dim} order by day`.execute(db);
    return r.rows;
  },

  /** Per sector: an organisation in several sectors counts in each. */
  async bySector(db: Kysely<DB>, f: StatsFilter): Promise<CountRow[]> {
    const r = await sql<CountRow>`select sector as key, ${sums} from stats_alerts_daily s cross join lateral unnest(s.sectors) as sector
      where ${where(f)} ${f.sector ? sql`and sector = ${f.sector}` : sql``} group by sector order by 3 desc`.execute(db);
    return r.rows;
  },

  /** Occurrences received in the current clock hour and today (`within`: only these organisations). */
  async live(db: Kysely<DB>, f: StatsFilter, within: string[] | null): Promise<{ thisHour: number; today: number }> {
    const scope = sql`${f.orgIds ? sql`and org_id = any(${f.orgIds}::uuid[])` : sql``} ${within ? sql`and org_id = any(${within}::uuid[])` : sql``}`;
    const org = f.orgId ? sql`and org_id = ${f.orgId}` : sql``;
    const r = await sql<{ this_hour: number; today: number }>`select
        coalesce(sum(occurrences) filter (where hour = date_trunc('hour', now())), 0)::bigint::int as this_hour,
        coalesce(sum(occurrences) filter (where hour >= date_trunc('day', now())), 0)::bigint::int as today
      from stats_alerts_hourly where hour >= date_trunc('day', now()) ${scope} ${org}`.execute(db);
    return { thisHour: r.rows[0]?.this_hour ?? 0, today: r.rows[0]?.today ?? 0 };
  },

  /** Daily counts per group for the period (only days with data; the service fills the gaps). */
  async series(db: Kysely<DB>, f: StatsFilter, groupBy: string): Promise<(CountRow & { day: string })[]> {
    const key = groupBy === 'sector' ? sql`sector` : groupBy === 'province' ? sql`coalesce(province_code, '')` : groupBy === 'class' ? sql`rsit_class`
      : groupBy === 'severity' ? sql`severity::text` : groupBy === 'format' ? sql`format` : groupBy === 'org' ? sql`org_id::text` : sql`''`;
    const from = groupBy === 'sector' ? sql`stats_alerts_daily s cross join lateral unnest(s.sectors) as sector` : sql`stats_alerts_daily s`;
    const r = await sql<CountRow & { day: string }>`select day::text as day, ${key} as key, ${sums} from ${from} where ${where(f)} group by 1, 2 order by 1`.execute(db);
    return r.rows;
  },

  async orgNames(db: Kysely<DB>, ids: string[]): Promise<Map<string, string>> {
    return new Map([...(await statsRepository.orgLabels(db, ids))].map(([id, l]) => [id, l.name]));
  },

  /** Vietnamese and English names of organisations. */
  async orgLabels(db: Kysely<DB>, ids: string[]): Promise<Map<string, { name: string; nameEn: string | null }>> {
    if (!ids.length) return new Map();
    const r = await db.selectFrom('organizations').select(['id', 'name', 'name_en']).where('id', 'in', ids).execute();
    return new Map(r.map((o) => [o.id, { name: o.name, nameEn: o.name_en }]));
  },

  /**
   * Campaigns detected or confirmed with activity in the period (touching the caller's organisations),
   * and warnings issued and still valid (sent to them); the centre counts all.
   */
  async campaignsAndWarnings(db: Kysely<DB>, f: StatsFilter): Promise<{ campaigns: number; warnings: number }> {
    const c = await sql<{ n: number }>`select count(*)::int as n from campaigns c where c.status in ('detected', 'confirmed')
        and c.last_activity >= ${f.from}::date and c.first_activity < ${f.to}::date + 1
        ${f.orgIds ? sql`and exists (select 1 from campaign_orgs o where o.campaign_id = c.id and o.org_id = any(${f.orgIds}::uuid[]))` : sql``}`.execute(db);
    const w = await sql<{ n: number }>`select count(*)::int as n from warnings w where w.status = 'issued' and (w.valid_until is null or w.valid_until > now())
        ${f.orgIds ? sql`and exists (select 1 from warning_recipients r where r.warning_id = w.id and r.org_id = any(${f.orgIds}::uuid[]))` : sql``}`.execute(db);
    return { campaigns: c.rows[0]!.n, warnings: w.rows[0]!.n };
  },

  /**
   * Incidents open now, and opened / closed in the period, in the caller's organisations (`within`: only
   * these), counting only incidents the caller may open (the incidents policy: never a unit's RED).
   */
  async incidents(db: Kysely<DB>, f: StatsFilter, within: string[] | null, vis: IncidentVisibility): Promise<{ open: number; opened: number; closed: number; bySeverity: CountRow[] }> {
    // An exercise's incidents are never real activity (issue 17).
    const scope = sql`and exercise_id is null and ${visibleIncidentSql(vis, 'incidents')} ${f.orgIds ? sql`and org_id = any(${f.orgIds}::uuid[])` : sql``}
      ${within ? sql`and org_id = any(${within}::uuid[])` : sql``}`;
    const org = f.orgId ? sql`and org_id = ${f.orgId}` : sql``;
    const r = await sql<{ open: number; opened: number; closed: number }>`select
        count(*) filter (where status not in ('closed', 'rejected'))::int as open,
        count(*) filter (where created_at::date between ${f.from}::date and ${f.to}::date)::int as opened,
        count(*) filter (where status = 'closed' and closed_at::date between ${f.from}::date and ${f.to}::date)::int as closed
      from incidents where true ${scope} ${org}`.execute(db);
    const s = await sql<CountRow>`select severity::text as key, count(*)::int as alerts, count(*)::int as occurrences from incidents
      where status not in ('closed', 'rejected') ${scope} ${org} group by 1 order by 1`.execute(db);
    return { ...r.rows[0]!, bySeverity: s.rows };
  },
};
