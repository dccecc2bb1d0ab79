/** One token of a STIX pattern; `pos` is its offset, for error messages. */
export interface Token {
  kind: 'punct' | 'op' | 'word' | 'string' | 'number' | 'typed' | 'end';
  text: string;
  /** Decoded value: string contents, typed-literal body (`t'…'` → '…'), or the number text. */
  value: string;
  /** For typed literals: 't', 'h' or 'b'. */
  prefix?: string;
  pos: number;
}

const PUNCT = new Set(['[', ']', '(', ')', ':', '.', ',', '*']);
const OPS = ['==', '!=', '<>', '<=', '>=', '=', '<', '>'];
// Sticky: matched where the scan stands, without copying the rest of the pattern for every token.
const NUMBER = /[+-]?(?:\d+\.\d+|\.\d+|\d+)/y;
const WORD = /[a-zA-Z_][a-zA-Z0-9_-]*/y;

/** Split a STIX pattern into tokens (STIXPattern.g4 lexer rules); throws a message on bad input. */
export function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (/\s/.test(c)) { i++; continue; }
    const op = OPS.find((o) => src.startsWith(o, i));
    if (op) { out.push({ kind: 'op', text: op, value: op, pos: i }); i += op.length; continue; }
    if (PUNCT.has(c)) { out.push({ kind: 'punct', text: c, value: c, pos: i }); i++; continue; }
    if (c === "'") { const [value, end] = readString(src, i); out.push({ kind: 'string', text: src.slice(i, end), value, pos: i }); i = end; continue; }
    if ((c === 't' || c === 'h' || c === 'b') && src[i + 1] === "'") {
      const [value, end] = readString(src, i + 1);
      out.push({ kind: 'typed', text: src.slice(i, end), value, prefix: c, pos: i });
      i = end;
      continue;
    }
    NUMBER.lastIndex = i;
    const num = NUMBER.exec(src);
    if (num && (c !== '+' && c !== '-' || /\d|\./.test(src[i + 1] ?? ''))) {
      out.push({ kind: 'number', text: num[0], value: num[0], pos: i });
      i += num[0].length;
      continue;
    }
    WORD.lastIndex = i;
    const word = WORD.exec(src);
    if (word) { out.push({ kind: 'word', text: word[0], value: word[0], pos: i }); i += word[0].length; continue; }
    throw new Error(`unexpected character ${JSON.stringify(c)} at offset ${i}`);
  }
  out.push({ kind: 'end', text: '', value: '', pos: src.length });
  return out;
}

/** Read a quoted string starting at the quote; only \' and \\ are escapes (grammar rule StringLiteral). */
function readString(src: string, start: number): [string, number] {
  let value = '';
  let i = start + 1;
  while (i < src.length) {
    const c = src[i]!;
    if (c === '\\') {
      const next = src[i + 1];
      if (next !== "'" && next !== '\\') throw new Error(`invalid escape \\${next ?? ''} at offset ${i} (only \\' and \\\\ are allowed)`);
      value += next;
      i += 2;
      continue;
    }
    if (c === "'") return [value, i + 1];
    value += c;
    i++;
  }
  throw new Error(`unterminated string starting at offset ${start}`);
}
