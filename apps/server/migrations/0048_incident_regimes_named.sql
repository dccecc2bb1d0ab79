-- Reporting regimes an analyst named for an incident (PUT .../regimes, or regimeCodes when opening it)
-- survive every later automatic re-choice (systems attached, seriousness changed), as does a regime a
-- report was filed under: the new set is the union (issue 16).
alter table incident_regimes add column named boolean not null default false;

-- Regimes named before this column: the last naming on each incident's timeline.
update incident_regimes r set named = true
  from (select distinct on (incident_id) incident_id, data from incident_events where kind = 'regimes' order by incident_id, id desc) e,
    reporting_regimes g
  where r.incident_id = e.incident_id and g.id = r.regime_id and jsonb_typeof(e.data->'regimes') = 'array' and e.data->'regimes' ? g.code;
