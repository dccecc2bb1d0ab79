-- Intake runs: one row per bundle upload, ATT&CK import or feed run, with its counts so far and its
-- first errors, so a caller can follow a background import and see why objects were refused.
create table intel_intake_runs (
  id uuid primary key default gen_random_uuid(),
  kind text not null check (kind in ('bundle', 'misp', 'csv', 'attack', 'taxii_pull')),
  source text not null,
  org_id uuid not null references organizations(id),
  started_at timestamptz not null default now(),
  finished_at timestamptz,
  status text not null default 'running' check (status in ('running', 'done', 'failed')),
  received integer not null default 0,
  stored integer not null default 0,
  duplicates integer not null default 0,
  invalid integer not null default 0,
  errors jsonb not null default '[]'
);
create index intel_intake_runs_org_idx on intel_intake_runs (org_id, started_at desc);

-- Registered feeds (MISP feed format or one value per line), read from a URL or a local directory.
create table intel_feeds (
  id uuid primary key default gen_random_uuid(),
  name text not null,
  kind text not null check (kind in ('misp', 'csv')),
  location text not null,
  org_id uuid not null references organizations(id),
  interval_minutes integer not null default 60 check (interval_minutes > 0),
  last_run_at timestamptz,
  created_at timestamptz not null default now()
);
