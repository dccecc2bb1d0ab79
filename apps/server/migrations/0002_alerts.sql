-- Alert relay: connectors, registered assets, alerts (partitioned by day of receipt), quarantine,
-- promotion rules and the minimal incidents they open.

-- A connector: one API key sending one format, or one syslog sender address.
create table alert_sources (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references organizations (id),
  name text not null,
  format text not null check (format in ('lachan', 'ecs', 'wazuh', 'suricata', 'cef', 'syslog')),
  api_key_id uuid references api_keys (id),
  syslog_address text,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz,
  accepted bigint not null default 0,
  duplicates bigint not null default 0,
  rejected bigint not null default 0,
  check ((api_key_id is null) <> (syslog_address is null))
);
create unique index alert_sources_key_format_idx on alert_sources (api_key_id, format) where api_key_id is not null;
create unique index alert_sources_syslog_idx on alert_sources (syslog_address) where syslog_address is not null;

-- Per-minute counters of each connector, for its rate and error trend.
create table source_minutes (
  source_id uuid not null references alert_sources (id) on delete cascade,
  minute timestamptz not null,
  accepted integer not null default 0,
  duplicates integer not null default 0,
  rejected integer not null default 0,
  primary key (source_id, minute)
);

-- What an organisation owns, so that alerts about it are attributed to it.
create table assets (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references organizations (id),
  kind text not null check (kind in ('cidr', 'domain', 'hostname')),
  value text not null,
  description text,
  created_at timestamptz not null default now(),
  unique (kind, value)
);
create index assets_org_idx on assets (org_id);

create table alerts (
  id bigserial not null,
  day date not null,
  fingerprint text not null,
  org_id uuid not null,
  reporter_org_id uuid not null,
  source_id uuid,
  attributed boolean not null default false,
  format text not null,
  source_ref text,
  event_time timestamptz not null,
  received_at timestamptz not null,
  first_seen timestamptz not null,
  last_seen timestamptz not null,
  occurrences integer not null default 1,
  title text not null,
  description text,
  vendor text,
  product text,
  rule_id text,
  rule_name text,
  severity smallint not null check (severity between 1 and 4),
  source_severity text,
  rsit_class text,
  rsit_type text,
  attack text[] not null default '{}',
  src_ip inet,
  src_port integer,
  dst_ip inet,
  dst_port integer,
  protocol text,
  asset_hostname text,
  asset_ip inet,
  observables jsonb not null default '[]',
  tags text[] not null default '{}',
  sectors text[] not null default '{}',
  province_code text,
  raw text not null,
  incident_id uuid,
  -- The ingest batch that stored the alert, and the last one that raised its occurrences.
  batch_id bigint not null,
  last_batch bigint not null,
  primary key (day, id),
  unique (day, fingerprint)
) partition by range (day);
create table alerts_default partition of alerts default;
-- Few indexes: every one costs ingest throughput. Newest-first reads walk (day, id).
create index alerts_org_idx on alerts (org_id, day, id);
create index alerts_reporter_idx on alerts (reporter_org_id, day, id);
create index alerts_last_batch_idx on alerts (last_batch);
create sequence ingest_batch_seq;

-- Records that could not be parsed or validated, kept whole with the reason, replayable.
create table quarantine (
  id bigserial primary key,
  received_at timestamptz not null default now(),
  org_id uuid not null,
  source_id uuid,
  format text not null,
  code text not null,
  message text not null,
  raw text not null,
  attempts integer not null default 1,
  replayed_at timestamptz,
  alert_day date,
  alert_id bigint
);
create index quarantine_org_idx on quarantine (org_id, id desc);
create index quarantine_open_idx on quarantine (id) where replayed_at is null;

create table incidents (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references organizations (id),
  title text not null,
  severity smallint not null check (severity between 1 and 4),
  status text not null default 'new',
  tlp text not null default 'AMBER',
  rule_id uuid,
  group_key text,
  alert_count integer not null default 0,
  first_alert_at timestamptz,
  last_alert_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index incidents_org_idx on incidents (org_id, created_at desc);
create unique index incidents_open_group_idx on incidents (rule_id, group_key) where status not in ('closed', 'rejected');

create table incident_alerts (
  incident_id uuid not null references incidents (id) on delete cascade,
  alert_day date not null,
  alert_id bigint not null,
  primary key (incident_id, alert_day, alert_id)
);

-- Rules that open or update incidents from alerts: national (org_id null) or per organisation.
create table promotion_rules (
  id uuid primary key default gen_random_uuid(),
  org_id uuid references organizations (id),
  name text not null,
  enabled boolean not null default true,
  conditions jsonb not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

-- Where each background consumer of the outbox has got to.
create table consumer_offsets (
  name text primary key,
  last_id bigint not null default 0,
  updated_at timestamptz not null default now()
);
