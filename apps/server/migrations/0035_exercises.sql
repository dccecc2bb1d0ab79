-- Exercises (issue 17): scenarios as data, runs of a scenario for chosen teams, what reached each
-- team and what each team was expected to do, scored from what it did in the platform.

-- A scenario document (schema lachan-exercise/1). Templates shipped with Lachan have no owner.
create table exercise_scenarios (
  id uuid primary key default gen_random_uuid(),
  key text not null,
  owner_org_id uuid references organizations (id),
  document jsonb not null,
  created_by text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index exercise_scenarios_template_idx on exercise_scenarios (key) where owner_org_id is null;
create unique index exercise_scenarios_owner_key_idx on exercise_scenarios (owner_org_id, key) where owner_org_id is not null;

-- A run: the scenario as it was when scheduled (later edits do not change it), its clock and teams.
-- `clock` holds the segments of scenario time: [{at, elapsedMs, speed, running}], one per start,
-- pause, resume or change of speed, so any instant of the run maps back to scenario time.
create table exercises (
  id uuid primary key default gen_random_uuid(),
  scenario_id uuid references exercise_scenarios (id) on delete set null,
  organiser_org_id uuid not null references organizations (id),
  title text not null,
  document jsonb not null,
  status text not null default 'scheduled' check (status in ('scheduled', 'running', 'paused', 'ended')),
  speed double precision not null default 1 check (speed > 0),
  scheduled_at timestamptz,
  started_at timestamptz,
  ended_at timestamptz,
  clock jsonb not null default '[]',
  replay_of uuid references exercises (id),
  created_by text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index exercises_organiser_idx on exercises (organiser_org_id, created_at desc);
create index exercises_live_idx on exercises (status) where status in ('scheduled', 'running');

create table exercise_teams (
  exercise_id uuid not null references exercises (id) on delete cascade,
  org_id uuid not null references organizations (id),
  primary key (exercise_id, org_id)
);
create index exercise_teams_org_idx on exercise_teams (org_id);

-- The run's injects: the scenario's, and those the white team adds (for some teams, or all: null).
create table exercise_injects (
  exercise_id uuid not null references exercises (id) on delete cascade,
  key text not null,
  offset_ms bigint not null,
  inject jsonb not null,
  team_org_ids uuid[],
  manual boolean not null default false,
  primary key (exercise_id, key)
);

-- One inject reaching one team: claimed first (so that one process delivers it), then delivered.
create table exercise_deliveries (
  exercise_id uuid not null references exercises (id) on delete cascade,
  inject_key text not null,
  team_org_id uuid not null references organizations (id),
  due_at timestamptz not null,
  delivered_at timestamptz,
  source_id uuid,
  alerts integer,
  incident_id uuid,
  warning_id uuid,
  error text,
  primary key (exercise_id, inject_key, team_org_id)
);

-- What a team is expected to do after an inject, and how it went.
create table exercise_expectations (
  exercise_id uuid not null references exercises (id) on delete cascade,
  team_org_id uuid not null references organizations (id),
  inject_key text not null,
  expectation_key text not null,
  kind text not null,
  points integer not null,
  offset_ms bigint not null,
  within_ms bigint not null,
  value text,
  status text not null default 'pending' check (status in ('pending', 'met', 'late', 'missed')),
  met_at timestamptz,
  took_ms bigint,
  awarded integer not null default 0,
  judged_by text,
  note text,
  primary key (exercise_id, team_org_id, inject_key, expectation_key)
);
create index exercise_expectations_open_idx on exercise_expectations (exercise_id) where status in ('pending', 'missed');

-- Lessons learned, written by the white team for one team.
create table exercise_lessons (
  id uuid primary key default gen_random_uuid(),
  exercise_id uuid not null references exercises (id) on delete cascade,
  team_org_id uuid not null references organizations (id),
  author_name text not null,
  author_org_id uuid not null references organizations (id),
  body text not null,
  created_at timestamptz not null default now()
);
create index exercise_lessons_idx on exercise_lessons (exercise_id, team_org_id, created_at);

-- Exercise data is tagged with its exercise: alerts through their connector, incidents, warnings.
alter table alert_sources add column exercise_id uuid references exercises (id);
alter table alert_sources drop constraint alert_sources_check;
alter table alert_sources add constraint alert_sources_origin_check check (num_nonnulls(api_key_id, syslog_address, exercise_id) = 1);
alter table incidents add column exercise_id uuid references exercises (id);
alter table warnings add column exercise_id uuid references exercises (id);
create index incidents_exercise_idx on incidents (exercise_id) where exercise_id is not null;
-- Indicators a team added since an inject (the indicator_added expectation).
create index stix_objects_added_by_idx on stix_objects (added_by_org_id, date_added) where type = 'indicator';
