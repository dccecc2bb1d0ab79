-- Exercises (issue 17): an inject that never reached a team is recorded with the reason (the run
-- ended before it was due, the white team ended it, a delivery was cut short), never silently lost.
alter table exercise_deliveries add column undelivered text check (undelivered in ('ended_before_due', 'ended_by_white_team', 'interrupted'));

-- Knowledge a team adds while it plays an exercise (an indicator of the drill's attacker) belongs to
-- that exercise: kept out of TAXII, exports, the knowledge base, matching of real alerts.
alter table stix_objects add column exercise_id uuid references exercises (id);
create index stix_objects_exercise_idx on stix_objects (exercise_id) where exercise_id is not null;
