-- Observables of an alert that matched live indicators at ingest: [{observableIndex, indicatorId}].
alter table alerts add column indicator_matches jsonb not null default '[]';
