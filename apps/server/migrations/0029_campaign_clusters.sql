-- Campaigns as clusters (issue 13): a campaign is the union of the links between organisations, not
-- one link key. The engine merges clusters that a new link joins (the absorbed one points at the
-- survivor), splits those that fall apart and retracts those whose links turn out to be background,
-- and says why in each campaign's history. Mass scanners are their own class, never campaigns.

alter table campaigns drop constraint campaigns_status_check;
alter table campaigns add constraint campaigns_status_check check (status in ('detected', 'confirmed', 'dismissed', 'merged', 'retracted'));
-- Why the engine is as confident as it is: {level, techniques, factors: [{code, params}]}.
alter table campaigns add column explanation jsonb not null default '{"factors": []}';
alter table campaigns add column retracted_reason jsonb;

alter table campaign_evidence drop constraint campaign_evidence_kind_check;
alter table campaign_evidence add constraint campaign_evidence_kind_check check (kind in ('observable', 'network', 'technique', 'signature', 'fingerprint'));

-- The link features a campaign holds (so that a restarted engine finds its campaigns again).
create table campaign_links (
  feature_key text not null,
  campaign_id uuid not null references campaigns (id) on delete cascade,
  primary key (feature_key, campaign_id)
);
create index campaign_links_campaign_idx on campaign_links (campaign_id);

-- What happened to a campaign and why: detected, grew, merged (into / absorbed), split, retracted.
create table campaign_history (
  id bigserial primary key,
  campaign_id uuid not null references campaigns (id) on delete cascade,
  at timestamptz not null default now(),
  action text not null check (action in ('detected', 'merged_into', 'absorbed', 'split_from', 'split_off', 'retracted')),
  other_campaign_id uuid references campaigns (id) on delete set null,
  reasons jsonb not null default '[]'
);
create index campaign_history_campaign_idx on campaign_history (campaign_id, at);

-- Internet-wide scanning: addresses the noise model judged background that scan (a low-score list for the exports).
create table mass_scanners (
  value text primary key,
  type text not null check (type in ('ipv4', 'ipv6')),
  org_count integer not null,
  sectors text[] not null default '{}',
  reasons jsonb not null default '[]',
  first_seen timestamptz not null,
  last_seen timestamptz not null,
  updated_at timestamptz not null default now()
);
create index mass_scanners_last_idx on mass_scanners (last_seen desc);
