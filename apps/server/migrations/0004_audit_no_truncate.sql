-- The audit log is append-only: refuse TRUNCATE as well as row updates and deletes.
create trigger audit_log_no_truncate before truncate on audit_log
  for each statement execute function audit_log_append_only();
