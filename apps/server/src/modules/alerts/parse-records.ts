import type { IngestResult, NormalizedAlert, StoredAlertFormat } from '@lachan/contracts';
import { parseAlert, type ParseOutcome } from '@lachan/parsers';
import type { QuarantineEntry } from './batch.repository.ts';

/** Most per-record errors an answer lists (every failing record is still quarantined). */
export const MAX_ERRORS_RETURNED = 1000;
/** Records parsed between two turns of the event loop (about 2-3 ms of work; 250 held other work up to 15 ms). */
const PARSE_SLICE = 50;

/** A record that parsed, with its place in the batch. */
export type ParsedRecord = { alert: NormalizedAlert; raw: string; index: number };

/** A batch's records sorted into alerts and quarantined records, with the errors the answer lists. */
export interface ParsedRecords {
  parsed: ParsedRecord[];
  rejected: QuarantineEntry[];
  errors: IngestResult['errors'];
}

/**
 * Parses a batch's records. Every few milliseconds of parsing the event loop gets a turn, so health
 * checks and the stream stay live, and a transaction waiting on this thread for its next statement
 * (holding the embedded engine) is not kept waiting. PostgreSQL text cannot hold NUL: it becomes U+FFFD,
 * so one such byte cannot fail the batch. `outcomes`: the records' parse outcomes when the caller already
 * parsed them (same order), so they are not parsed twice.
 */
export async function parseRecords(format: StoredAlertFormat, records: readonly string[], receivedAt: Date, outcomes?: readonly ParseOutcome[]): Promise<ParsedRecords> {
  const out: ParsedRecords = { parsed: [], rejected: [], errors: [] };
  for (let i = 0; i < records.length; i++) {
    if (i > 0 && i % PARSE_SLICE === 0) await new Promise((r) => setImmediate(r));
    const raw = records[i]!.includes('\u0000') ? records[i]!.replaceAll('\u0000', '\uFFFD') : records[i]!;
    const o = (raw === records[i] ? outcomes?.[i] : undefined) ?? parseAlert(format, raw, { receivedAt });
    if (o.ok) out.parsed.push({ alert: o.alert, raw, index: i });
    else {
      out.rejected.push({ code: o.code, message: o.message, raw });
      if (out.errors.length < MAX_ERRORS_RETURNED) out.errors.push({ index: i, code: o.code, message: o.message });
    }
  }
  return out;
}
