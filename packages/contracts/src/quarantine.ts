/**
 * Why a record was quarantined: the one list of reason codes the parsers, the ingest paths and the
 * syslog listener may store, so the console words each in the reader's language and a test fails on a
 * code without a translation. The stored English message stays a technical detail beside it.
 */
export const QUARANTINE_REASONS = [
  // cutting a body into records
  'empty_body', 'malformed_json',
  // one record
  'empty_record', 'invalid_record', 'record_too_large', 'unsupported_format', 'invalid_option',
  'not_an_object', 'not_an_alert', 'missing_field', 'invalid_value', 'time_out_of_range',
  'bad_syslog_header', 'bad_cef_header', 'bad_cef_extension',
  // constituency reports (Shadowserver, abuse.ch, CSV with a mapping)
  'report_type_unknown', 'invalid_report_type', 'missing_header', 'mapping_required', 'missing_column',
  'column_count', 'no_constituency_host',
  // the platform itself
  'unknown_sender', 'refused_by_database', 'ingest_failed', 'internal_error',
] as const;
export type QuarantineReason = (typeof QUARANTINE_REASONS)[number];

/** Is this stored code one of the known reasons (rows written before a code was renamed may not be)? */
export const isQuarantineReason = (code: string): code is QuarantineReason => (QUARANTINE_REASONS as readonly string[]).includes(code);
