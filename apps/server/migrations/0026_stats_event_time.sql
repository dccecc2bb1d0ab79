-- Statistics by the time events happened (issue 13, items 7 and 8): late and clamped arrivals counted on
-- the event's day, imported history, an hourly roll-up of the country and each sector for surge
-- detection, surge episodes (one warning proposal each) and the watcher's last run.
-- Counts rolled up before this migration stay on the day they were received: the alerts behind them
-- may already be gone (retention), so they are not recounted.

-- Alerts of the row that arrived a day or more after their event, and those whose event time was
-- unusable (in the future, or older than the configured age) and was taken as the time received.
alter table stats_alerts_daily add column late bigint not null default 0;
alter table stats_alerts_daily add column clamped bigint not null default 0;

-- Per event hour, for the country ('') and each sector ('sector:HEALTH'): the surge watcher's input.
create table stats_national_hourly (
  scope text not null,
  hour timestamptz not null,
  alerts bigint not null,
  occurrences bigint not null,
  primary key (scope, hour)
);
insert into stats_national_hourly (scope, hour, alerts, occurrences)
  select '', hour, sum(alerts), sum(occurrences) from stats_alerts_hourly group by hour
  union all
  select 'sector:' || s.sector_code, h.hour, sum(h.alerts), sum(h.occurrences)
    from stats_alerts_hourly h join org_sectors s on s.org_id = h.org_id group by s.sector_code, h.hour;

-- Daily counts imported by the centre (CSV), kept apart so that importing a day and organisation again
-- replaces what was imported for it; the roll-ups carry them under the format 'import'.
create table stats_imported_daily (
  day date not null,
  org_id uuid not null references organizations (id),
  rsit_class text not null,
  severity smallint not null,
  sector text,
  sectors text[] not null,
  province_code text,
  alerts bigint not null,
  occurrences bigint not null,
  import_id uuid not null,
  imported_at timestamptz not null default now(),
  primary key (day, org_id, rsit_class, severity)
);

-- A sector's abnormal activity from its first signal until a day passes without one: one warning
-- proposal per episode, updated while it grows.
create table stats_surge_episodes (
  id uuid primary key default gen_random_uuid(),
  group_by text not null,
  key text not null,
  opened_at timestamptz not null,
  last_signal_at timestamptz not null,
  signals integer not null default 1,
  peak jsonb not null
);
create index stats_surge_episodes_open_idx on stats_surge_episodes (group_by, key, last_signal_at desc);
-- Each signal is stored once: a day's signal of a kind, or (hourly signals) an hour's.
alter table stats_surges add column episode_id uuid references stats_surge_episodes (id);
alter table stats_surges add column hour timestamptz not null default '1970-01-01T00:00:00Z';
alter table stats_surges drop constraint stats_surges_group_by_key_kind_day_key;
alter table stats_surges add constraint stats_surges_signal_key unique (group_by, key, kind, day, hour);

-- When the surge watcher last looked, at which hour, over how many groups (one row).
create table stats_surge_watch (
  id smallint primary key default 1 check (id = 1),
  last_run_at timestamptz not null,
  hour timestamptz not null,
  groups integer not null,
  signals integer not null
);

-- Why a proposal was discarded by the platform (its campaign was retracted or merged into another).
alter table warnings add column status_reason text;
