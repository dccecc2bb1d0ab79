/**
 * PostgreSQL COPY text format: tab-separated columns, one row per line, `\N` for NULL, and
 * backslash, tab, newline and carriage return escaped. Arrays are written as array literals.
 */
const SPECIAL = /[\\\t\n\r]/;

function escapeText(value: string): string {
  if (!SPECIAL.test(value)) return value;
  return value.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}

/** A text[] literal: every element double-quoted, quotes and backslashes escaped. */
export function textArrayLiteral(values: readonly string[]): string {
  if (values.length === 0) return '{}';
  return `{${values.map((v) => `"${v.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`;
}

export type CopyValue = string | number | boolean | null | undefined | readonly string[];

/** Encodes one value for a COPY text row. */
export function copyField(value: CopyValue): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'string') return escapeText(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '\\N';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  return escapeText(textArrayLiteral(value));
}

/**
 * Builds the COPY payload for many rows at once: each row is encoded straight into one growing buffer,
 * so a batch never becomes one long string to flatten and copy again (that cost as much as the rows).
 */
export function encodeCopyRows(rows: readonly (readonly CopyValue[])[]): Uint8Array {
  let buf = Buffer.allocUnsafe(64 * 1024);
  let at = 0;
  for (const row of rows) {
    let line = '';
    for (let i = 0; i < row.length; i++) line += (i ? '\t' : '') + copyField(row[i]);
    line += '\n';
    // A UTF-16 code unit never takes more than three bytes of UTF-8.
    if (at + line.length * 3 > buf.length) {
      const bigger = Buffer.allocUnsafe(Math.max(buf.length * 2, at + line.length * 3));
      buf.copy(bigger, 0, 0, at);
      buf = bigger;
    }
    at += buf.write(line, at, 'utf8');
  }
  return buf.subarray(0, at);
}
