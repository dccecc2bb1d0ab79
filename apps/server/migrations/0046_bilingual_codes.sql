-- Server-made text travels as a code with parameters so every reader gets it in their own language
-- (issue 18 item 3).
--
-- 1. Campaign titles: the engine stored only the English "Shared infrastructure <value>", and readers
--    recovered the code from that prefix. The code and its parameter are now stored beside the title;
--    rows made before are back-filled from the prefix once.
alter table campaigns add column title_code text, add column title_params jsonb;
update campaigns set title_code = 'shared_infrastructure', title_params = jsonb_build_object('value', substr(title, 23))
  where title like 'Shared infrastructure %';

-- 2. Report recipients: the shipped regimes named them in English prose. Each rule now lists them as
--    codes (`recipientCodes`), worded by the console and the documents in the reader's language;
--    `recipients` keeps only what no code says (an address). A rule the centre has edited since it was
--    shipped (its text differs) is left as the centre wrote it.
with seeded(regime, rule_key, was, codes, rest) as (values
  ('vn-circular-20-2017', 'notification', 'system owner, national coordinating agency, specialised response unit', '["system_owner", "national_coordinator", "specialised_unit"]', ''),
  ('vn-circular-20-2017', 'initial', 'system owner, specialised unit, national coordinating agency', '["system_owner", "specialised_unit", "national_coordinator"]', ''),
  ('vn-circular-20-2017', 'final', 'system owner, national coordinating agency', '["system_owner", "national_coordinator"]', ''),
  ('vn-sbv-circular-09-2020', 'notification', 'State Bank IT Department (antt@sbv.gov.vn)', '["sbv_it_department"]', 'antt@sbv.gov.vn'),
  ('vn-sbv-circular-09-2020', 'final', 'State Bank IT Department', '["sbv_it_department"]', ''),
  ('vn-decree-13-2023', 'notification', 'Ministry of Public Security (A05)', '["mps_a05"]', ''),
  ('vn-decision-05-2017', 'notification', 'standing agency, national coordinating agency', '["standing_agency", "national_coordinator"]', ''),
  ('vn-decision-05-2017', 'final', 'standing agency, national coordinating agency', '["standing_agency", "national_coordinator"]', ''),
  ('vn-circular-20-2017-systems', 'notification', 'national coordinating agency (national centre), system owner', '["national_coordinator", "system_owner"]', ''),
  ('vn-circular-20-2017-systems', 'final', 'national coordinating agency (national centre), system owner', '["national_coordinator", "system_owner"]', '')
)
update reporting_regimes r set rules = (
  select jsonb_agg(case when s.codes is null then x.e else x.e || jsonb_build_object('recipientCodes', s.codes::jsonb, 'recipients', s.rest) end order by x.ord)
  from jsonb_array_elements(r.rules) with ordinality as x(e, ord)
  left join seeded s on s.regime = r.code and s.rule_key = x.e->>'key' and s.was = x.e->>'recipients')
where r.code in (select regime from seeded) and jsonb_array_length(r.rules) > 0;
