-- Constituency feeds: reports about the country's networks from outside monitoring (Shadowserver,
-- abuse.ch, a provider's CSV read through a mapping the centre defines), stored as alerts of format
-- `constituency`; each stored row is indexed here by report type, report day and owner, for the
-- organisation's queue, its daily digest, the statistics and the centre's list of unknown owners.

alter table alert_sources drop constraint alert_sources_format_check;
alter table alert_sources add constraint alert_sources_format_check
  check (format in ('lachan', 'ecs', 'wazuh', 'suricata', 'cef', 'syslog', 'constituency'));

-- A CSV layout the centre defines as data: which column holds each canonical field.
create table constituency_mappings (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references organizations (id),
  name text not null check (length(name) between 1 and 120),
  report_type text not null check (report_type ~ '^[a-z0-9_]{1,64}$'),
  delimiter text not null check (delimiter in (',', ';', '|', E'\t')),
  columns jsonb not null,
  rsit_class text,
  rsit_type text,
  severity smallint not null default 2 check (severity between 1 and 4),
  time_zone text not null default 'UTC',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (org_id, name)
);

-- One row per stored constituency alert (a host, report type and report day). `org_id` is the owner
-- the address or domain is registered to, else the reporter (the centre) with `attributed` false.
create table constituency_rows (
  id bigserial primary key,
  reporter_org_id uuid not null,
  org_id uuid not null,
  attributed boolean not null,
  feed text not null,
  report_type text not null,
  report_day date not null,
  row_key text not null,
  alert_day date not null,
  alert_id bigint not null,
  host text,
  severity smallint not null,
  title text not null,
  sectors text[] not null default '{}',
  province_code text,
  received_at timestamptz not null,
  unique (reporter_org_id, row_key)
);
create index constituency_rows_org_idx on constituency_rows (org_id, received_at);
create index constituency_rows_day_idx on constituency_rows (report_day);

-- The daily digest of each organisation: made once per day received, then e-mailed.
create table constituency_digests (
  org_id uuid not null references organizations (id),
  day date not null,
  row_count integer not null,
  status text not null check (status in ('pending', 'sent', 'no_address', 'failed')),
  recipient text,
  attempts integer not null default 0,
  last_error text,
  sent_at timestamptz,
  created_at timestamptz not null default now(),
  primary key (org_id, day)
);
