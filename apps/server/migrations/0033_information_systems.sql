-- Information systems registry (issue 16): each organisation's systems with their Decree 85 security
-- level, the assets alert attribution already uses, their dependencies, and the four-layer records.

create table information_systems (
  id uuid primary key default gen_random_uuid(),
  -- The owner: exactly one organisation (Decree 85).
  org_id uuid not null references organizations (id),
  name text not null,
  description text,
  operator_org_id uuid references organizations (id),
  operator_name text,
  function_type text not null check (function_type in ('internal_operations', 'public_services', 'infrastructure', 'industrial_control', 'other')),
  data_classes text[] not null default '{}',
  users_served integer check (users_served >= 0),
  security_level smallint check (security_level between 1 and 5),
  approval_number text,
  approval_date date,
  approver text,
  critical boolean not null default false,
  status text not null default 'active' check (status in ('active', 'retired')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((approval_number is null) = (approval_date is null) and (approval_date is null) = (approver is null))
);
create unique index information_systems_name_idx on information_systems (org_id, lower(name)) where status = 'active';
create index information_systems_level_idx on information_systems (security_level, org_id);

-- The registered assets that make up a system; an asset belongs to at most one system.
create table information_system_assets (
  system_id uuid not null references information_systems (id) on delete cascade,
  asset_id uuid not null references assets (id) on delete cascade,
  primary key (system_id, asset_id),
  unique (asset_id)
);

create table information_system_dependencies (
  system_id uuid not null references information_systems (id) on delete cascade,
  depends_on_id uuid not null references information_systems (id) on delete cascade,
  primary key (system_id, depends_on_id),
  check (system_id <> depends_on_id)
);
create index information_system_dependents_idx on information_system_dependencies (depends_on_id);

-- What the owner declares for a layer of the four-layer model (Directive 14/CT-TTg), with its evidence
-- and date. Layer 2 also reads the SOC links; layer 4 is measured from alerts, never declared.
create table information_system_layers (
  system_id uuid not null references information_systems (id) on delete cascade,
  layer smallint not null check (layer between 1 and 3),
  details jsonb not null default '{}',
  evidence text,
  recorded_on date not null,
  recorded_by text not null,
  updated_at timestamptz not null default now(),
  primary key (system_id, layer)
);
