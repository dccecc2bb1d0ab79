import type { NormalizedAlert, StoredAlertFormat } from '@lachan/contracts';
import { ParseFailure } from './failure.ts';
import { parseCef } from './formats/cef.ts';
import { parseConstituency } from './formats/constituency/index.ts';
import { parseEcs } from './formats/ecs.ts';
import { parseLachan } from './formats/lachan.ts';
import { parseSuricata } from './formats/suricata.ts';
import { parseSyslog } from './formats/syslog.ts';
import { parseWazuh } from './formats/wazuh.ts';
import { makeStorable, storableText } from './storable.ts';
import type { ParseContext, ParseOptions, ParseOutcome } from './types.ts';
import { isValidTimeZone } from './zone.ts';

export const DEFAULT_TIME_ZONE = 'Asia/Ho_Chi_Minh';
export const DEFAULT_MAX_RECORD_LENGTH = 1_048_576;

const PARSERS: Record<StoredAlertFormat, (record: string, ctx: ParseContext) => NormalizedAlert> = {
  lachan: parseLachan,
  ecs: parseEcs,
  wazuh: parseWazuh,
  suricata: parseSuricata,
  cef: parseCef,
  syslog: parseSyslog,
  constituency: parseConstituency,
};

/**
 * Parses one record of `format` (one JSON object, or one CEF/syslog line) into a normalised alert.
 * Never throws: every failure, including an unexpected one (`internal_error`), comes back as
 * `{ ok: false, code, message }` so the record can be quarantined with its reason. An alert that comes
 * back is storable as it is (see storable.ts): no NUL or unpaired surrogate, a time in years 1–9999;
 * so is a failure's message.
 */
export function parseAlert(format: StoredAlertFormat, record: string, opts: ParseOptions): ParseOutcome {
  try {
    const parser = Object.hasOwn(PARSERS, format) ? PARSERS[format] : undefined;
    if (parser === undefined) return { ok: false, code: 'unsupported_format', message: `unknown alert format "${String(format)}"` };
    if (typeof record !== 'string') return { ok: false, code: 'invalid_record', message: 'the record is not text' };
    const max = opts.maxRecordLength ?? DEFAULT_MAX_RECORD_LENGTH;
    if (record.length > max) return { ok: false, code: 'record_too_large', message: `the record has ${record.length} characters, at most ${max} are accepted` };
    if (record.trim() === '') return { ok: false, code: 'empty_record', message: 'the record is empty' };
    if (!(opts.receivedAt instanceof Date) || Number.isNaN(opts.receivedAt.getTime())) return { ok: false, code: 'invalid_option', message: 'receivedAt must be a valid Date' };
    const timeZone = opts.timeZone ?? DEFAULT_TIME_ZONE;
    if (!isValidTimeZone(timeZone)) return { ok: false, code: 'invalid_option', message: `unknown time zone "${timeZone}"` };
    return { ok: true, alert: makeStorable(parser(record, { receivedAt: opts.receivedAt, timeZone })) };
  } catch (e) {
    // The reason is stored with the record, and it may quote the record: it is made storable too.
    if (e instanceof ParseFailure) return { ok: false, code: e.code, message: storableText(e.message) };
    return { ok: false, code: 'internal_error', message: storableText(`unexpected parser error: ${e instanceof Error ? e.message : String(e)}`) };
  }
}
