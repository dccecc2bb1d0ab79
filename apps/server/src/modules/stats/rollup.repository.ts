import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/index.ts';
import type { DailyDelta, HourlyDelta, NationalDelta, NationalHourlyDelta, OrgDelta } from './rollup.ts';

/** SQL writing the statistics roll-ups: the roll-up consumer's batches and the centre's imported history. */
export const rollupRepository = {
  /** Adds deltas (negative ones too: imported history replaced) to every roll-up, in the caller's transaction. */
  async add(tx: Kysely<DB>, d: { daily: DailyDelta[]; national: NationalDelta[]; orgs: OrgDelta[]; hourly?: HourlyDelta[]; nationalHourly?: NationalHourlyDelta[] }): Promise<void> {
    if (d.orgs.length) {
      const t = sql`unnest(${d.orgs.map((r) => r.scope)}::text[], ${d.orgs.map((r) => r.orgId)}::uuid[], ${d.orgs.map((r) => r.day)}::date[],
        ${d.orgs.map((r) => r.alerts)}::int[], ${d.orgs.map((r) => r.occurrences)}::int[]) as t(scope, org, day, a, o)`;
      // The day's running total and every later one grow by the delta; a day not yet kept starts from the last one before it.
      await sql`update stats_org_running r set alerts = r.alerts + t.a, occurrences = r.occurrences + t.o from ${t}
        where r.scope = t.scope and r.org_id = t.org and r.day >= t.day`.execute(tx);
      await sql`insert into stats_org_running (scope, org_id, day, alerts, occurrences)
        select t.scope, t.org, t.day, coalesce(p.alerts, 0) + t.a, coalesce(p.occurrences, 0) + t.o from ${t}
          left join lateral (select alerts, occurrences from stats_org_running r where r.scope = t.scope and r.org_id = t.org and r.day < t.day order by r.day desc limit 1) p on true
        on conflict (scope, org_id, day) do nothing`.execute(tx);
      await sql`insert into stats_org_scopes (scope, org_id) select distinct t.scope, t.org from ${t} on conflict do nothing`.execute(tx);
    }
    if (d.national.length) {
      await sql`insert into stats_national_daily (scope, day, dim, key, alerts, occurrences)
        select * from unnest(${d.national.map((r) => r.scope)}::text[], ${d.national.map((r) => r.day)}::date[], ${d.national.map((r) => r.dim)}::text[], ${d.national.map((r) => r.key)}::text[],
          ${d.national.map((r) => r.alerts)}::int[], ${d.national.map((r) => r.occurrences)}::int[])
        on conflict (scope, day, dim, key) do update set alerts = stats_national_daily.alerts + excluded.alerts, occurrences = stats_national_daily.occurrences + excluded.occurrences`.execute(tx);
    }
    if (d.daily.length) {
      await sql`insert into stats_alerts_daily (day, org_id, rsit_class, severity, format, sectors, province_code, alerts, occurrences, late, clamped)
        select t.day, t.org, t.cls, t.sev, t.fmt, coalesce(t.sectors::text[], '{}'), t.prov, t.a, t.o, t.l, t.c
        from unnest(${d.daily.map((r) => r.day)}::date[], ${d.daily.map((r) => r.orgId)}::uuid[], ${d.daily.map((r) => r.rsitClass)}::text[],
          ${d.daily.map((r) => r.severity)}::smallint[], ${d.daily.map((r) => r.format)}::text[], ${d.daily.map((r) => `{${r.sectors.map((s) => `"${s}"`).join(',')}}`)}::text[],
          ${d.daily.map((r) => r.provinceCode)}::text[], ${d.daily.map((r) => r.alerts)}::int[], ${d.daily.map((r) => r.occurrences)}::int[],
          ${d.daily.map((r) => r.late)}::int[], ${d.daily.map((r) => r.clamped)}::int[]) as t(day, org, cls, sev, fmt, sectors, prov, a, o, l, c)
        on conflict (day, org_id, rsit_class, severity, format) do update set alerts = stats_alerts_daily.alerts + excluded.alerts,
          occurrences = stats_alerts_daily.occurrences + excluded.occurrences, late = stats_alerts_daily.late + excluded.late,
          clamped = stats_alerts_daily.clamped + excluded.clamped, sectors = excluded.sectors, province_code = excluded.province_code`.execute(tx);
    }
    if (d.nationalHourly?.length) {
      await sql`insert into stats_national_hourly (scope, hour, alerts, occurrences)
        select * from unnest(${d.nationalHourly.map((r) => r.scope)}::text[], ${d.nationalHourly.map((r) => r.hour)}::timestamptz[],
          ${d.nationalHourly.map((r) => r.alerts)}::int[], ${d.nationalHourly.map((r) => r.occurrences)}::int[])
        on conflict (scope, hour) do update set alerts = stats_national_hourly.alerts + excluded.alerts, occurrences = stats_national_hourly.occurrences + excluded.occurrences`.execute(tx);
    }
    if (d.hourly?.length) {
      await sql`insert into stats_alerts_hourly (hour, org_id, severity, alerts, occurrences)
        select * from unnest(${d.hourly.map((r) => r.hour)}::timestamptz[], ${d.hourly.map((r) => r.orgId)}::uuid[], ${d.hourly.map((r) => r.severity)}::smallint[],
          ${d.hourly.map((r) => r.alerts)}::int[], ${d.hourly.map((r) => r.occurrences)}::int[])
        on conflict (hour, org_id, severity) do update set alerts = stats_alerts_hourly.alerts + excluded.alerts, occurrences = stats_alerts_hourly.occurrences + excluded.occurrences`.execute(tx);
    }
  },
};
