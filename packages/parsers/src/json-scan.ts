/**
 * A depth-tracking scanner that finds where a JSON value ends without parsing it, so batch bodies can be
 * cut into records whose raw text (and with it the exact digits of 64-bit numbers such as Suricata's
 * `flow_id`) survives to the per-record parse. It checks bracket pairing and string ends only; each
 * record is fully validated by its own JSON.parse later. Linear time, no regular expressions.
 */

const QUOTE = 34;
const BACKSLASH = 92;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const COMMA = 44;

export function isJsonSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

/** Index of the first non-whitespace character at or after `i` (or `s.length`). */
export function skipSpace(s: string, i: number): number {
  while (i < s.length && isJsonSpace(s.charCodeAt(i))) i++;
  return i;
}

/** The raw line feeds of a text, to tell whether a string would span one (JSON forbids it). */
export class LineFeeds {
  readonly #at: number[] = [];

  constructor(s: string) {
    for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) this.#at.push(i);
  }

  /** True when a line feed lies in [from, to). */
  within(from: number, to: number): boolean {
    let lo = 0;
    let hi = this.#at.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.#at[mid]! < from) lo = mid + 1;
      else hi = mid;
    }
    return lo < this.#at.length && this.#at[lo]! < to;
  }
}

/**
 * What a scan of a whole body carries: a budget of characters (recovery stays linear) and the body's
 * line feeds (a string that would run across one is unterminated, so a broken string is caught at the
 * end of its line instead of swallowing the next lines).
 */
export interface Scan {
  budget?: { left: number };
  feeds?: LineFeeds;
}

/** Index just past the string starting at the quote `s[i]`, or -1 if it never ends (or crosses a line feed of `feeds`). */
export function stringEnd(s: string, i: number, feeds?: LineFeeds): number {
  let j = i + 1;
  for (;;) {
    const q = s.indexOf('"', j);
    if (q < 0) return -1;
    let backslashes = 0;
    for (let k = q - 1; k > i && s.charCodeAt(k) === BACKSLASH; k--) backslashes++;
    if (backslashes % 2 === 0) return feeds?.within(i, q) ? -1 : q + 1;
    j = q + 1;
  }
}

/**
 * Index just past the object or array opening at `s[i]`, or -1 if it is unbalanced or unterminated.
 * With a budget, the characters scanned are taken from it.
 */
export function containerEnd(s: string, i: number, scan: Scan = {}): number {
  const closers: number[] = [];
  let j = i;
  const done = (r: number): number => {
    if (scan.budget) scan.budget.left -= j - i + 1;
    return r;
  };
  for (; j < s.length; j++) {
    const c = s.charCodeAt(j);
    if (c === QUOTE) {
      const e = stringEnd(s, j, scan.feeds);
      if (e < 0) {
        j = s.length;
        return done(-1);
      }
      j = e - 1;
    } else if (c === OPEN_BRACE) closers.push(CLOSE_BRACE);
    else if (c === OPEN_BRACKET) closers.push(CLOSE_BRACKET);
    else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      if (closers.pop() !== c) return done(-1);
      if (closers.length === 0) return done(j + 1);
    }
  }
  return done(-1);
}

/** Index just past any JSON value starting at `s[i]` (scalars end at `,`, `]`, `}` or whitespace), or -1. */
export function valueEnd(s: string, i: number, scan: Scan = {}): number {
  const c = s.charCodeAt(i);
  if (c === OPEN_BRACE || c === OPEN_BRACKET) return containerEnd(s, i, scan);
  if (c === QUOTE) return stringEnd(s, i, scan.feeds);
  let j = i;
  while (j < s.length) {
    const d = s.charCodeAt(j);
    if (d === COMMA || d === CLOSE_BRACKET || d === CLOSE_BRACE || isJsonSpace(d)) break;
    j++;
  }
  return j > i ? j : -1;
}

/** Characters the recovery of a broken body may scan, per character of the body: keeps it linear. */
const RECOVERY_SCANS_PER_CHAR = 8;

/** Top-level elements of an array as raw text; `broken` counts the pieces the scanner could not delimit. */
export interface SlicedArray {
  items: string[];
  broken: number;
  /** True when the closing ] was found. */
  closed: boolean;
}

/**
 * The raw text of each top-level element of the array opening at `s[start]`. Never gives up on the
 * rest because of one bad element: an element the scanner cannot delimit (an unclosed string or
 * bracket) becomes one piece of its own that runs to the next `,` followed by a well-formed object or
 * string (or to the end), text after the closing ] is one more piece, and a missing comma between two elements
 * is tolerated. Each piece is then parsed, and refused, on its own. Linear time: the search for the
 * next well-formed object scans at most RECOVERY_SCANS_PER_CHAR times the body, then stops there.
 */
export function sliceArray(s: string, start: number): SlicedArray {
  const out: SlicedArray = { items: [], broken: 0, closed: false };
  const scan = scanOf(s);
  const brokenUntilNext = (from: number): number => {
    const next = nextElementAfterComma(s, from + 1, scan);
    const until = next < 0 ? s.length : s.lastIndexOf(',', next);
    out.items.push(s.slice(from, until).trimEnd());
    out.broken++;
    return next < 0 ? s.length : next;
  };
  let i = skipSpace(s, start + 1);
  while (i < s.length) {
    const c = s.charCodeAt(i);
    if (c === CLOSE_BRACKET) {
      out.closed = true;
      const rest = skipSpace(s, i + 1);
      if (rest < s.length) {
        out.items.push(s.slice(rest).trimEnd());
        out.broken++;
      }
      return out;
    }
    if (c === COMMA) {
      i = skipSpace(s, i + 1);
      continue;
    }
    const end = valueEnd(s, i, scan);
    if (end < 0) {
      i = brokenUntilNext(i);
      continue;
    }
    out.items.push(s.slice(i, end));
    i = skipSpace(s, end);
    const d = s.charCodeAt(i);
    if (i < s.length && d !== COMMA && d !== CLOSE_BRACKET && d !== OPEN_BRACE && d !== OPEN_BRACKET) i = brokenUntilNext(i);
  }
  return out;
}

/**
 * Where the next element after a comma starts that is a well-formed object or string (the records of
 * an ingest array) followed by `,`, `]` or the end; -1 if none.
 */
function nextElementAfterComma(s: string, from: number, scan: Required<Scan>): number {
  for (let comma = s.indexOf(',', from); comma >= 0 && scan.budget.left > 0; comma = s.indexOf(',', comma + 1)) {
    const at = skipSpace(s, comma + 1);
    const first = s.charCodeAt(at);
    if (first !== OPEN_BRACE && first !== QUOTE) continue;
    const end = first === QUOTE ? stringEnd(s, at, scan.feeds) : containerEnd(s, at, scan);
    if (first === QUOTE) scan.budget.left -= end < 0 ? s.length - at : end - at;
    if (end < 0) continue;
    const after = skipSpace(s, end);
    const c = s.charCodeAt(after);
    if (after === s.length || c === COMMA || c === CLOSE_BRACKET) return at;
  }
  return -1;
}

/** Where the next line starting with a well-formed object begins (followed by another or the end); -1 if none. */
export function nextObjectLine(s: string, from: number, scan: Required<Scan>): number {
  for (let nl = s.indexOf('\n', from); nl >= 0 && scan.budget.left > 0; nl = s.indexOf('\n', nl + 1)) {
    if (s.charCodeAt(nl + 1) !== OPEN_BRACE) continue;
    const end = containerEnd(s, nl + 1, scan);
    if (end < 0) continue;
    const after = skipSpace(s, end);
    if (after === s.length || s.charCodeAt(after) === OPEN_BRACE) return nl + 1;
  }
  return -1;
}

/** A scan of a whole body `s`: its recovery budget (see RECOVERY_SCANS_PER_CHAR) and its line feeds. */
export function scanOf(s: string): Required<Scan> {
  return { budget: { left: RECOVERY_SCANS_PER_CHAR * s.length + 1024 }, feeds: new LineFeeds(s) };
}

/**
 * The raw text of the value of top-level member `key` of the JSON object in `s` (nested members of
 * the same name and look-alikes inside strings are skipped), or null. Keys are compared as written.
 */
export function topLevelMember(s: string, key: string): string | null {
  const quoted = JSON.stringify(key);
  let i = skipSpace(s, 0);
  if (s.charCodeAt(i) !== OPEN_BRACE) return null;
  i = skipSpace(s, i + 1);
  while (i < s.length && s.charCodeAt(i) === QUOTE) {
    const keyEnd = stringEnd(s, i);
    if (keyEnd < 0) return null;
    const k = s.slice(i, keyEnd);
    i = skipSpace(s, keyEnd);
    if (s.charCodeAt(i) !== 58 /* : */) return null;
    i = skipSpace(s, i + 1);
    const end = valueEnd(s, i);
    if (end < 0) return null;
    if (k === quoted) return s.slice(i, end);
    i = skipSpace(s, end);
    if (s.charCodeAt(i) !== COMMA) return null;
    i = skipSpace(s, i + 1);
  }
  return null;
}
