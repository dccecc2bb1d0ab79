import type { NormalizedAlert, QuarantineReason } from '@lachan/contracts';

/** Result of parsing one record: the normalised alert, or a stable snake_case reason for quarantine. */
export type ParseOutcome = { ok: true; alert: NormalizedAlert } | { ok: false; code: QuarantineReason; message: string };

/** Options of `parseAlert`. */
export interface ParseOptions {
  /** When the platform received the record; anchors year-less syslog times. */
  receivedAt: Date;
  /** IANA zone for times written without one (RFC 3164, CEF `rt`); default `Asia/Ho_Chi_Minh`. */
  timeZone?: string;
  /** Longest record accepted, in UTF-16 code units; default 1 MiB (TheHive's description limit). */
  maxRecordLength?: number;
}

/** What every format mapper receives besides the record. */
export interface ParseContext {
  receivedAt: Date;
  timeZone: string;
}

/** A batch body cut into records, or why it could not be cut. */
export type SplitOutcome = { records: string[] } | { error: { code: QuarantineReason; message: string } };
