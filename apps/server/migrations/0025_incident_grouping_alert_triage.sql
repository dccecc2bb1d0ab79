-- Incidents grouped by promotion rules, and analysts' actions on alerts (issue 13, items 5 and 6).

-- The groups an incident collects alerts for: (rule, group key) -> incident, one active incident per
-- group. A group leaves its incident (active false) when the incident ends or stays quiet past the
-- rule's window; merging moves the merged incidents' groups to the one kept.
create table incident_groups (
  id bigserial primary key,
  rule_id uuid not null,
  group_key text not null,
  incident_id uuid not null references incidents (id) on delete cascade,
  active boolean not null default true,
  created_at timestamptz not null default now()
);
create unique index incident_groups_active_idx on incident_groups (rule_id, group_key) where active;
create index incident_groups_incident_idx on incident_groups (incident_id);
insert into incident_groups (rule_id, group_key, incident_id, active)
  select rule_id, group_key, id, status not in ('closed', 'rejected') from incidents where rule_id is not null and group_key is not null;
-- Several incidents of one group may now be open (a quiet group reopens as a new incident); the groups table keeps one active.
drop index incidents_open_group_idx;

-- The engine writes the timeline of the incidents it opens itself (rule, alerts, the incident it follows).
drop trigger incidents_opened_from_alerts on incidents;
drop function incident_opened_from_alerts();

-- Server-made titles as a code with parameters, so the console words them in the reader's language
-- (the title column keeps an English rendering for search and API clients). The incident an
-- incident follows: the earlier one of its group, ended or gone quiet, or the one it was split from.
alter table incidents
  add column title_code text,
  add column title_params jsonb,
  add column related_incident_id uuid references incidents (id);

-- Indicators of the knowledge base the incident's alerts matched (values of intel_indicator_values).
create table incident_indicators (
  incident_id uuid not null references incidents (id) on delete cascade,
  value_id bigint not null,
  primary key (incident_id, value_id)
);

-- An analyst's verdict and owner of an alert. Nullable columns without defaults: no partition is rewritten.
alter table alerts
  add column false_positive_at timestamptz,
  add column false_positive_reason text,
  add column false_positive_by text,
  add column assignee_user_id uuid;

-- Alerts marked false positive, counted per promotion rule, group and incident they were promoted
-- into: a rule that keeps opening incidents of false positives for one group is suppressed for it.
create table promotion_false_positives (
  rule_id uuid not null,
  group_key text not null,
  incident_id uuid not null,
  alerts integer not null,
  primary key (rule_id, group_key, incident_id)
);

-- Groups a rule no longer opens incidents for, with the reason, until someone lifts the suppression.
create table promotion_suppressions (
  id uuid primary key default gen_random_uuid(),
  rule_id uuid not null references promotion_rules (id),
  group_key text not null,
  org_id uuid not null references organizations (id),
  -- What the group is (signature, attacker, asset), for people to read.
  label jsonb not null default '{}',
  reason text not null,
  incidents integer not null,
  false_positives integer not null,
  created_at timestamptz not null default now(),
  created_by_name text not null,
  lifted_at timestamptz,
  lifted_by_name text
);
create unique index promotion_suppressions_active_idx on promotion_suppressions (rule_id, group_key) where lifted_at is null;
create index promotion_suppressions_org_idx on promotion_suppressions (org_id, created_at desc);

-- The shipped national rules group by default (unless the centre has edited them since): a critical
-- alert joins the open incident of the same signature on the same asset (the system to respond on:
-- its host name, else its address inside the organisation) seen within a day, whatever the attackers
-- (they become the incident's observables); a brute-force burst joins that of the same attacker.
update promotion_rules set conditions = '{"minSeverity": 4, "group": {"by": ["signature", "asset"], "windowMinutes": 1440}}', updated_at = now()
  where org_id is null and name = 'Critical alert' and conditions = '{"minSeverity": 4}'::jsonb;
update promotion_rules set conditions = '{"rsitClasses": ["intrusion-attempts"], "count": {"threshold": 50, "windowMinutes": 10}, "group": {"by": ["attacker"], "windowMinutes": 1440}}', updated_at = now()
  where org_id is null and name = 'Brute-force burst'
    and conditions = '{"rsitClasses": ["intrusion-attempts"], "count": {"threshold": 50, "windowMinutes": 10, "groupBy": "srcIp"}}'::jsonb;
