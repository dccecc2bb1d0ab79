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

/** Index just past the string starting at the quote `s[i]`, or -1 if it never ends. */
export function stringEnd(s: string, i: number): number {
  let j = i + 1;
  for (;;) {
    const q = s.indexOf('"', j);
    if (q < 0) return -1;
    let backslashes = 0;
    for (let k = q - 1; k > i && s.charCodeAt(k) === BACKSLASH; k--) backslashes++;
    if (backslashes % 2 === 0) return q + 1;
    j = q + 1;
  }
}

/** Index just past the object or array opening at `s[i]`, or -1 if it is unbalanced or unterminated. */
export function containerEnd(s: string, i: number): number {
  const closers: number[] = [];
  for (let j = i; j < s.length; j++) {
    const c = s.charCodeAt(j);
    if (c === QUOTE) {
      const e = stringEnd(s, j);
      if (e < 0) return -1;
      j = e - 1;
    } else if (c === OPEN_BRACE) closers.push(CLOSE_BRACE);
    else if (c === OPEN_BRACKET) closers.push(CLOSE_BRACKET);
    else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      if (closers.pop() !== c) return -1;
      if (closers.length === 0) return j + 1;
    }
  }
  return -1;
}

/** Index just past any JSON value starting at `s[i]` (scalars end at `,`, `]`, `}` or whitespace), or -1. */
export function valueEnd(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c === OPEN_BRACE || c === OPEN_BRACKET) return containerEnd(s, i);
  if (c === QUOTE) return stringEnd(s, i);
  let j = i;
  while (j < s.length) {
    const d = s.charCodeAt(j);
    if (d === COMMA || d === CLOSE_BRACKET || d === CLOSE_BRACE || isJsonSpace(d)) break;
    j++;
  }
  return j > i ? j : -1;
}

/**
 * The raw text of each top-level element of the array opening at `s[start]`, or an error message.
 * Only whitespace may follow the closing bracket.
 */
export function sliceArray(s: string, start: number): { items: string[] } | { error: string } {
  const items: string[] = [];
  let i = skipSpace(s, start + 1);
  if (s.charCodeAt(i) === CLOSE_BRACKET) return skipSpace(s, i + 1) === s.length ? { items } : { error: 'text after the closing ]' };
  for (;;) {
    if (i >= s.length) return { error: 'unterminated array' };
    const end = valueEnd(s, i);
    if (end < 0) return { error: `element ${items.length} is malformed or unterminated` };
    items.push(s.slice(i, end));
    i = skipSpace(s, end);
    const c = s.charCodeAt(i);
    if (c === COMMA) {
      i = skipSpace(s, i + 1);
      continue;
    }
    if (c === CLOSE_BRACKET) return skipSpace(s, i + 1) === s.length ? { items } : { error: 'text after the closing ]' };
    return { error: `expected , or ] after element ${items.length - 1}` };
  }
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
