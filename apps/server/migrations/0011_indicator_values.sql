-- The matchable values of the knowledge base's indicators, with stable numeric ids: the ids alerts
-- carry in `indicator_matches` and the IOC matcher is built on.
create table intel_indicator_values (
  id bigserial primary key,
  stix_id text not null,
  type text not null,
  value text not null,
  unique (stix_id, type, value)
);

-- Alerts that matched an indicator value, per organisation and day: the sightings that refresh its score.
create table intel_sightings (
  value_id bigint not null references intel_indicator_values (id) on delete cascade,
  org_id uuid not null,
  day date not null,
  count integer not null,
  first_seen timestamptz not null,
  last_seen timestamptz not null,
  primary key (value_id, org_id, day)
);
