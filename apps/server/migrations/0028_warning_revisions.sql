-- Every change of a published warning is a revision (CSAF revision history): issuing is revision 1,
-- withdrawing the next one, each with its date and summary; the document version is their count.
-- A warning may also name external references (vendor advisories, ATT&CK pages): a CSAF informational
-- advisory needs at least one (BSI mandatory test 6.1.27.2).
alter table warnings add column revisions jsonb not null default '[]';
alter table warnings add column "references" jsonb not null default '[]';

update warnings set revisions = jsonb_build_array(jsonb_build_object(
    'number', 1, 'date', to_char(coalesce(issued_at, updated_at) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'summary', 'Initial release'))
  where status in ('issued', 'withdrawn');
update warnings set revisions = revisions || jsonb_build_array(jsonb_build_object(
    'number', 2, 'date', to_char(updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'summary', 'Withdrawn'))
  where status = 'withdrawn';
