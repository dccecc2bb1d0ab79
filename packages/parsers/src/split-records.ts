import type { AlertFormat, QuarantineReason } from '@lachan/contracts';
import { containerEnd, nextObjectLine, scanOf, skipSpace, sliceArray } from './json-scan.ts';
import type { SplitOutcome } from './types.ts';

/**
 * Cuts a batch body into raw records, one per alert, without parsing them (each is parsed on its own
 * later, so one bad record never sinks the batch):
 * - JSON formats (lachan, ecs, wazuh, suricata): a JSON array (top-level elements sliced by a
 *   depth-tracking scanner, so 64-bit integers keep their digits), one JSON object (pretty-printed is
 *   fine), NDJSON (one object per line, blank lines skipped), or concatenated pretty-printed objects.
 * - cef, syslog: text lines (LF or CRLF; blank lines skipped), or a JSON array of strings.
 * A piece that is not well-formed (an element with an unclosed string, text after the closing ],
 * an object cut short) becomes a record of its own, which its parse then refuses, and the cut goes on
 * at the next well-formed object (json-scan.ts). Only a body with nothing to cut is an error.
 */
export function splitRecords(format: AlertFormat, body: string, contentType: string | undefined): SplitOutcome {
  const text = body.charCodeAt(0) === 0xfeff ? body.slice(1) : body;
  const start = skipSpace(text, 0);
  if (start === text.length) return error('empty_body', 'the body holds no record');
  const media = mediaType(contentType);
  if (format === 'cef' || format === 'syslog') return splitText(text, start, media);
  return splitJson(text, start, media);
}

function error(code: QuarantineReason, message: string): SplitOutcome {
  return { error: { code, message } };
}

function mediaType(contentType: string | undefined): string {
  if (contentType === undefined) return '';
  const semi = contentType.indexOf(';');
  return (semi < 0 ? contentType : contentType.slice(0, semi)).trim().toLowerCase();
}

function isLineDelimited(media: string): boolean {
  return media.endsWith('ndjson') || media.endsWith('jsonl') || media.endsWith('json-seq') || media === 'application/jsonlines';
}

function splitJson(text: string, start: number, media: string): SplitOutcome {
  const first = text.charCodeAt(start);
  if (first === 91 /* [ */ && !isLineDelimited(media)) {
    const r = sliceArray(text, start);
    return r.items.length === 0 && !r.closed ? error('malformed_json', 'the JSON array is never closed and holds no element') : { records: r.items };
  }
  if (isLineDelimited(media) || first !== 123 /* { */) return { records: lines(text) };
  const end = containerEnd(text, start);
  const firstNewline = text.indexOf('\n', start);
  if (end < 0) return { records: firstNewline < 0 ? [text.slice(start).trim()] : lines(text) };
  if (skipSpace(text, end) === text.length) return { records: [text.slice(start, end)] };
  if (firstNewline < 0 || end <= firstNewline) return { records: lines(text) };
  return concatenated(text, start);
}

/**
 * Pretty-printed objects one after another (`{...}\n{...}`), as `jq .` writes them. An object cut short
 * or followed by stray text runs, as one broken record, to the next line that starts a well-formed object.
 */
function concatenated(text: string, start: number): SplitOutcome {
  const records: string[] = [];
  const scan = scanOf(text);
  let i = start;
  while (i < text.length) {
    const end = text.charCodeAt(i) === 123 ? containerEnd(text, i, { feeds: scan.feeds }) : -1;
    if (end >= 0) {
      records.push(text.slice(i, end));
      i = skipSpace(text, end);
      continue;
    }
    const next = nextObjectLine(text, i, scan);
    records.push(text.slice(i, next < 0 ? text.length : next).trimEnd());
    if (next < 0) break;
    i = next;
  }
  return { records };
}

function splitText(text: string, start: number, media: string): SplitOutcome {
  const jsonish = media === 'application/json' || media.endsWith('+json');
  const isArray = text.charCodeAt(start) === 91; /* [ */
  if (!isArray && !jsonish) return { records: lines(text) };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { records: jsonish && isArray ? textsOf(sliceArray(text, start).items) : lines(text) };
  }
  if (typeof parsed === 'string') return { records: parsed.trim() === '' ? [] : [parsed] };
  if (Array.isArray(parsed)) return { records: textsOf(sliceArray(text, start).items) };
  return { records: [text.slice(start).trimEnd()] };
}

/** Elements of a JSON array of strings: each string, or the element's own text when it is not one. */
function textsOf(items: string[]): string[] {
  const records: string[] = [];
  for (const item of items) {
    let value: unknown = item;
    try {
      value = JSON.parse(item);
    } catch {
      /* a broken element stays as it was sent */
    }
    if (typeof value !== 'string') records.push(item);
    else if (value.trim() !== '') records.push(value);
  }
  return records;
}

/** Non-blank lines, CR of CRLF removed, everything else kept as sent. */
function lines(text: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i <= text.length) {
    let nl = text.indexOf('\n', i);
    if (nl < 0) nl = text.length;
    const end = nl > i && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
    if (end > i && !isBlank(text, i, end)) out.push(text.slice(i, end));
    i = nl + 1;
  }
  return out;
}

function isBlank(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 13 && c !== 0xfeff) return false;
  }
  return true;
}
