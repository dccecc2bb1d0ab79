-- Exercises (issue 17): a warning of an exercise leaves only for webhook endpoints marked for exercises.
alter table warning_webhooks add column exercises boolean not null default false;
