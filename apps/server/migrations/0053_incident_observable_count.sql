-- How many observables an incident holds, kept beside it. Promotion adds an incident's new observables
-- only while it holds fewer than the bound (500); counting them on every group of every batch read up to
-- 500 index entries per incident and grew with the tables (embedded engine, simulator's mix: 10 ms a batch
-- in the fourth minute, 16 ms in the fourteenth). Kept by the statements that add, copy or replace them.
alter table incidents add column observable_count integer not null default 0;
update incidents i set observable_count = o.n
  from (select incident_id, count(*)::int as n from incident_observables group by incident_id) o
  where o.incident_id = i.id;
