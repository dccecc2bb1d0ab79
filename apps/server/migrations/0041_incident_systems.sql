-- Incidents name the information systems they affect (issue 16 item 6). A system is attached by an
-- analyst ('manual') or by promotion when an alert lands on one of the system's assets ('alerts').
create table incident_systems (
  incident_id uuid not null references incidents (id) on delete cascade,
  system_id uuid not null references information_systems (id) on delete cascade,
  source text not null check (source in ('manual', 'alerts')),
  added_at timestamptz not null default now(),
  primary key (incident_id, system_id)
);
create index incident_systems_system_idx on incident_systems (system_id, added_at desc);

-- Set once the incident's severity was raised for a level 4-5 or critical system, so that the raise
-- happens once however many such systems are attached later (and never lowers it).
alter table incidents add column raised_for_system boolean not null default false;

-- The reporting duty of Circular 20 for incidents on a level 4-5 system or one critical to national
-- security, whatever their track: the same rules as the Circular 20 regime, addressed to the national
-- coordinating agency. Data, editable by the centre (docs/incident-systems.md).
insert into reporting_regimes (code, name, name_en, legal_basis, applies, rules, effective_from) values
  ('vn-circular-20-2017-systems', 'Báo cáo sự cố hệ thống cấp độ 4-5 hoặc quan trọng về an ninh quốc gia (Thông tư 20/2017/TT-BTTTT)',
   'Incidents on level 4-5 or national-security-critical systems (Circular 20/2017)',
   'Circular 20/2017/TT-BTTTT; Decree 85/2016/NĐ-CP (security levels); Law on Cybersecurity 2018 Art. 10',
   '{"systemLevels": [4, 5], "criticalSystem": true}',
   '[{"key": "notification", "kind": "notification", "trigger": "discovery", "amount": 5, "unit": "calendar_days", "recipients": "national coordinating agency (national centre), system owner", "note": "same clock as the Circular 20 regime; calendar or working days not settled (unconfirmed)"},
     {"key": "final", "kind": "final", "trigger": "response_end", "amount": 5, "unit": "calendar_days", "recipients": "national coordinating agency (national centre), system owner", "note": "same clock as the Circular 20 regime"}]',
   '2017-11-01');
