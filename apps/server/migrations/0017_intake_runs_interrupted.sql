-- An intake run whose server process ended under it (killed, crashed, stopped mid-upload) ends as
-- `interrupted`, with a note saying why, instead of staying `running` forever. `runner` is the
-- presence mark of the process carrying the run (db/database.ts): a run whose process is gone is
-- interrupted at the next start and, on PostgreSQL where several processes share the database, by
-- the periodic sweep of any live process.
alter table intel_intake_runs drop constraint intel_intake_runs_status_check;
alter table intel_intake_runs add constraint intel_intake_runs_status_check
  check (status in ('running', 'done', 'failed', 'interrupted'));
alter table intel_intake_runs add column runner text;
create index intel_intake_runs_running_idx on intel_intake_runs (started_at) where status = 'running';
