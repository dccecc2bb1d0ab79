-- Foundation: reference data, organisation hub, access, audit and outbox.
-- PostgreSQL 15 subset: runs unchanged on PGlite and PostgreSQL.

create table provinces (
  code text primary key check (code ~ '^[0-9]{2}$'),
  name_vi text not null,
  name_en text not null,
  type text not null check (type in ('province', 'city')),
  formed_from jsonb not null default '[]',
  seat text,
  display_order integer not null,
  effective_from date not null default '2025-07-01'
);

create table sectors (
  code text primary key check (code ~ '^[A-Z][A-Z0-9_]{1,39}$'),
  name_vi text not null,
  name_en text not null,
  statutory boolean not null default false,
  active boolean not null default true
);

create table organizations (
  id uuid primary key default gen_random_uuid(),
  name text not null,
  name_en text,
  short_name text,
  name_folded text not null,
  kind text not null check (kind in ('coordination_centre', 'ministry', 'province', 'regulator', 'ci_operator', 'agency', 'soc_provider', 'response_team')),
  parent_id uuid references organizations (id),
  province_code text references provinces (code),
  status text not null default 'active' check (status in ('active', 'retired', 'merged')),
  merged_into_id uuid references organizations (id),
  security_level smallint check (security_level between 1 and 5),
  website text,
  incident_reception_email text,
  address text,
  demo_key text unique,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  retired_at timestamptz,
  check (parent_id is null or parent_id <> id),
  check ((status = 'merged') = (merged_into_id is not null))
);
create index organizations_parent_idx on organizations (parent_id);
create index organizations_province_idx on organizations (province_code);
create index organizations_merged_into_idx on organizations (merged_into_id) where merged_into_id is not null;

create table org_sectors (
  org_id uuid not null references organizations (id) on delete cascade,
  sector_code text not null references sectors (code),
  primary key (org_id, sector_code)
);
create index org_sectors_sector_idx on org_sectors (sector_code);

create table focal_points (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references organizations (id) on delete cascade,
  name text not null,
  position text not null default '',
  phone text not null,
  email text not null,
  available_247 boolean not null default true,
  is_primary boolean not null default false,
  sort integer not null default 0
);
create index focal_points_org_idx on focal_points (org_id);

create table soc_links (
  provider_id uuid not null references organizations (id),
  client_id uuid not null references organizations (id),
  services text[] not null default '{monitoring}',
  since date not null default current_date,
  created_at timestamptz not null default now(),
  primary key (provider_id, client_id),
  check (provider_id <> client_id)
);
create index soc_links_client_idx on soc_links (client_id);

create table users (
  id uuid primary key default gen_random_uuid(),
  email text not null,
  name text not null,
  org_id uuid not null references organizations (id),
  role text not null check (role in ('national_coordinator', 'org_admin', 'analyst', 'responder', 'viewer')),
  password_hash text not null,
  status text not null default 'active' check (status in ('active', 'disabled')),
  locale text not null default 'vi' check (locale in ('vi', 'en')),
  failed_attempts integer not null default 0,
  locked_until timestamptz,
  last_login_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index users_email_idx on users (lower(email));
create index users_org_idx on users (org_id);

create table sessions (
  id_hash text primary key,
  user_id uuid not null references users (id) on delete cascade,
  csrf_token text not null,
  ip text,
  user_agent text,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null
);
create index sessions_user_idx on sessions (user_id);

create table api_keys (
  id uuid primary key default gen_random_uuid(),
  name text not null,
  org_id uuid not null references organizations (id),
  role text not null check (role in ('national_coordinator', 'org_admin', 'analyst', 'responder', 'viewer', 'connector')),
  prefix text not null,
  key_hash text not null unique,
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  last_used_at timestamptz,
  revoked_at timestamptz
);
create index api_keys_org_idx on api_keys (org_id);

-- Append-only, hash-chained audit log: each row's hash covers its content and the previous hash.
create table audit_log (
  id bigserial primary key,
  at timestamptz not null,
  actor_type text not null check (actor_type in ('user', 'apikey', 'system')),
  actor_id text,
  actor_name text,
  org_id uuid,
  action text not null,
  entity_type text not null,
  entity_id text,
  before jsonb,
  after jsonb,
  ip text,
  request_id text,
  prev_hash text not null,
  hash text not null
);
create index audit_log_entity_idx on audit_log (entity_type, entity_id, id);
create index audit_log_org_idx on audit_log (org_id, id);

create function audit_log_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_log is append-only';
end;
$$;
create trigger audit_log_append_only before update or delete on audit_log
  for each row execute function audit_log_append_only();

-- Transactional outbox: events written with the change, relayed to subscribers and consoles.
create table outbox (
  id bigserial primary key,
  type text not null,
  audience jsonb not null,
  payload jsonb not null,
  created_at timestamptz not null default now()
);
create index outbox_created_idx on outbox (created_at);
