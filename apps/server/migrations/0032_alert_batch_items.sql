-- What each committed alert batch held, as it held it: which alerts, new or repeated, and how many
-- occurrences it added. A consumer on another node (promotion, statistics, campaigns, sightings) reads a
-- batch back from here: the alert rows themselves move on as later batches repeat them. Written in the
-- batch's transaction; rows older than a day are dropped hourly (consumers are seconds behind, not days).
create table alert_batch_items (
  batch_id bigint not null,
  alert_id bigint not null,
  org_id uuid not null,
  day date not null,
  inserted boolean not null,
  occurrences integer not null,
  created_at timestamptz not null default now(),
  primary key (batch_id, alert_id)
);
create index alert_batch_items_created_idx on alert_batch_items using brin (created_at);
