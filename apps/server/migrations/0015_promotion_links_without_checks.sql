-- Promotion writes a link per promoted alert and a tally per group and minute, thousands per batch; a
-- foreign key made each of those rows run a lookup and lock its incident or rule. Incidents and rules
-- are never deleted (they are closed, merged or disabled), and the engine writes a link only for the
-- incident it has just read or opened in the same transaction, so the checks guarded nothing.
alter table incident_alerts drop constraint incident_alerts_incident_id_fkey;
alter table promotion_counts drop constraint promotion_counts_rule_id_fkey;
