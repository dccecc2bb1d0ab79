-- Exercises (issue 17): an inject that never reached a team is recorded with the reason (the run
-- ended before it was due, the white team ended it, a delivery was cut short), never silently lost.
alter table exercise_deliveries add column undelivered text check (undelivered in ('ended_before_due', 'ended_by_white_team', 'interrupted'));
