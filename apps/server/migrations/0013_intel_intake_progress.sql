-- Intake progress and notes: bytes read of a streamed bundle (and its total when the request told it),
-- and notes that are not errors (an indicator value a warninglist marks as known-benign).
alter table intel_intake_runs add column bytes_read bigint not null default 0;
alter table intel_intake_runs add column bytes_total bigint;
alter table intel_intake_runs add column notes jsonb not null default '[]';

-- TAXII 2.1 pulls are feeds too: `location` holds the API root URL, `collection_id` the remote
-- collection, `credentials` the Basic or Bearer secret (encrypted when a key is configured; never
-- returned), `cursor` the X-TAXII-Date-Added-Last of the last page read, so the next pull asks only
-- for what was added after it.
alter table intel_feeds drop constraint intel_feeds_kind_check;
alter table intel_feeds add constraint intel_feeds_kind_check check (kind in ('misp', 'csv', 'taxii'));
alter table intel_feeds add column collection_id text;
alter table intel_feeds add column auth_kind text check (auth_kind in ('basic', 'bearer'));
alter table intel_feeds add column credentials text;
alter table intel_feeds add column cursor text;
alter table intel_feeds add column page_size integer not null default 1000 check (page_size between 1 and 10000);

-- The latest sighting of an indicator value resets its decay clock; the warninglist that marks a value
-- as known-benign (null when none) explains why the matcher leaves it out.
alter table intel_indicator_values add column last_sighted_at timestamptz;
alter table intel_indicator_values add column suppressed_by text;
