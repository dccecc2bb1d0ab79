-- The account page (issue 18): a user sees their own sessions and ends one. The session's key is the
-- hash of its cookie token, which must never reach a page, so each session gets a public id.
alter table sessions add column public_id uuid not null default gen_random_uuid();
create unique index sessions_public_id_idx on sessions (public_id);

-- Which warnings and reminders reach a user by e-mail, beside their organisation's reception address:
-- issued warnings addressed to their organisation at or above a severity (null: none), and the
-- reminders of warnings their organisation has not acknowledged.
create table user_mail_preferences (
  user_id uuid primary key references users (id) on delete cascade,
  warning_min_severity integer check (warning_min_severity between 1 and 4),
  warning_reminders boolean not null default false,
  updated_at timestamptz not null default now()
);

-- Retention (issue 18, settings): how long alerts and quarantined records are kept, set by the centre
-- (null: for ever). One row. Alerts behind an incident or a campaign are kept whatever their age;
-- statistics keep their daily roll-ups; the audit log is never pruned.
create table retention_settings (
  id boolean primary key default true check (id),
  alert_days integer check (alert_days between 30 and 3650),
  quarantine_days integer check (quarantine_days between 7 and 3650),
  updated_at timestamptz not null default now(),
  updated_by text
);
insert into retention_settings (id) values (true);
