import { fail } from '../failure.ts';

/**
 * ArcSight CEF reader (formats.md §4), written against the Elastic Beats edge cases:
 * - header: 7 `|`-terminated fields after `CEF:`; only `\|` and `\\` are escapes there (other backslashes
 *   are kept), an unescaped `=` is legal; fewer than 7 fields → `bad_cef_header`.
 * - extension: space-separated `key=value`; keys start with a letter, digit or `_` and go on with those
 *   and `. , [ ] -` (vendor keys such as PAN-OS `PanOSX-Forwarded-ForIP`); a value runs to the next
 *   ` key=`, so spaces inside values are legal and a tab is not a separator; escapes `\=` `\\` `\n` `\r`
 *   `\|` are decoded; an unescaped `=` inside a value is kept as written (senders such as Check Point
 *   write `originsicname=CN\\=gw,O\\=…`, Cisco ESA writes URLs with query strings unescaped), as Beats
 *   and ArcSight connectors read them; any other backslash is kept as written (Windows paths); empty
 *   values are allowed; trailing whitespace is trimmed on the last value only. Text that does not start
 *   with `key=` → `bad_cef_extension`.
 * Linear time: each character is looked at a bounded number of times, no regular expressions.
 */

export interface CefEvent {
  version: string;
  deviceVendor: string;
  deviceProduct: string;
  deviceVersion: string;
  deviceEventClassId: string;
  name: string;
  severity: string;
  extensions: Map<string, string>;
}

const BACKSLASH = 92;
const PIPE = 124;
const EQUALS = 61;
const SPACE = 32;

function isKeyStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

function isKeyChar(c: number): boolean {
  return isKeyStart(c) || c === 46 || c === 44 || c === 91 || c === 93 || c === 45;
}

function isTrailingSpace(c: number): boolean {
  return c === SPACE || c === 9 || c === 10 || c === 13;
}

/** Parses the CEF message that starts at `text[start]` (`CEF:`...). */
export function parseCefMessage(text: string, start: number): CefEvent {
  const header: string[] = [];
  let i = start + 4;
  while (header.length < 7) {
    let value = '';
    let seg = i;
    for (;;) {
      if (i >= text.length) fail('bad_cef_header', `truncated CEF header: ${header.length} of 7 fields before the end of the record`);
      const c = text.charCodeAt(i);
      if (c === BACKSLASH) {
        const n = text.charCodeAt(i + 1);
        if (n === PIPE || n === BACKSLASH) {
          value += text.slice(seg, i);
          seg = i + 1;
          i += 2;
          continue;
        }
      } else if (c === PIPE) {
        value += text.slice(seg, i);
        i++;
        break;
      }
      i++;
    }
    header.push(value);
  }
  const version = header[0]!.trim();
  if (!/^\d{1,3}(?:\.\d{1,3})?$/.test(version)) fail('bad_cef_header', `CEF version "${version}" is not a number`);
  return {
    version,
    deviceVendor: header[1]!,
    deviceProduct: header[2]!,
    deviceVersion: header[3]!,
    deviceEventClassId: header[4]!,
    name: header[5]!,
    severity: header[6]!.trim(),
    extensions: parseExtension(text, i),
  };
}

/** End of the key starting at `j` when it is followed by `=`, else -1. */
function keyEnd(text: string, j: number): number {
  if (j >= text.length || !isKeyStart(text.charCodeAt(j))) return -1;
  let k = j + 1;
  while (k < text.length && isKeyChar(text.charCodeAt(k))) k++;
  return k < text.length && text.charCodeAt(k) === EQUALS ? k : -1;
}

const ESCAPES: Record<number, string> = { 92: '\\', 61: '=', 110: '\n', 114: '\r', 124: '|' };

function parseExtension(text: string, from: number): Map<string, string> {
  const out = new Map<string, string>();
  let i = from;
  while (i < text.length && isTrailingSpace(text.charCodeAt(i))) i++;
  while (i < text.length) {
    const end = keyEnd(text, i);
    if (end < 0) fail('bad_cef_extension', `expected key=value at offset ${i - from} of the extension`);
    const key = text.slice(i, end);
    i = end + 1;
    let value = '';
    let seg = i;
    let last = true;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === BACKSLASH) {
        const decoded = ESCAPES[text.charCodeAt(i + 1)];
        if (decoded !== undefined) {
          value += text.slice(seg, i) + decoded;
          i += 2;
          seg = i;
          continue;
        }
      } else if (c === SPACE && keyEnd(text, i + 1) > 0) {
        last = false;
        break;
      }
      i++;
    }
    value += text.slice(seg, i);
    if (last) {
      let e = value.length;
      while (e > 0 && isTrailingSpace(value.charCodeAt(e - 1))) e--;
      value = value.slice(0, e);
    } else i++;
    out.set(key, value);
  }
  return out;
}
