-- An inject every team of its run has been claimed for (issue 17): the runner's rounds look only at the
-- others, instead of checking every inject against every team's delivery each round (74 ms a round on
-- the embedded engine at 200 injects and 34 teams). False is always safe: such an inject is checked.
alter table exercise_injects add column claimed_all boolean not null default false;

update exercise_injects i set claimed_all = true
  where not exists (select 1 from exercise_teams t where t.exercise_id = i.exercise_id and (i.team_org_ids is null or t.org_id = any(i.team_org_ids))
    and not exists (select 1 from exercise_deliveries d where d.exercise_id = i.exercise_id and d.inject_key = i.key and d.team_org_id = t.org_id));

create index exercise_injects_pending_idx on exercise_injects (exercise_id, offset_ms) where not claimed_all;
