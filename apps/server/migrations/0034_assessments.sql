-- Requirement catalogues and national assessment campaigns (issue 16).

-- A catalogue of requirements loaded from a documented JSON file (docs/assessment-catalogues.md).
create table requirement_catalogues (
  id uuid primary key default gen_random_uuid(),
  code text not null,
  version text not null,
  name_vi text,
  name_en text,
  source text not null,
  licence text not null,
  notes jsonb not null default '{}',
  built_in boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (code, version)
);

-- One node of a catalogue's tree. A node with levels is answered at those security levels; a node
-- without levels only groups its children.
create table catalogue_requirements (
  catalogue_id uuid not null references requirement_catalogues (id) on delete cascade,
  req_id text not null,
  parent_id text,
  position integer not null,
  title_vi text,
  title_en text,
  text_vi text,
  text_en text,
  levels smallint[] not null default '{}',
  primary key (catalogue_id, req_id)
);

create table assessment_campaigns (
  id uuid primary key default gen_random_uuid(),
  title text not null,
  description text,
  catalogue_id uuid not null references requirement_catalogues (id),
  due_date date not null,
  -- Who is targeted: sectors, provinces, organisation kinds and security levels (empty = any).
  target_sectors text[] not null default '{}',
  target_provinces text[] not null default '{}',
  target_kinds text[] not null default '{}',
  target_levels smallint[] not null default '{}',
  status text not null default 'open' check (status in ('open', 'closed')),
  created_by text not null,
  created_at timestamptz not null default now()
);

-- One system's assessment in a campaign. The counters are kept by every answer and review so that
-- national views read tasks, never millions of answers.
create table assessment_tasks (
  id uuid primary key default gen_random_uuid(),
  campaign_id uuid not null references assessment_campaigns (id),
  system_id uuid not null references information_systems (id),
  org_id uuid not null references organizations (id),
  security_level smallint,
  assessor_org_id uuid references organizations (id),
  status text not null default 'open' check (status in ('open', 'submitted')),
  applicable integer not null,
  answered integer not null default 0,
  met integer not null default 0,
  partly integer not null default 0,
  not_met integer not null default 0,
  not_applicable integer not null default 0,
  confirmed integer not null default 0,
  returned integer not null default 0,
  version integer not null default 0,
  submitted_at timestamptz,
  signed_by text,
  updated_at timestamptz not null default now(),
  unique (campaign_id, system_id)
);
create index assessment_tasks_org_idx on assessment_tasks (org_id, campaign_id);
create index assessment_tasks_assessor_idx on assessment_tasks (assessor_org_id, campaign_id);

create table assessment_answers (
  task_id uuid not null references assessment_tasks (id) on delete cascade,
  req_id text not null,
  answer text not null check (answer in ('met', 'partly', 'not_met', 'not_applicable')),
  comment text,
  review text not null default 'pending' check (review in ('pending', 'confirmed', 'returned')),
  review_comment text,
  answered_by text not null,
  answered_at timestamptz not null default now(),
  reviewed_by text,
  reviewed_at timestamptz,
  primary key (task_id, req_id)
);

-- Evidence files of an answer.
create table assessment_evidence (
  id uuid primary key default gen_random_uuid(),
  task_id uuid not null references assessment_tasks (id) on delete cascade,
  req_id text not null,
  file_name text not null,
  media_type text not null,
  size_bytes integer not null,
  content bytea not null,
  uploaded_by text not null,
  created_at timestamptz not null default now()
);
create index assessment_evidence_task_idx on assessment_evidence (task_id, req_id);

-- A submitted assessment, frozen: what was signed, read-only.
create table assessment_versions (
  task_id uuid not null references assessment_tasks (id) on delete cascade,
  version integer not null,
  signed_by text not null,
  submitted_at timestamptz not null,
  content jsonb not null,
  primary key (task_id, version)
);

-- One reminder of each kind per task, ever (re-runs are no-ops).
create table assessment_reminders (
  task_id uuid not null references assessment_tasks (id) on delete cascade,
  kind text not null check (kind in ('due_soon', 'overdue', 'escalated')),
  sent_at timestamptz not null default now(),
  primary key (task_id, kind)
);

-- Answers counted by requirement, nationally (per security level; 0 = no level) and per owner
-- organisation, kept by every answer, so that compliance by requirement never scans the answers.
create table assessment_requirement_counts (
  campaign_id uuid not null references assessment_campaigns (id) on delete cascade,
  req_id text not null,
  security_level smallint not null,
  met integer not null default 0,
  partly integer not null default 0,
  not_met integer not null default 0,
  not_applicable integer not null default 0,
  primary key (campaign_id, req_id, security_level)
);
create table assessment_org_requirement_counts (
  campaign_id uuid not null references assessment_campaigns (id) on delete cascade,
  org_id uuid not null,
  req_id text not null,
  met integer not null default 0,
  partly integer not null default 0,
  not_met integer not null default 0,
  not_applicable integer not null default 0,
  primary key (campaign_id, org_id, req_id)
);
create index assessment_tasks_worst_idx on assessment_tasks (campaign_id, not_met desc) where security_level >= 4;
create index assessment_tasks_level_idx on assessment_tasks (campaign_id, security_level desc nulls last);
