-- Campaigns (alerts of several organisations linked by shared infrastructure) and early warnings
-- with their recipients, acknowledgements and durable deliveries.

create table campaigns (
  id uuid primary key default gen_random_uuid(),
  link_key text not null unique,
  title text not null,
  status text not null default 'detected' check (status in ('detected', 'confirmed', 'dismissed', 'merged')),
  merged_into_id uuid references campaigns (id),
  confidence text not null check (confidence in ('low', 'medium', 'high')),
  severity smallint not null default 2,
  techniques text[] not null default '{}',
  org_count integer not null default 0,
  alert_count integer not null default 0,
  first_activity timestamptz not null,
  last_activity timestamptz not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index campaigns_last_idx on campaigns (last_activity desc);

create table campaign_orgs (
  campaign_id uuid not null references campaigns (id) on delete cascade,
  org_id uuid not null references organizations (id),
  first_seen timestamptz not null,
  last_seen timestamptz not null,
  primary key (campaign_id, org_id)
);
create index campaign_orgs_org_idx on campaign_orgs (org_id);

create table campaign_alerts (
  campaign_id uuid not null references campaigns (id) on delete cascade,
  alert_day date not null,
  alert_id bigint not null,
  org_id uuid not null,
  primary key (campaign_id, alert_day, alert_id)
);

-- Why alerts were linked: the shared value (exact observable, network or technique) and who saw it.
create table campaign_evidence (
  campaign_id uuid not null references campaigns (id) on delete cascade,
  kind text not null check (kind in ('observable', 'network', 'technique')),
  value text not null,
  org_ids uuid[] not null,
  first_seen timestamptz not null,
  last_seen timestamptz not null,
  primary key (campaign_id, kind, value)
);

create table warnings (
  id uuid primary key default gen_random_uuid(),
  author_org_id uuid not null references organizations (id),
  status text not null default 'draft' check (status in ('draft', 'proposed', 'issued', 'withdrawn')),
  origin text not null default 'manual' check (origin in ('manual', 'campaign', 'surge')),
  campaign_id uuid references campaigns (id),
  surge_key text,
  title_vi text not null,
  title_en text not null,
  body_vi text not null,
  body_en text not null,
  severity smallint not null check (severity between 1 and 4),
  tlp text not null default 'AMBER',
  targeting jsonb not null default '{}',
  actions jsonb not null default '[]',
  indicators jsonb not null default '[]',
  cves jsonb not null default '[]',
  valid_from timestamptz,
  valid_until timestamptz,
  issued_at timestamptz,
  issued_by text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index warnings_campaign_idx on warnings (campaign_id) where origin = 'campaign';
create unique index warnings_surge_idx on warnings (surge_key) where origin = 'surge';

-- Who a warning was issued to, and what each organisation did with it.
create table warning_recipients (
  warning_id uuid not null references warnings (id) on delete cascade,
  org_id uuid not null references organizations (id),
  read_at timestamptz,
  acked_at timestamptz,
  acked_by text,
  reminders integer not null default 0,
  last_reminded_at timestamptz,
  primary key (warning_id, org_id)
);
create index warning_recipients_org_idx on warning_recipients (org_id);

-- Per-organisation webhook endpoints (the secret signs each delivery).
create table warning_webhooks (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references organizations (id),
  url text not null,
  secret text not null,
  enabled boolean not null default true,
  created_at timestamptz not null default now()
);

-- One durable delivery per recipient and channel, driven by the delivery worker.
create table warning_deliveries (
  id bigserial primary key,
  warning_id uuid not null references warnings (id) on delete cascade,
  org_id uuid not null,
  channel text not null check (channel in ('webhook', 'email')),
  target text not null,
  purpose text not null default 'issue',
  status text not null default 'pending' check (status in ('pending', 'delivered', 'dead')),
  attempts integer not null default 0,
  next_attempt_at timestamptz not null default now(),
  last_error text,
  delivered_at timestamptz,
  created_at timestamptz not null default now()
);
create index warning_deliveries_due_idx on warning_deliveries (next_attempt_at) where status = 'pending';

-- Issue at once instead of waiting for a coordinator: per minimum severity and (optionally) sector.
create table warning_policies (
  id uuid primary key default gen_random_uuid(),
  min_severity smallint not null,
  sector_code text,
  auto_issue boolean not null default true
);
