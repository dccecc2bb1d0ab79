import type { AlertFormat } from '@lachan/contracts';
import { containerEnd, skipSpace, sliceArray } from './json-scan.ts';
import type { SplitOutcome } from './types.ts';

/**
 * Cuts a batch body into raw records, one per alert, without parsing them (each is parsed on its own
 * later, so one bad record never sinks the batch):
 * - JSON formats (lachan, ecs, wazuh, suricata): a JSON array (top-level elements sliced by a
 *   depth-tracking scanner, so 64-bit integers keep their digits), one JSON object (pretty-printed is
 *   fine), NDJSON (one object per line, blank lines skipped), or concatenated pretty-printed objects.
 * - cef, syslog: text lines (LF or CRLF; blank lines skipped), or a JSON array of strings.
 */
export function splitRecords(format: AlertFormat, body: string, contentType: string | undefined): SplitOutcome {
  const text = body.charCodeAt(0) === 0xfeff ? body.slice(1) : body;
  const start = skipSpace(text, 0);
  if (start === text.length) return error('empty_body', 'the body holds no record');
  const media = mediaType(contentType);
  if (format === 'cef' || format === 'syslog') return splitText(text, start, media);
  return splitJson(text, start, media);
}

function error(code: string, message: string): SplitOutcome {
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
    return 'error' in r ? error('malformed_json', `not a valid JSON array: ${r.error}`) : { records: r.items };
  }
  if (isLineDelimited(media) || first !== 123 /* { */) return { records: lines(text) };
  const end = containerEnd(text, start);
  const firstNewline = text.indexOf('\n', start);
  if (end < 0) return { records: firstNewline < 0 ? [text.slice(start).trim()] : lines(text) };
  if (skipSpace(text, end) === text.length) return { records: [text.slice(start, end)] };
  if (firstNewline < 0 || end <= firstNewline) return { records: lines(text) };
  return concatenated(text, start);
}

/** Pretty-printed objects one after another (`{...}\n{...}`), as `jq .` writes them. */
function concatenated(text: string, start: number): SplitOutcome {
  const records: string[] = [];
  let i = start;
  while (i < text.length) {
    if (text.charCodeAt(i) !== 123) return error('malformed_json', `expected { at offset ${i} (record ${records.length})`);
    const end = containerEnd(text, i);
    if (end < 0) return error('malformed_json', `unterminated object at offset ${i} (record ${records.length})`);
    records.push(text.slice(i, end));
    i = skipSpace(text, end);
  }
  return { records };
}

function splitText(text: string, start: number, media: string): SplitOutcome {
  const jsonish = media === 'application/json' || media.endsWith('+json');
  if (text.charCodeAt(start) === 91 /* [ */ || jsonish) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (e) {
      if (jsonish) return error('malformed_json', `not valid JSON: ${(e as Error).message}`);
      return { records: lines(text) };
    }
    if (typeof parsed === 'string') return { records: [parsed] };
    if (!Array.isArray(parsed)) return error('malformed_json', 'expected a JSON array of strings');
    const records: string[] = [];
    for (let i = 0; i < parsed.length; i++) {
      const item: unknown = parsed[i];
      if (typeof item !== 'string') return error('not_a_string', `element ${i} is not a string`);
      if (item.trim() !== '') records.push(item);
    }
    return { records };
  }
  return { records: lines(text) };
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
