-- An alert's incident is found through incident_alerts (an alert may be in several), so promotion
-- no longer rewrites every promoted alert row; the link table gets the index that lookup needs.
create index incident_alerts_alert_idx on incident_alerts (alert_day, alert_id);
alter table alerts drop column incident_id;

-- Count-window rules keep their own per-minute tallies, so a window's count is a few index rows,
-- not a scan of every alert of the window. `batch_occurrences` is what the last batch added to a row.
create table promotion_counts (
  rule_id uuid not null references promotion_rules (id) on delete cascade,
  group_key text not null,
  minute timestamptz not null,
  n integer not null,
  primary key (rule_id, group_key, minute)
);
alter table alerts add column batch_occurrences integer not null default 1;
