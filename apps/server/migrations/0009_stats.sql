-- Statistics kept current as alert batches are committed (incremental roll-ups, never scans of alerts).
-- One row per day, organisation, RSIT class, severity and format; sectors and province are the
-- organisation's at the time (as on the alerts), so history does not move when an organisation does.
create table stats_alerts_daily (
  day date not null,
  org_id uuid not null,
  rsit_class text not null,
  severity smallint not null,
  format text not null,
  sectors text[] not null,
  province_code text,
  alerts bigint not null,
  occurrences bigint not null,
  primary key (day, org_id, rsit_class, severity, format)
);

create index stats_alerts_daily_org_idx on stats_alerts_daily (org_id, day);
create index stats_alerts_daily_province_idx on stats_alerts_daily (province_code, day);
create index stats_alerts_daily_sectors_idx on stats_alerts_daily using gin (sectors);

-- The national picture without filters, and each sector's and province's, the dashboard's hot path:
-- per day and scope ('' = the country, 'sector:HEALTH', 'province:79'), one row per value of each
-- dimension (total, sector, province, class, severity, format): a few thousand rows a month.
create table stats_national_daily (
  scope text not null,
  day date not null,
  dim text not null,
  key text not null,
  alerts bigint not null,
  occurrences bigint not null,
  primary key (scope, day, dim, key)
);

-- Per scope and organisation, running totals through each day with alerts: an organisation's count
-- for any period is two index lookups (through `to` minus through the day before `from`), so ranking
-- a thousand organisations over half a year does not sum half a year of rows.
create table stats_org_running (
  scope text not null,
  org_id uuid not null,
  day date not null,
  alerts bigint not null,
  occurrences bigint not null,
  primary key (scope, org_id, day)
);
create table stats_org_scopes (
  scope text not null,
  org_id uuid not null,
  primary key (scope, org_id)
);

-- Per hour and organisation, for live counters and the last day's trend.
create table stats_alerts_hourly (
  hour timestamptz not null,
  org_id uuid not null,
  severity smallint not null,
  alerts bigint not null,
  occurrences bigint not null,
  primary key (hour, org_id, severity)
);

-- What is already stored is counted once here; the roll-up consumer starts after it.
insert into stats_alerts_daily (day, org_id, rsit_class, severity, format, sectors, province_code, alerts, occurrences)
  select day, org_id, coalesce(rsit_class, ''), severity, format, max(sectors), max(province_code), count(*), sum(occurrences)
  from alerts group by day, org_id, coalesce(rsit_class, ''), severity, format;
-- begin derived roll-ups (bench/stats.ts runs this part again after seeding the daily rows)
insert into stats_national_daily (scope, day, dim, key, alerts, occurrences)
  select scope, day, dim, key, sum(alerts), sum(occurrences) from (
    select r.*, x.scope from stats_alerts_daily r
      cross join lateral (select '' as scope union all select 'sector:' || unnest(r.sectors) union all select 'province:' || r.province_code where r.province_code is not null) x
  ) s cross join lateral (values ('total', ''), ('province', coalesce(s.province_code, '')), ('class', s.rsit_class), ('severity', s.severity::text),
      ('format', s.format)) d(dim, key)
  group by scope, day, dim, key
  union all
  select x.scope, r.day, 'sector', sector, sum(r.alerts), sum(r.occurrences) from stats_alerts_daily r cross join lateral unnest(r.sectors) sector
    cross join lateral (select '' as scope union all select 'sector:' || sector union all select 'province:' || r.province_code where r.province_code is not null) x
  group by x.scope, r.day, sector;
insert into stats_org_running (scope, org_id, day, alerts, occurrences)
  select scope, org_id, day, sum(sum(alerts)) over w, sum(sum(occurrences)) over w from (
    select x.scope, r.org_id, r.day, r.alerts, r.occurrences from stats_alerts_daily r
      cross join lateral (select '' as scope union all select 'sector:' || unnest(r.sectors) union all select 'province:' || r.province_code where r.province_code is not null) x
  ) s group by scope, org_id, day
  window w as (partition by scope, org_id order by day);
insert into stats_org_scopes (scope, org_id) select distinct scope, org_id from stats_org_running;
-- end derived roll-ups
insert into stats_alerts_hourly (hour, org_id, severity, alerts, occurrences)
  select date_trunc('hour', received_at), org_id, severity, count(*), sum(occurrences)
  from alerts where received_at > now() - interval '2 days' group by 1, 2, 3;
insert into consumer_offsets (name, last_id) select 'stats', coalesce(max(id), 0) from outbox
  on conflict (name) do update set last_id = excluded.last_id;

-- Surge signals raised (once each) by the watcher, with their evidence.
create table stats_surges (
  id uuid primary key default gen_random_uuid(),
  group_by text not null,
  key text not null,
  kind text not null,
  day date not null,
  evidence jsonb not null,
  raised_at timestamptz not null default now(),
  unique (group_by, key, kind, day)
);
