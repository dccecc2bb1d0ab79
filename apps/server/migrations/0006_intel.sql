-- Threat knowledge base: STIX 2.1 objects (every version kept) shared through TAXII 2.1 collections.

-- One row per object version. `version` is the sortable key of the version: `modified` for versioned
-- objects, the time first stored for SCOs and other unversioned objects, always written with nine
-- fractional digits so text order is time order. `modified` keeps the object's own text.
create table stix_objects (
  id text not null,
  version text not null,
  modified text,
  type text not null,
  spec_version text not null default '2.1',
  object jsonb not null,
  date_added timestamptz not null default clock_timestamp(),
  owner_org_id uuid references organizations(id),
  tlp text check (tlp in ('CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED')),
  search_folded text not null default '',
  primary key (id, version)
);
create index stix_objects_type_idx on stix_objects (type);

-- A TAXII collection; objects above its TLP ceiling are refused on write.
create table taxii_collections (
  id uuid primary key default gen_random_uuid(),
  alias text unique,
  title text not null,
  description text,
  tlp_ceiling text not null default 'AMBER' check (tlp_ceiling in ('CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED')),
  owner_org_id uuid references organizations(id),
  created_at timestamptz not null default now()
);

-- Which organisation may read or write a collection (the national centre reaches every collection).
create table taxii_collection_grants (
  collection_id uuid not null references taxii_collections(id) on delete cascade,
  org_id uuid not null references organizations(id),
  can_read boolean not null default true,
  can_write boolean not null default false,
  primary key (collection_id, org_id)
);
create index taxii_collection_grants_org_idx on taxii_collection_grants (org_id);

-- Membership of object versions in collections. `date_added` is when the version entered this
-- collection (what added_after and the X-TAXII-Date-Added headers speak of); `seq` breaks ties so
-- pages never skip or repeat. is_first / is_last mark the oldest and newest version of each object
-- in the collection, so the default `match[version]=last` is an index condition, not a window scan.
create table taxii_collection_objects (
  collection_id uuid not null references taxii_collections(id) on delete cascade,
  object_id text not null,
  version text not null,
  date_added timestamptz not null default clock_timestamp(),
  seq bigserial not null,
  is_first boolean not null default true,
  is_last boolean not null default true,
  primary key (collection_id, object_id, version),
  foreign key (object_id, version) references stix_objects (id, version)
);
create index taxii_collection_objects_page_idx on taxii_collection_objects (collection_id, date_added, seq);

-- Status resources returned by POST objects (kept so clients can poll them).
create table taxii_status (
  id uuid primary key default gen_random_uuid(),
  collection_id uuid not null references taxii_collections(id) on delete cascade,
  org_id uuid references organizations(id),
  status text not null check (status in ('pending', 'complete')),
  request_timestamp timestamptz not null default clock_timestamp(),
  total_count integer not null,
  success_count integer not null,
  failure_count integer not null,
  pending_count integer not null,
  successes jsonb not null default '[]',
  failures jsonb not null default '[]',
  pendings jsonb not null default '[]'
);
