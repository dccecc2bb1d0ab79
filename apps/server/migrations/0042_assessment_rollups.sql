-- Roll-ups of assessment tasks (issue 16, the national view in < 150 ms): each campaign's task counters
-- summed by owner organisation and by security level, kept by triggers on assessment_tasks in the same
-- transaction as every change of a task (creation, answer, review, submission, reopening), so the views
-- read a few thousand roll-up rows instead of every task. A ministry's or province's view sums the rows
-- of its subtree's organisations.
create table assessment_org_tallies (
  campaign_id uuid not null references assessment_campaigns (id) on delete cascade,
  org_id uuid not null,
  tasks integer not null default 0,
  submitted integer not null default 0,
  applicable integer not null default 0,
  answered integer not null default 0,
  met integer not null default 0,
  partly integer not null default 0,
  not_met integer not null default 0,
  not_applicable integer not null default 0,
  primary key (campaign_id, org_id)
);
-- Level 0: systems without a security level.
create table assessment_level_tallies (
  campaign_id uuid not null references assessment_campaigns (id) on delete cascade,
  security_level smallint not null,
  tasks integer not null default 0,
  submitted integer not null default 0,
  applicable integer not null default 0,
  answered integer not null default 0,
  met integer not null default 0,
  partly integer not null default 0,
  not_met integer not null default 0,
  not_applicable integer not null default 0,
  primary key (campaign_id, security_level)
);

-- Adds the signed rows of a statement's change (+1 per new task row, -1 per old one) to both roll-ups;
-- rows whose counters did not move write nothing (an assessor assigned, a timestamp touched).
create function assessment_tallies_add(delta jsonb) returns void language plpgsql as $$
begin
  with d as (
    select (e->>'campaign_id')::uuid as campaign_id, (e->>'org_id')::uuid as org_id, coalesce((e->>'security_level')::smallint, 0) as lvl, (e->>'s')::int as s,
      (case when (e->>'version')::int > 0 then 1 else 0 end) as submitted, (e->>'applicable')::int as applicable, (e->>'answered')::int as answered,
      (e->>'met')::int as met, (e->>'partly')::int as partly, (e->>'not_met')::int as not_met, (e->>'not_applicable')::int as not_applicable
    from jsonb_array_elements(delta) e),
  by_org as (
    select campaign_id, org_id, sum(s)::int as tasks, sum(s * submitted)::int as submitted, sum(s * applicable)::int as applicable, sum(s * answered)::int as answered,
      sum(s * met)::int as met, sum(s * partly)::int as partly, sum(s * not_met)::int as not_met, sum(s * not_applicable)::int as not_applicable
    from d group by campaign_id, org_id),
  moved_org as (select * from by_org where (tasks, submitted, applicable, answered, met, partly, not_met, not_applicable) <> (0, 0, 0, 0, 0, 0, 0, 0))
  insert into assessment_org_tallies as r (campaign_id, org_id, tasks, submitted, applicable, answered, met, partly, not_met, not_applicable)
    select * from moved_org
    on conflict (campaign_id, org_id) do update set tasks = r.tasks + excluded.tasks, submitted = r.submitted + excluded.submitted,
      applicable = r.applicable + excluded.applicable, answered = r.answered + excluded.answered, met = r.met + excluded.met,
      partly = r.partly + excluded.partly, not_met = r.not_met + excluded.not_met, not_applicable = r.not_applicable + excluded.not_applicable;
  with d as (
    select (e->>'campaign_id')::uuid as campaign_id, coalesce((e->>'security_level')::smallint, 0) as lvl, (e->>'s')::int as s,
      (case when (e->>'version')::int > 0 then 1 else 0 end) as submitted, (e->>'applicable')::int as applicable, (e->>'answered')::int as answered,
      (e->>'met')::int as met, (e->>'partly')::int as partly, (e->>'not_met')::int as not_met, (e->>'not_applicable')::int as not_applicable
    from jsonb_array_elements(delta) e),
  by_level as (
    select campaign_id, lvl, sum(s)::int as tasks, sum(s * submitted)::int as submitted, sum(s * applicable)::int as applicable, sum(s * answered)::int as answered,
      sum(s * met)::int as met, sum(s * partly)::int as partly, sum(s * not_met)::int as not_met, sum(s * not_applicable)::int as not_applicable
    from d group by campaign_id, lvl),
  moved_level as (select * from by_level where (tasks, submitted, applicable, answered, met, partly, not_met, not_applicable) <> (0, 0, 0, 0, 0, 0, 0, 0))
  insert into assessment_level_tallies as r (campaign_id, security_level, tasks, submitted, applicable, answered, met, partly, not_met, not_applicable)
    select * from moved_level
    on conflict (campaign_id, security_level) do update set tasks = r.tasks + excluded.tasks, submitted = r.submitted + excluded.submitted,
      applicable = r.applicable + excluded.applicable, answered = r.answered + excluded.answered, met = r.met + excluded.met,
      partly = r.partly + excluded.partly, not_met = r.not_met + excluded.not_met, not_applicable = r.not_applicable + excluded.not_applicable;
end;
$$;

create function assessment_tasks_roll() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    perform assessment_tallies_add((select jsonb_agg(to_jsonb(n) || '{"s": 1}') from new_rows n));
  elsif tg_op = 'DELETE' then
    perform assessment_tallies_add((select jsonb_agg(to_jsonb(o) || '{"s": -1}') from old_rows o));
  else
    perform assessment_tallies_add((select jsonb_agg(x) from (
      select to_jsonb(n) || '{"s": 1}' as x from new_rows n union all select to_jsonb(o) || '{"s": -1}' from old_rows o) u));
  end if;
  return null;
end;
$$;
create trigger assessment_tasks_roll_insert after insert on assessment_tasks referencing new table as new_rows
  for each statement execute function assessment_tasks_roll();
create trigger assessment_tasks_roll_update after update on assessment_tasks referencing old table as old_rows new table as new_rows
  for each statement execute function assessment_tasks_roll();
create trigger assessment_tasks_roll_delete after delete on assessment_tasks referencing old table as old_rows
  for each statement execute function assessment_tasks_roll();

-- The tasks that exist already.
select assessment_tallies_add((select jsonb_agg(to_jsonb(t) || '{"s": 1}') from assessment_tasks t));
