-- National promotion rules shipped as data; the centre edits or disables them through the API.
insert into promotion_rules (org_id, name, conditions) values
  (null, 'Critical alert', '{"minSeverity": 4}'),
  (null, 'Brute-force burst', '{"rsitClasses": ["intrusion-attempts"], "count": {"threshold": 50, "windowMinutes": 10, "groupBy": "srcIp"}}');
