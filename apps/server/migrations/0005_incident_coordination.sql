-- Incident coordination across organisations: full incident record and lifecycle, reporting regimes
-- as data with their clocks, versioned reports, sharing and standing organisation links, tasks,
-- comments and timeline, support requests, attachments, and text search on folded text.

create extension if not exists pg_trgm;

-- Folds text for search the way `foldDiacritics` does in the application: Vietnamese (and Latin)
-- diacritics removed, Đ as D, lower case, single spaces. Immutable, so a generated column can use it.
create function lachan_fold(t text) returns text language sql immutable parallel safe as $$
  select btrim(regexp_replace(lower(translate(regexp_replace(coalesce(t, ''), '[\u0300-\u036f]', '', 'g'),
    'ÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖÙÚÛÜÝàáâãäåçèéêëìíîïñòóôõöùúûüýÿĀāĂăĄąĆćĈĉĊċČčĎďĒēĔĕĖėĘęĚěĜĝĞğĠġĢģĤĥĨĩĪīĬĭĮįİĴĵĶķĹĺĻļĽľŃńŅņŇňŌōŎŏŐőŔŕŖŗŘřŚśŜŝŞşŠšŢţŤťŨũŪūŬŭŮůŰűŲųŴŵŶŷŸŹźŻżŽžƠơƯưǍǎǏǐǑǒǓǔǕǖǗǘǙǚǛǜǞǟǠǡǦǧǨǩǪǫǬǭǰǴǵǸǹǺǻȀȁȂȃȄȅȆȇȈȉȊȋȌȍȎȏȐȑȒȓȔȕȖȗȘșȚțȞȟȦȧȨȩȪȫȬȭȮȯȰȱȲȳḀḁḂḃḄḅḆḇḈḉḊḋḌḍḎḏḐḑḒḓḔḕḖḗḘḙḚḛḜḝḞḟḠḡḢḣḤḥḦḧḨḩḪḫḬḭḮḯḰḱḲḳḴḵḶḷḸḹḺḻḼḽḾḿṀṁṂṃṄṅṆṇṈṉṊṋṌṍṎṏṐṑṒṓṔṕṖṗṘṙṚṛṜṝṞṟṠṡṢṣṤṥṦṧṨṩṪṫṬṭṮṯṰṱṲṳṴṵṶṷṸṹṺṻṼṽṾṿẀẁẂẃẄẅẆẇẈẉẊẋẌẍẎẏẐẑẒẓẔẕẖẗẘẙẠạẢảẤấẦầẨẩẪẫẬậẮắẰằẲẳẴẵẶặẸẹẺẻẼẽẾếỀềỂểỄễỆệỈỉỊịỌọỎỏỐốỒồỔổỖỗỘộỚớỜờỞởỠỡỢợỤụỦủỨứỪừỬửỮữỰựỲỳỴỵỶỷỸỹĐđ',
    'AAAAAACEEEEIIIINOOOOOUUUUYaaaaaaceeeeiiiinooooouuuuyyAaAaAaCcCcCcCcDdEeEeEeEeEeGgGgGgGgHhIiIiIiIiIJjKkLlLlLlNnNnNnOoOoOoRrRrRrSsSsSsSsTtTtUuUuUuUuUuUuWwYyYZzZzZzOoUuAaIiOoUuUuUuUuUuAaAaGgKkOoOojGgNnAaAaAaEeEeIiIiOoOoRrRrUuUuSsTtHhAaEeOoOoOoOoYyAaBbBbBbCcDdDdDdDdDdEeEeEeEeEeFfGgHhHhHhHhHhIiIiKkKkKkLlLlLlLlMmMmMmNnNnNnNnOoOoOoOoPpPpRrRrRrRrSsSsSsSsSsTtTtTtTtUuUuUuUuUuVvVvWwWwWwWwWwXxXxYyZzZzZzhtwyAaAaAaAaAaAaAaAaAaAaAaAaEeEeEeEeEeEeEeEeIiIiOoOoOoOoOoOoOoOoOoOoOoOoUuUuUuUuUuUuUuYyYyYyYyDd')), '\s+', ' ', 'g'))
$$;

-- TLP 2.0 labels ranked least to most restrictive (CLEAR 0 .. RED 4).
create function lachan_tlp_rank(t text) returns smallint language sql immutable parallel safe as $$
  select case t when 'CLEAR' then 0 when 'GREEN' then 1 when 'AMBER' then 2 when 'AMBER+STRICT' then 3 else 4 end::smallint
$$;

create sequence incident_number_seq;

alter table incidents
  add column number bigint not null default nextval('incident_number_seq'),
  add column description text not null default '',
  add column source text not null default 'alerts' check (source in ('alerts', 'manual', 'report')),
  add column serious boolean not null default false,
  add column serious_at timestamptz,
  add column rsit_class text,
  add column rsit_type text,
  add column pap text not null default 'AMBER' check (pap in ('CLEAR', 'GREEN', 'AMBER', 'RED')),
  add column personal_data boolean not null default false,
  add column attack text[] not null default '{}',
  add column affected_assets text[] not null default '{}',
  add column affected_system jsonb,
  add column discovered_at timestamptz,
  add column occurred_at timestamptz,
  add column beyond_capacity boolean not null default false,
  add column beyond_capacity_at timestamptz,
  add column acknowledged_at timestamptz,
  add column contained_at timestamptz,
  add column eradicated_at timestamptz,
  add column recovered_at timestamptz,
  add column response_ended_at timestamptz,
  add column closed_at timestamptz,
  add column resolution text check (resolution in ('resolved', 'false_positive', 'duplicate', 'merged')),
  add column duplicate_of uuid references incidents (id),
  add column assignee_user_id uuid references users (id),
  add column escalated_at timestamptz,
  add column reported_at timestamptz,
  -- Earliest unmet reporting deadline, kept by the application whenever a clock input changes.
  add column next_deadline_at timestamptz,
  add column created_by_org_id uuid references organizations (id),
  add column search_text text generated always as (lachan_fold(title || ' ' || description)) stored;
alter table incidents add constraint incidents_status_check
  check (status in ('new', 'triage', 'containment', 'eradication', 'recovery', 'closed', 'rejected'));
alter table incidents add constraint incidents_tlp_check check (tlp in ('CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'));
create unique index incidents_number_idx on incidents (number);

-- Newest first, with the id as tie-breaker: the list's keyset order, globally and per organisation.
drop index incidents_org_idx;
create index incidents_org_created_idx on incidents (org_id, created_at desc, id desc);
create index incidents_created_idx on incidents (created_at desc, id desc);
create index incidents_search_idx on incidents using gin (search_text gin_trgm_ops);
create index incidents_deadline_idx on incidents (next_deadline_at) where next_deadline_at is not null;
create index incidents_assignee_idx on incidents (assignee_user_id) where assignee_user_id is not null;

-- The organisations an incident affects besides its owner.
create table incident_orgs (
  incident_id uuid not null references incidents (id) on delete cascade,
  org_id uuid not null references organizations (id),
  primary key (incident_id, org_id)
);

-- Observables of an incident (addresses, domains, hashes, ...), for similarity across incidents.
create table incident_observables (
  incident_id uuid not null references incidents (id) on delete cascade,
  type text not null,
  value text not null,
  primary key (incident_id, type, value)
);
create index incident_observables_value_idx on incident_observables (value);

-- What happened to an incident, in order: the timeline (changes, comments, reports, shares ...).
create table incident_events (
  id bigserial primary key,
  incident_id uuid not null references incidents (id) on delete cascade,
  at timestamptz not null default now(),
  kind text not null,
  actor_name text not null,
  actor_org_id uuid,
  data jsonb not null default '{}'
);
create index incident_events_incident_idx on incident_events (incident_id, id);

create table incident_comments (
  id uuid primary key default gen_random_uuid(),
  incident_id uuid not null references incidents (id) on delete cascade,
  author_id uuid,
  author_name text not null,
  org_id uuid not null references organizations (id),
  body text not null,
  created_at timestamptz not null default now(),
  edited_at timestamptz
);
create index incident_comments_incident_idx on incident_comments (incident_id, created_at);

create table incident_tasks (
  id uuid primary key default gen_random_uuid(),
  incident_id uuid not null references incidents (id) on delete cascade,
  title text not null,
  description text not null default '',
  assignee_org_id uuid references organizations (id),
  assignee_user_id uuid references users (id),
  due_at timestamptz,
  status text not null default 'open' check (status in ('open', 'in_progress', 'done', 'cancelled')),
  created_by_name text not null,
  created_by_org_id uuid not null references organizations (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  completed_at timestamptz
);
create index incident_tasks_incident_idx on incident_tasks (incident_id, created_at);
create index incident_tasks_assignee_org_idx on incident_tasks (assignee_org_id, status);

-- An incident shared with another organisation: a permission profile and a TLP ceiling (the share
-- grants nothing while the incident's TLP is above it). Revoked shares are kept for the record.
create table incident_shares (
  id uuid primary key default gen_random_uuid(),
  incident_id uuid not null references incidents (id) on delete cascade,
  org_id uuid not null references organizations (id),
  profile text not null check (profile in ('read_only', 'analyst', 'owner')),
  tlp_ceiling text not null check (tlp_ceiling in ('CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED')),
  reason text not null default 'manual' check (reason in ('manual', 'support', 'escalation', 'transfer', 'report')),
  created_by_name text not null,
  created_at timestamptz not null default now(),
  revoked_at timestamptz,
  revoked_by_name text
);
create unique index incident_shares_active_idx on incident_shares (incident_id, org_id) where revoked_at is null;
create index incident_shares_org_idx on incident_shares (org_id) where revoked_at is null;

-- Standing links between organisations (TheHive's organisation links): `from_org` sees `to_org`'s
-- incidents (and its units') when supervised, once reported when notify; manual only marks partners.
-- A link never reaches AMBER+STRICT or RED: those go to named organisations by explicit shares only.
create table org_links (
  id uuid primary key default gen_random_uuid(),
  from_org_id uuid not null references organizations (id),
  to_org_id uuid not null references organizations (id),
  type text not null check (type in ('manual', 'notify', 'supervised')),
  profile text not null default 'read_only' check (profile in ('read_only', 'analyst')),
  tlp_ceiling text not null default 'AMBER' check (tlp_ceiling in ('CLEAR', 'GREEN', 'AMBER')),
  created_by_name text not null,
  created_at timestamptz not null default now(),
  unique (from_org_id, to_org_id),
  check (from_org_id <> to_org_id)
);
create index org_links_to_idx on org_links (to_org_id);

-- Reporting regimes as data: when each applies, and its clock rules (see the seed below).
create table reporting_regimes (
  id uuid primary key default gen_random_uuid(),
  code text not null unique check (code ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
  name text not null,
  name_en text not null,
  legal_basis text not null default '',
  applies jsonb not null default '{}',
  rules jsonb not null default '[]',
  active boolean not null default true,
  effective_from date not null default '2000-01-01',
  effective_to date,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

-- The regimes an incident is under (chosen automatically, adjustable by its owner).
create table incident_regimes (
  incident_id uuid not null references incidents (id) on delete cascade,
  regime_id uuid not null references reporting_regimes (id),
  added_at timestamptz not null default now(),
  primary key (incident_id, regime_id)
);

-- Reports are versioned documents: each filing of a kind under a regime is a new version.
create table incident_reports (
  id uuid primary key default gen_random_uuid(),
  incident_id uuid not null references incidents (id) on delete cascade,
  regime_id uuid references reporting_regimes (id),
  kind text not null check (kind in ('notification', 'update', 'initial', 'final')),
  version integer not null,
  content jsonb not null,
  submitted_by_id uuid,
  submitted_by_name text not null,
  submitted_by_org_id uuid not null references organizations (id),
  submitted_at timestamptz not null default now(),
  unique (incident_id, regime_id, kind, version)
);
create index incident_reports_incident_idx on incident_reports (incident_id, submitted_at);

-- Reminders already sent, one per incident, regime, rule, kind of reminder and deadline: the
-- worker inserts here and writes its event only when the insert happened (idempotent).
create table incident_reminders (
  incident_id uuid not null references incidents (id) on delete cascade,
  regime_id uuid not null references reporting_regimes (id),
  rule_key text not null,
  kind text not null check (kind in ('due_soon', 'overdue')),
  due_at timestamptz not null,
  sent_at timestamptz not null default now(),
  primary key (incident_id, regime_id, rule_key, kind, due_at)
);

create table support_requests (
  id uuid primary key default gen_random_uuid(),
  incident_id uuid not null references incidents (id) on delete cascade,
  from_org_id uuid not null references organizations (id),
  to_org_id uuid not null references organizations (id),
  message text not null,
  status text not null default 'pending' check (status in ('pending', 'accepted', 'declined', 'withdrawn')),
  response text,
  created_by_name text not null,
  created_at timestamptz not null default now(),
  responded_at timestamptz,
  responded_by_name text
);
create index support_requests_incident_idx on support_requests (incident_id);
create index support_requests_to_idx on support_requests (to_org_id, status);

-- Attachments live in the database (bytes) or in the data directory (path); never served inline.
create table incident_attachments (
  id uuid primary key default gen_random_uuid(),
  incident_id uuid not null references incidents (id) on delete cascade,
  file_name text not null,
  content_type text not null,
  size integer not null,
  sha256 text not null,
  bytes bytea,
  path text,
  uploaded_by_name text not null,
  uploaded_by_org_id uuid not null references organizations (id),
  created_at timestamptz not null default now(),
  check ((bytes is null) <> (path is null))
);
create index incident_attachments_incident_idx on incident_attachments (incident_id, created_at);

-- Incidents the promotion engine opens from alerts start their timeline too (the engine only inserts the row).
create function incident_opened_from_alerts() returns trigger language plpgsql as $$
begin
  insert into incident_events (incident_id, at, kind, actor_name, actor_org_id, data)
    values (new.id, new.created_at, 'created', 'promotion', null, jsonb_build_object('source', 'alerts', 'ruleId', new.rule_id));
  return new;
end;
$$;
create trigger incidents_opened_from_alerts after insert on incidents
  for each row when (new.source = 'alerts') execute function incident_opened_from_alerts();

-- The regimes of vietnam.md §3, §4, §9. Durations whose unit or length is not settled in the primary
-- text are marked in `note`; the centre edits them through /api/v1/reporting-regimes.
insert into reporting_regimes (code, name, name_en, legal_basis, applies, rules, effective_from) values
  ('vn-circular-20-2017', 'Điều phối ứng cứu sự cố (Thông tư 20/2017/TT-BTTTT)', 'Incident response coordination (Circular 20/2017)',
   'Circular 20/2017/TT-BTTTT', '{"track": "routine"}',
   '[{"key": "notification", "kind": "notification", "trigger": "discovery", "amount": 5, "unit": "calendar_days", "recipients": "system owner, national coordinating agency, specialised response unit", "note": "calendar or working days not settled (unconfirmed)"},
     {"key": "initial", "kind": "initial", "trigger": "beyond_capacity", "amount": 0, "unit": "hours", "recipients": "system owner, specialised unit, national coordinating agency", "note": "filed with the request for support"},
     {"key": "final", "kind": "final", "trigger": "response_end", "amount": 5, "unit": "calendar_days", "recipients": "system owner, national coordinating agency", "note": "the coordinating agency closes the case only after it"}]',
   '2017-11-01'),
  ('vn-sbv-circular-09-2020', 'An toàn thông tin ngân hàng (Thông tư 09/2020/TT-NHNN)', 'Banking information security (Circular 09/2020/TT-NHNN)',
   'Circular 09/2020/TT-NHNN', '{"sectors": ["BANKING"]}',
   '[{"key": "notification", "kind": "notification", "trigger": "discovery", "amount": 24, "unit": "hours", "recipients": "State Bank IT Department (antt@sbv.gov.vn)", "form": "Appendix 01"},
     {"key": "final", "kind": "final", "trigger": "response_end", "amount": 5, "unit": "working_days", "recipients": "State Bank IT Department", "form": "Appendix 02"}]',
   '2021-01-01'),
  ('vn-decree-13-2023', 'Vi phạm dữ liệu cá nhân (Nghị định 13/2023/NĐ-CP)', 'Personal-data breach (Decree 13/2023)',
   'Decree 13/2023/NĐ-CP Art. 23', '{"personalData": true}',
   '[{"key": "notification", "kind": "notification", "trigger": "occurrence", "amount": 72, "unit": "hours", "recipients": "Ministry of Public Security (A05)", "form": "Form 03 (unconfirmed)"}]',
   '2023-07-01'),
  ('vn-decision-05-2017', 'Sự cố nghiêm trọng (Quyết định 05/2017/QĐ-TTg)', 'Serious incident (Decision 05/2017)',
   'Decision 05/2017/QĐ-TTg', '{"track": "serious"}',
   '[{"key": "notification", "kind": "notification", "trigger": "serious", "amount": 24, "unit": "hours", "recipients": "standing agency, national coordinating agency", "note": "deadline not set by the Decision (unconfirmed default)"},
     {"key": "final", "kind": "final", "trigger": "response_end", "amount": 5, "unit": "calendar_days", "recipients": "standing agency, national coordinating agency", "note": "unconfirmed default"}]',
   '2017-03-16');
