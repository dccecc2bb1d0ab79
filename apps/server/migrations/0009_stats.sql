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
insert into stats_alerts_hourly (hour, org_id, severity, alerts, occurrences)
  select date_trunc('hour', received_at), org_id, severity, count(*), sum(occurrences)
  from alerts where received_at > now() - interval '2 days' group by 1, 2, 3;
insert into consumer_offsets (name, last_id) select 'stats', coalesce(max(id), 0) from outbox
  on conflict (name) do update set last_id = excluded.last_id;
